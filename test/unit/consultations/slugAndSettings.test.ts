import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, readSettings, storedSettings } from '../../../src/core/consultations/settings.ts';
import { slugFromTitle, slugProblem } from '../../../src/core/consultations/slug.ts';

describe('slugs', () => {
  it.each(['ab', 'park-2026', 'a1-b2-c3', 'x'.repeat(60)])('accepts %s', (slug) => expect(slugProblem(slug)).toBeNull());
  it.each(['a', '-ab', 'ab-', 'Park', 'park plan', 'parc_yr', 'x'.repeat(61), 'ü-ber', ''])('refuses "%s"', (slug) => expect(slugProblem(slug)).toMatch(/2-60 characters/));
  it.each(['api', 'staff', 'invite', 'planner', 'table'])('refuses the reserved "%s"', (slug) => expect(slugProblem(slug)).toMatch(/reserved/));
  it('suggests one from a title that is itself valid', () => {
    expect(slugFromTitle('Parc Ŷr Afon — 2026 plan')).toBe('parc-yr-afon-2026-plan');
    expect(slugFromTitle('  Łódź: parks & play!  ')).toBe('odz-parks-play');
    expect(slugProblem(slugFromTitle('A'.repeat(100) + ' b'))).toBeNull();
  });
});

describe('settings', () => {
  it('fills in the defaults and merges a change over the current settings', () => {
    expect(readSettings({})).toEqual({ ok: true, value: DEFAULT_SETTINGS, warnings: [] });
    const first = readSettings({ minCount: 3, privacyNotice: 'We keep pins for two years.' });
    expect(first.ok && first.value).toEqual({ minCount: 3, parts: { map: true, table: true }, privacyNotice: 'We keep pins for two years.' });
    const second = readSettings({ parts: { map: true, table: false } }, first.ok ? first.value : DEFAULT_SETTINGS);
    expect(second.ok && second.value).toEqual({ minCount: 3, parts: { map: true, table: false }, privacyNotice: 'We keep pins for two years.' });
  });

  it('refuses bad and unknown fields naming the path', () => {
    const bad = readSettings({ minCount: 2.5, colour: 'red' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors.map((e) => e.path).sort()).toEqual(['settings', 'settings.minCount']);
      expect(bad.errors.find((e) => e.path === 'settings.minCount')?.message).toMatch(/whole number/);
    }
    expect(readSettings({ parts: { map: 'yes', table: true } }).ok).toBe(false);
    expect(readSettings({ minCount: 101 }).ok).toBe(false);
    expect(readSettings('k=5').ok).toBe(false);
  });

  it('reads stored settings that are broken as the defaults, so an old row never stops a page', () => {
    expect(storedSettings({ minCount: 'five' })).toEqual(DEFAULT_SETTINGS);
    expect(storedSettings({ minCount: 0 }).minCount).toBe(0);
  });
});
