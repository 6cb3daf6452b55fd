// the shared real-world boundaries and bad files (../shared/data, see its SOURCES.md) against the import rules.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { pointOnFeature } from '@turf/point-on-feature';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { parseAreas } from '../../src/core/parseAreas.ts';
import { createAreaLocator } from '../../src/core/createAreaLocator.ts';
import type { AreaCollection, LngLat } from '../../src/core/types.ts';
import { hasSharedData, SHARED_DATA as data, sharedDataSuite } from '../support/sharedData.ts';

const read = (name: string) => readFileSync(path.join(data, name), 'utf8');

type Expected =
  | { reject: string; feature?: number; mentions?: string[]; warns?: string[] }
  | { accept: string[] };

// how each file in bad/ is handled, per SOURCES.md's classification and the decisions in parseAreas.ts
const BAD: Record<string, Expected> = {
  'geojsonhint-bad-json.geojson': { reject: 'invalid-json', mentions: ['line 3'] },
  'geojsonhint-rootstring.geojson': { reject: 'invalid-root' },
  'geojsonhint-notype.geojson': { reject: 'missing-type' },
  'geojsonhint-unknowntype.geojson': { reject: 'unknown-type' },
  'geojsonhint-featurecollection.geojson': { reject: 'missing-features' },
  'geojsonhint-nofeaturetype.geojson': { reject: 'invalid-feature-type', feature: 0 },
  'geojsonhint-multiple_problems.geojson': { reject: 'invalid-id', feature: 0 },
  'geojsonhint-stringcoord.geojson': { reject: 'not-an-area', feature: 0 },
  'geojsonhint-badcoordtype.geojson': { reject: 'invalid-coordinates', feature: 0, mentions: ['too shallowly'] },
  'geojsonhint-bad-properties-as-array.geojson': { reject: 'invalid-properties', feature: 0, warns: ['wrapped-root', 'null-geometry'] },
  'geojsonhint-point-labeled-as-a-multipolygon.geojson': { reject: 'invalid-coordinates', feature: 0, warns: ['wrapped-root'] },
  'geojsonhint-badcoord.geojson': { reject: 'not-an-area' },
  'geojsonhint-point-toofew.geojson': { reject: 'not-an-area' },
  'geojsonhint-point-toomany.geojson': { reject: 'not-an-area' },
  'geojsonhint-different-first-last.geojson': { reject: 'ring-not-closed', feature: 0, warns: ['wrapped-root'] },
  'geojsonhint-short-linearring.geojson': { reject: 'ring-too-short', feature: 0, warns: ['wrapped-root'] },
  'geojsonhint-short-line.geojson': { reject: 'not-an-area' },
  'geojsonhint-polygon_winding_order.geojson': { accept: ['wrapped-root', 'rewound'] },
  'geojsonhint-bad-polygon-interiorring-rhr.geojson': { accept: ['wrapped-root', 'rewound'] },
  'geojsonhint-geometrycollection_nested.geojson': { reject: 'not-an-area' },
  'geojsonhint-edge-good-point-3d.geojson': { reject: 'not-an-area' },
  // the only feature has no geometry: skipped with a warning, which leaves nothing
  'geojsonhint-edge-nullgeometry.geojson': { reject: 'no-areas', warns: ['null-geometry'] },
  // properties: null is accepted; the feature is refused only because it is a Point
  'geojsonhint-edge-nullproperties.geojson': { reject: 'not-an-area', feature: 0 },
  'turf-polygon-with-spike.geojson': { reject: 'self-intersection', feature: 0 },
  'turf-polygon-with-puncture.geojson': { reject: 'self-intersection', feature: 0 },
  'turf-multipolygons-overlap.geojson': { reject: 'self-intersection', feature: 0, mentions: ['overlap'] },
  'realworld-poole-bng-epsg27700.geojson': { reject: 'projected-coordinates', feature: 0, mentions: ['British National Grid', 'EPSG:4326'] },
  'realworld-kaiserslautern-3d.geojson': { accept: ['dropped-z', 'rewound'] },
  // Bayview's kinks are a sliver member touching the main polygon at one vertex, which OGC allows
  'realworld-sf-self-intersections.geojson': { reject: 'self-intersection', feature: 1, mentions: ['Marina'] },
};

sharedDataSuite('shared bad files', () => {
  const files = !hasSharedData ? [] : readdirSync(path.join(data, 'bad')).filter((f) => !f.startsWith('.'));

  it('has an expected outcome for every file in bad/ (add new files to the table)', () => {
    expect(files.filter((f) => !(f in BAD))).toEqual([]);
    expect(Object.keys(BAD).filter((f) => !files.includes(f))).toEqual([]);
  });

  for (const [name, expected] of Object.entries(BAD)) {
    it(`${name}: ${'reject' in expected ? `rejects with ${expected.reject}` : `accepts with ${expected.accept.join(', ')}`}`, () => {
      const result = parseAreas(read(`bad/${name}`));
      if ('accept' in expected) {
        expect(result.ok ? [] : result.errors).toEqual([]);
        expect(result.warnings.map((w) => w.rule)).toEqual(expected.accept);
        return;
      }
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const first = result.errors[0]!;
      expect(first.rule).toBe(expected.reject);
      if (expected.feature !== undefined) expect(first.feature).toBe(expected.feature);
      for (const text of expected.mentions ?? []) expect(first.message).toContain(text);
      if (expected.warns) expect(result.warnings.map((w) => w.rule)).toEqual(expected.warns);
    });
  }

  it('reports every problem in multiple_problems, each with its feature', () => {
    const result = parseAreas(read('bad/geojsonhint-multiple_problems.geojson'));
    expect(result.ok ? [] : result.errors.map((e) => [e.feature, e.rule])).toEqual([
      [0, 'invalid-id'],
      [0, 'not-an-area'],
      [1, 'not-an-area'],
      [2, 'invalid-feature-type'],
      [3, 'invalid-feature-type'],
    ]);
  });

  it('names North Beach, Marina and Downtown/Civic Center in the San Francisco self-intersections', () => {
    const result = parseAreas(read('bad/realworld-sf-self-intersections.geojson'));
    const errors = result.ok ? [] : result.errors;
    expect(errors.map((e) => [e.feature, e.rule])).toEqual([
      [1, 'self-intersection'],
      [5, 'self-intersection'],
      [10, 'self-intersection'],
    ]);
    expect(errors[2]!.message).toContain('feature 10 (North Beach)');
    expect(errors[2]!.message).toMatch(/near \[-122\.\d+, 37\.\d+\]/);
    expect(errors[1]!.message).toContain('Downtown/Civic Center');
  });

  it('refuses Poole both for its crs member and for its eastings/northings', () => {
    const result = parseAreas(read('bad/realworld-poole-bng-epsg27700.geojson'));
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['features[0].geometry.coordinates[0][0]', 'crs.properties.name']);
  });

  it('drops z from every Kaiserslautern position', () => {
    const result = parseAreas(read('bad/realworld-kaiserslautern-3d.geojson'));
    if (!result.ok) throw new Error('expected Kaiserslautern to be accepted');
    const positions = result.value.features.flatMap((f) => (f.geometry.type === 'Polygon' ? f.geometry.coordinates.flat() : f.geometry.coordinates.flat(2)));
    expect(positions.length).toBeGreaterThan(5000);
    expect(positions.every((p) => Array.isArray(p) && p.length === 2)).toBe(true);
    expect(result.warnings[0]!.message).toMatch(/^5777 positions/);
  });
});

// a point strictly inside a ring (turf's pointOnFeature can land on the edge of a thin, concave hole):
// the first midpoint of two far-apart vertices that lies inside and off the boundary
function strictlyInside(ring: number[][]): LngLat {
  const shape = { type: 'Polygon' as const, coordinates: [ring] };
  const n = ring.length - 1;
  for (let i = 0; i < n; i++) {
    for (const j of [Math.floor(n / 2), Math.floor(n / 3), Math.floor(n / 4)].map((k) => (i + k) % n)) {
      const mid: LngLat = [(ring[i]![0]! + ring[j]![0]!) / 2, (ring[i]![1]! + ring[j]![1]!) / 2];
      if (booleanPointInPolygon([...mid], shape, { ignoreBoundary: true })) return mid;
    }
  }
  throw new Error('no interior point found');
}

function accepted(name: string): AreaCollection {
  const result = parseAreas(read(name));
  if (!result.ok) throw new Error(`${name} was refused: ${result.errors.map((e) => e.message).join('; ')}`);
  return result.value;
}

sharedDataSuite('shared real boundaries', () => {
  it('accepts the 32 clockwise Manchester wards, rewinding all of them', () => {
    const result = parseAreas(read('manchester-wards-2023.geojson'));
    expect(result.ok && result.value.features.length).toBe(32);
    expect(result.warnings.map((w) => [w.rule, w.message.slice(0, 8)])).toEqual([['rewound', '32 of 32']]);
    if (result.ok) expect(result.value.features[0]).toMatchObject({ id: 'E05011350', properties: { id: 'E05011350', name: 'Ancoats & Beswick', lon: '-2.20943' } });
  });

  it('assigns a point inside a named Manchester ward to that ward', () => {
    const areas = accepted('manchester-wards-2023.geojson');
    const locate = createAreaLocator(areas);
    const ward = areas.features.find((f) => f.properties.name === 'Hulme')!;
    expect(ward).toBeDefined();
    const inside = pointOnFeature(ward).geometry.coordinates as unknown as LngLat;
    expect(locate(inside)).toBe(ward.id);
    // and every ward's interior point lands in its own ward: they do not overlap
    for (const f of areas.features) expect(locate(pointOnFeature(f).geometry.coordinates as unknown as LngLat)).toBe(f.id);
  });

  it('accepts the 90 Seattle MultiPolygons, rewound, with their 2 holes intact', () => {
    const areas = accepted('seattle-neighborhoods.geojson');
    expect(areas.features).toHaveLength(90);
    expect(areas.features.every((f) => f.geometry.type === 'MultiPolygon')).toBe(true);
    const holes = areas.features.flatMap((f) => (f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates.map((p) => p.length - 1) : []));
    expect(holes.reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('does not assign a point in a Seattle hole to the holed area', () => {
    const areas = accepted('seattle-neighborhoods.geojson');
    const locate = createAreaLocator(areas);
    const holed = areas.features.filter((f) => f.geometry.type === 'MultiPolygon' && f.geometry.coordinates.some((p) => p.length > 1));
    expect(holed).toHaveLength(2);
    for (const area of holed) {
      const polygon = (area.geometry.type === 'MultiPolygon' ? area.geometry.coordinates : []).find((p) => p.length > 1)!;
      const inHole = strictlyInside(polygon[1]!);
      // the reference check agrees the point is in the hole, so outside the holed area
      expect(booleanPointInPolygon([...inHole], { type: 'Polygon', coordinates: polygon })).toBe(false);
      expect(locate(inHole)).not.toBe(area.id);
      // while a point just inside the exterior still belongs to the area
      expect(locate(pointOnFeature({ type: 'Polygon', coordinates: polygon }).geometry.coordinates as unknown as LngLat)).toBe(area.id);
    }
  });

  // how long it takes is measured by `npm run bench` (timed unit tests fail on a loaded machine, not on slow code)
  it('parses the 1.7 MB Seattle file', () => {
    const text = read('seattle-neighborhoods.geojson');
    expect(text.length).toBeGreaterThan(1_500_000);
    const result = parseAreas(text);
    expect(result.ok).toBe(true);
  });
});
