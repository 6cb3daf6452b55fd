import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/core/consultations/settings.ts';
import { consultationTemplate, readTemplate } from '../../../src/core/consultations/template.ts';
import { testAreas, testThemes } from '../../support/serverFixtures.ts';

const good = () => JSON.parse(JSON.stringify(consultationTemplate({ title: 'Park plan', summary: 'What should change in the park?', areas: testAreas(), themes: testThemes(), settings: { ...DEFAULT_SETTINGS, minCount: 3 } })));

describe('readTemplate', () => {
  it('reads back what consultationTemplate writes, through JSON', () => {
    const read = readTemplate(good());
    expect(read.ok).toBe(true);
    if (read.ok) {
      expect(read.value.areas.features.map((f) => f.properties.id)).toEqual(['west', 'east']);
      expect(read.value.themes.map((t) => t.id)).toEqual(['green', 'safety']);
      expect(read.value.settings.minCount).toBe(3);
      expect(read.value.title).toBe('Park plan');
    }
  });

  const cases: [string, (t: Record<string, unknown>) => void, string, string][] = [
    ['another format', (t) => (t.format = 'geojson'), 'format', 'wrong-format'],
    ['a newer version', (t) => (t.version = 2), 'version', 'unsupported-version'],
    ['resident pins', (t) => (t.pins = []), 'pins', 'resident-data'],
    ['an unknown field', (t) => (t.budget2 = {}), 'budget2', 'unknown-field'],
    ['no title', (t) => delete t.title, 'title', 'invalid-title'],
    ['an unclosed ring', (t) => ((t.areas as { features: { geometry: { coordinates: number[][][] } }[] }).features[0]!.geometry.coordinates[0]!.pop()), 'areas.features[0]', 'ring-not-closed'],
    ['a bad theme colour', (t) => ((t.themes as { colour: string }[])[0]!.colour = 'green'), 'themes[0].colour', 'invalid-colour'],
    ['bad settings', (t) => ((t.settings as { minCount: number }).minCount = -1), 'settings.minCount', ''],
  ];
  it.each(cases)('refuses %s, naming the field and the rule', (_name, spoil, path, rule) => {
    const t = good();
    spoil(t);
    const read = readTemplate(t);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    const hit = read.errors.find((e) => e.path.startsWith(path));
    expect(hit, JSON.stringify(read.errors)).toBeDefined();
    if (rule) expect(read.errors.map((e) => e.rule)).toContain(rule);
  });

  it('refuses what is not an object', () => {
    for (const input of [null, [], 'template', 3]) expect(readTemplate(input).ok).toBe(false);
  });
});
