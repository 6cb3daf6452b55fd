import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ERRORS, parseAreas } from '../../src/core/parseAreas.ts';
import type { Problem } from '../../src/core/types.ts';
import { regenerateGolden } from '../support/goldenFile.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const cases = readdirSync(path.join(fixtures, 'in')).filter((name) => /^import-.*\.geojson$/.test(name));

// the expected output is a FeatureCollection (so it can be dropped on a map) carrying the verdict as foreign members
function snapshot(text: string): unknown {
  const result = parseAreas(text);
  return result.ok
    ? { type: 'FeatureCollection', ok: true, warnings: result.warnings, features: result.value.features }
    : { type: 'FeatureCollection', ok: false, errors: result.errors, warnings: result.warnings, features: [] };
}

describe('parseAreas fixtures (REGEN=1 rewrites test/fixtures/out, locally only)', () => {
  it('has fixtures to run', () => expect(cases.length).toBeGreaterThanOrEqual(10));
  for (const name of cases) {
    it(name, () => {
      const actual = snapshot(readFileSync(path.join(fixtures, 'in', name), 'utf8'));
      const out = path.join(fixtures, 'out', name);
      regenerateGolden(out, `${JSON.stringify(actual, null, 2)}\n`);
      expect(actual).toEqual(JSON.parse(readFileSync(out, 'utf8')));
    });
  }
});

const rules = (problems: Problem[]) => problems.map((p) => p.rule);
const errorsOf = (text: string) => {
  const r = parseAreas(text);
  if (r.ok) throw new Error('expected the import to fail');
  return r.errors;
};
const ring = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];
const fc = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const feature = (coordinates: unknown, properties: unknown = {}, type = 'Polygon') => ({ type: 'Feature', properties, geometry: { type, coordinates } });

describe('parseAreas decisions', () => {
  it('reports invalid JSON with the line and column', () => {
    const [error] = errorsOf('{\n  "type": "FeatureCollection"\n  "features": []\n}');
    expect(error).toMatchObject({ rule: 'invalid-json', path: '(root)' });
    expect(error!.message).toMatch(/line 3, column 3/);
  });

  it('accepts a byte-order mark before the JSON', () => {
    expect(parseAreas(`\uFEFF${fc(feature([ring]))}`).ok).toBe(true);
  });

  it.each([
    ['null', 'invalid-root'],
    ['[1, 2]', 'invalid-root'],
    ['"text"', 'invalid-root'],
    ['{}', 'missing-type'],
    ['{"type": "Topology"}', 'unknown-type'],
    ['{"type": "FeatureCollection", "features": {}}', 'missing-features'],
    ['{"type": "LineString", "coordinates": [[0, 0], [1, 1]]}', 'not-an-area'],
    ['{"type": "GeometryCollection", "geometries": []}', 'not-an-area'],
  ])('refuses the root %s with %s', (text, rule) => {
    expect(rules(errorsOf(text))).toEqual([rule]);
  });

  it('names the feature and path of a point where an area is expected', () => {
    const [error] = errorsOf(fc(feature([ring]), feature([0, 0], {}, 'Point')));
    expect(error).toMatchObject({ feature: 1, path: 'features[1].geometry.type', rule: 'not-an-area' });
  });

  it('reports every broken feature, not only the first', () => {
    const errors = errorsOf(fc(feature([[[0, 0], [1, 0], [1, 1], [0, 1]]]), feature([ring]), feature('nope'), feature([ring], 'props')));
    expect(errors.map((e) => [e.feature, e.rule])).toEqual([
      [0, 'ring-not-closed'],
      [2, 'invalid-coordinates'],
      [3, 'invalid-properties'],
    ]);
  });

  it(`caps the list at ${MAX_ERRORS} errors and says how many more there were`, () => {
    const broken = Array.from({ length: 70 }, () => feature([[[0, 0], [1, 0], [1, 1], [0, 1]]]));
    const errors = errorsOf(fc(...broken));
    expect(errors).toHaveLength(MAX_ERRORS + 1);
    expect(errors.at(-1)).toMatchObject({ rule: 'too-many-errors' });
    expect(errors.at(-1)!.message).toMatch(/^20 more/);
  });

  it('explains projected coordinates and how to reproject them', () => {
    const [error] = errorsOf(fc(feature([[[400000, 90000], [400100, 90000], [400100, 90100], [400000, 90000]]])));
    expect(error).toMatchObject({ feature: 0, rule: 'projected-coordinates', path: 'features[0].geometry.coordinates[0][0]' });
    expect(error!.message).toMatch(/British National Grid/);
    expect(error!.message).toMatch(/ogr2ogr -t_srs EPSG:4326/);
  });

  it('refuses a crs member naming a projected system even when the numbers look like degrees', () => {
    const text = JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'EPSG:3857' } }, features: [feature([ring])] });
    expect(errorsOf(text)).toEqual([expect.objectContaining({ path: 'crs.properties.name', rule: 'projected-coordinates' })]);
  });

  it('gives one rewound warning for many clockwise features', () => {
    const clockwise = [...ring].reverse();
    const r = parseAreas(fc(feature([clockwise]), feature([clockwise]), feature([ring])));
    expect(r.ok && rules(r.warnings)).toEqual(['rewound']);
    expect(r.warnings[0]!.message).toMatch(/^2 of 3 areas/);
  });

  it('names the self-intersecting feature and a crossing point', () => {
    const [error] = errorsOf(fc(feature([ring], { name: 'Fine' }), feature([[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]], { name: 'Bow tie' })));
    expect(error).toMatchObject({ feature: 1, rule: 'self-intersection' });
    expect(error!.message).toContain('feature 1 (Bow tie)');
    expect(error!.message).toContain('[1, 1]');
  });

  it('accepts MultiPolygon members that only touch at a corner', () => {
    const a = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];
    const b = [[1, 1], [2, 1], [2, 2], [1, 2], [1, 1]];
    expect(parseAreas(fc(feature([[a], [b]], {}, 'MultiPolygon'))).ok).toBe(true);
  });

  it('leaves the text-derived features independent of each other (no shared arrays)', () => {
    const r = parseAreas(fc(feature([ring]), feature([ring])));
    if (!r.ok) throw new Error('expected ok');
    const [a, b] = r.value.features;
    expect(a!.geometry.coordinates).not.toBe(b!.geometry.coordinates);
    expect(a!.geometry.coordinates).toEqual(b!.geometry.coordinates);
  });
});
