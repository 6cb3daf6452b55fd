// fixture tests: test/fixtures/in/aggregate-<case>.geojson -> out/aggregate-<case>.geojson (REGEN=1 rewrites the outputs, locally only).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { aggregateAreas, aggregateHexes, type AggregatedCollection } from '../../src/core/aggregateAreas.ts';
import { aggregateAreasReference, aggregateHexesReference } from '../support/aggregateAreasReference.ts';
import { isSuppressed, type PublishedCount } from '../../src/core/smallCounts.ts';
import { regenerateGolden } from '../support/goldenFile.ts';
import { SHARED_DATA, sharedDataTest } from '../support/sharedData.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const sharedData = SHARED_DATA;

/**
 * An input fixture is one FeatureCollection: Point features are pins, every other feature (null geometry
 * included) is an area, in order. Its "aggregate" member holds options: hex (metres), minCount, and
 * areasFile (a file in ../shared/data used as the areas instead).
 */
interface FixtureInput extends FeatureCollection {
  aggregate?: { hex?: number; minCount?: number; areasFile?: string };
}

function load(name: string): { areas: FeatureCollection; pins: FeatureCollection; options: NonNullable<FixtureInput['aggregate']> } {
  const input = JSON.parse(readFileSync(path.join(fixtures, 'in', name), 'utf8')) as FixtureInput;
  const options = input.aggregate ?? {};
  const isPin = (f: Feature) => f.geometry?.type === 'Point';
  const areas: FeatureCollection = options.areasFile
    ? (JSON.parse(readFileSync(path.join(sharedData, options.areasFile), 'utf8')) as FeatureCollection)
    : { type: 'FeatureCollection', features: input.features.filter((f) => !isPin(f)) };
  return { areas, pins: { type: 'FeatureCollection', features: input.features.filter(isPin) }, options };
}

function run(name: string, reference = false): AggregatedCollection {
  const { areas, pins, options } = load(name);
  const opts = { minCount: options.minCount };
  if (options.hex) return (reference ? aggregateHexesReference : aggregateHexes)(areas, pins, { ...opts, cellMetres: options.hex });
  return (reference ? aggregateAreasReference : aggregateAreas)(areas, pins, opts);
}

// sequential, colour-blind safe (ColorBrewer YlGnBu); grey for "fewer than k", white for none
const RAMP = ['#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#0c2c84'];

function withSimplestyle(result: AggregatedCollection): AggregatedCollection {
  const totals = result.features.map((f) => (f.properties as { counts: { total: PublishedCount } }).counts.total);
  const max = Math.max(1, ...totals.map((t) => (isSuppressed(t) ? 0 : t)));
  const features = result.features.map((f, i) => {
    const t = totals[i]!;
    const fill = isSuppressed(t) ? '#bbbbbb' : t === 0 ? '#ffffff' : RAMP[Math.min(RAMP.length - 1, Math.floor((t / max) * (RAMP.length - 1)))]!;
    return { ...f, properties: { ...f.properties, fill, 'fill-opacity': 0.6, stroke: '#333333', 'stroke-width': 1 } };
  });
  return { ...result, features };
}

const cases = readdirSync(path.join(fixtures, 'in')).filter((f) => f.startsWith('aggregate-') && f.endsWith('.geojson'));

describe('aggregate fixtures', () => {
  it('finds the fixture cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  for (const name of cases) {
    const needsShared = readFileSync(path.join(fixtures, 'in', name), 'utf8').includes('"areasFile"');
    (needsShared ? sharedDataTest : it)(`${name}: fast path equals the Turf reference and the stored output`, () => {
      const { areas, pins } = load(name);
      const before = JSON.stringify([areas, pins]);
      const fast = run(name);
      expect(JSON.stringify([areas, pins])).toBe(before); // inputs untouched
      expect(fast).toEqual(run(name, true));
      // real boundaries stay in ../shared/data: their outputs keep the counts but not the geometry
      const { options } = load(name);
      const styled = options.areasFile
        ? { ...withSimplestyle(fast), geometrySource: `../shared/data/${options.areasFile}`, features: withSimplestyle(fast).features.map((f) => ({ ...f, geometry: null })) }
        : withSimplestyle(fast);
      const outFile = path.join(fixtures, 'out', name);
      regenerateGolden(outFile, `${JSON.stringify(styled, null, 1)}\n`);
      expect(styled).toEqual(JSON.parse(readFileSync(outFile, 'utf8')));
    });
  }
});

const totalsOf = (r: AggregatedCollection) => r.features.map((f) => (f.properties as { counts: { total: PublishedCount } }).counts.total);

describe('aggregate fixtures say what a planner expects', () => {
  it('counts a pin on an edge or corner shared by two areas once, in the first area listed', () => {
    const r = run('aggregate-shared-edge.geojson');
    expect(totalsOf(r)).toEqual([4, 2]);
    expect(r.features[0]!.properties!.counts).toMatchObject({ asset: 2, priority: 2, byTheme: { play: { asset: 1, priority: 1 } } });
    expect(r.outside).toBe(0);
  });

  it('counts a pin in a hole in what fills the hole, and a pin on the hole edge in the holed area', () => {
    const r = run('aggregate-hole.geojson');
    expect(totalsOf(r)).toEqual([2, 2]);
    expect(r.outside).toBe(1);
  });

  it('reports pins in no area in "outside", including one a billionth of a degree past the edge', () => {
    expect(run('aggregate-outside.geojson')).toMatchObject({ outside: 3 });
  });

  it('counts pins on vertices as inside, and a pin in the notch of a concave area as outside', () => {
    const r = run('aggregate-vertex.geojson');
    expect(totalsOf(r)).toEqual([3]);
    expect(r.outside).toBe(1);
  });

  it('reads clockwise rings and multipolygons as they come', () => {
    const cw = run('aggregate-clockwise.geojson');
    expect([totalsOf(cw), cw.outside]).toEqual([[2], 1]);
    expect(totalsOf(run('aggregate-multipolygon.geojson'))).toEqual([3, 1]);
  });

  it('keeps empty geometries in place with zero counts and one warning each', () => {
    const r = run('aggregate-empty-geometry.geojson');
    expect(totalsOf(r)).toEqual([0, 1, 0, 0]);
    expect(r.features[0]!.geometry).toBeNull();
    expect(r.warnings).toHaveLength(3);
    expect(r.outside).toBe(1);
  });

  it('writes only hexagons holding pins, with their grid index, and every pin in one of them', () => {
    const r = run('aggregate-hex.geojson');
    const sum = totalsOf(r).reduce<number>((s, t) => s + (t as number), 0);
    expect(sum + (r.outside as number)).toBe(60);
    expect(r.features.every((f) => (f.properties as { hex: number }).hex >= 0)).toBe(true);
  });

  it('suppresses counts below k and withholds a second count where subtraction would reveal one', () => {
    const r = run('aggregate-min-count.geojson');
    const [big, small, none] = r.features.map((f) => f.properties!.counts);
    expect(big).toEqual({
      total: 12,
      asset: { suppressed: true },
      priority: { suppressed: true, lessThan: 5 },
      byTheme: {
        green: { asset: 9, priority: 0 },
        play: { asset: { suppressed: true, lessThan: 5 }, priority: { suppressed: true, lessThan: 5 } },
      },
    });
    expect(small.total).toEqual({ suppressed: true, lessThan: 5 });
    expect(none.total).toBe(0);
    expect(r.outside).toEqual({ suppressed: true, lessThan: 5 });
  });
});
