import { describe, expect, it } from 'vitest';
import { parsePins } from '../../src/core/parsePins.ts';
import { pinsToGeoJson } from '../../src/core/exportPins.ts';
import { areas, pins, themes } from './pinFixtures.ts';

const now = '2025-04-01T00:00:00.000Z';
let counter = 0;
const context = { areas, themes, now, makeId: () => `new-${++counter}` };
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const point = (coordinates: unknown, properties: unknown, id?: string) => ({ type: 'Feature', ...(id ? { id } : {}), geometry: { type: 'Point', coordinates }, properties });

describe('parsePins', () => {
  it('round-trips what pinsToGeoJson writes', () => {
    const r = parsePins(pinsToGeoJson(pins), context);
    expect(r).toEqual({ ok: true, value: pins, warnings: [] });
  });

  it('re-derives the area from the position, ignoring a stored one', () => {
    const r = parsePins(collection(point([-2.5, 53.5], { kind: 'asset', theme: 'green', title: 'Tree', area: 'east' }, 'x')), context);
    expect(r.ok && r.value[0]!.properties.area).toBe('west');
  });

  it('fills in a missing id and timestamps, trims text and drops an empty note', () => {
    counter = 0;
    const r = parsePins(collection(point([-1.5, 53.5], { kind: 'asset', theme: 'green', title: '  Bench ', note: '' })), context);
    expect(r.ok && r.value[0]).toEqual({
      type: 'Feature',
      id: 'new-1',
      geometry: { type: 'Point', coordinates: [-1.5, 53.5] },
      properties: { id: 'new-1', kind: 'asset', theme: 'green', title: 'Bench', area: 'east', createdAt: now, updatedAt: now },
    });
  });

  it('drops a third coordinate with a warning', () => {
    const r = parsePins(collection(point([-1.5, 53.5, 12], { kind: 'asset', theme: 'green', title: 'Hill' }, 'h')), context);
    expect(r.ok && r.value[0]!.geometry.coordinates).toEqual([-1.5, 53.5]);
    expect(r.warnings.map((w) => w.rule)).toEqual(['dropped-z']);
  });

  it('imports nothing when any pin is wrong, and names each broken feature', () => {
    const r = parsePins(
      collection(
        point([-2.5, 53.5], { kind: 'asset', theme: 'green', title: 'Fine' }, 'a'),
        point([10, 10], { kind: 'asset', theme: 'green', title: 'Far away' }, 'b'),
        point([-2.5, 53.5], { kind: 'wish', theme: 'green', title: 'x'.repeat(81) }, 'c'),
        point([-2.5, 53.5], { kind: 'asset', theme: 'parking', title: 'Cars' }, 'd'),
        point([-2.5, 53.5], { kind: 'asset', theme: 'green', title: 'Again' }, 'a'),
        point([400000, 90000], { kind: 'asset', theme: 'green', title: 'Projected' }, 'e'),
        { type: 'Feature', geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] }, properties: {} },
        point([-2.5, 53.5], { kind: 'asset', theme: 'green', title: 'Bad date', createdAt: 'yesterday', supports: -1 }, 'f'),
      ),
      context,
    );
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.errors.map((e) => [e.feature, e.rule])).toEqual([
      [1, 'outside-areas'],
      [2, 'invalid-kind'],
      [2, 'invalid-title'],
      [3, 'unknown-theme'],
      [4, 'duplicate-id'],
      [5, 'invalid-position'],
      [6, 'not-a-point'],
      [7, 'invalid-createdAt'],
      [7, 'invalid-supports'],
    ]);
    expect(r.ok ? '' : r.errors[0]!.message).toBe('feature 1 ("Far away") at [10, 10] is outside every area of this map');
  });

  it.each([
    ['{', 'invalid-json'],
    ['[]', 'invalid-root'],
    ['{"type": "FeatureCollection"}', 'missing-features'],
  ])('refuses %s with %s', (text, rule) => {
    const r = parsePins(text, context);
    expect(r.ok ? [] : r.errors.map((e) => e.rule)).toEqual([rule]);
  });

  it('accepts an empty collection', () => {
    expect(parsePins(collection(), context)).toEqual({ ok: true, value: [], warnings: [] });
  });
});
