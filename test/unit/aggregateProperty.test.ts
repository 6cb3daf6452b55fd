// property test: for seeded random pins over real boundaries (and pins exactly on their vertices and edges),
// the fast path gives exactly the Turf reference's counts, for areas and for hexagons.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { hexGrid } from '@turf/hex-grid';
import type { Feature, FeatureCollection, Point, Position } from 'geojson';
import { expect, it } from 'vitest';
import { aggregateAreas, aggregateHexes, areasBbox } from '../../src/core/aggregateAreas.ts';
import { aggregateAreasReference, aggregateHexesReference } from '../support/aggregateAreasReference.ts';
import { mulberry32 } from '../../src/core/mulberry32.ts';
import { SHARED_DATA, sharedDataSuite } from '../support/sharedData.ts';

const sharedData = SHARED_DATA;

const THEMES = ['green', 'play', 'safety', 'transport', 'housing'];

function pinAt(position: Position, rnd: () => number): Feature<Point> {
  const kind = rnd() < 0.1 ? undefined : rnd() < 0.5 ? 'asset' : 'priority';
  return { type: 'Feature', properties: { theme: THEMES[Math.floor(rnd() * THEMES.length)], ...(kind ? { kind } : {}) }, geometry: { type: 'Point', coordinates: position } };
}

function ringsOf(areas: FeatureCollection): Position[][] {
  return areas.features.flatMap((f) => {
    const g = f.geometry;
    if (g?.type === 'Polygon') return g.coordinates;
    if (g?.type === 'MultiPolygon') return g.coordinates.flat();
    return [];
  });
}

/** Random pins over the bbox (a margin beyond it), plus every step-th vertex and edge midpoint of the rings. */
function pinsOver(rings: Position[][], bbox: number[], seed: number, random: number, step: number): FeatureCollection<Point> {
  const rnd = mulberry32(seed);
  const [w, s, e, n] = bbox as [number, number, number, number];
  const features: Feature<Point>[] = [];
  for (let i = 0; i < random; i++) features.push(pinAt([w - 0.01 + rnd() * (e - w + 0.02), s - 0.01 + rnd() * (n - s + 0.02)], rnd));
  let k = Math.floor(rnd() * step);
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++, k++) {
      if (k % step !== 0) continue;
      const [a, b] = [ring[i]!, ring[i + 1]!];
      features.push(pinAt([a[0]!, a[1]!], rnd), pinAt([(a[0]! + b[0]!) / 2, (a[1]! + b[1]!) / 2], rnd));
    }
  }
  return { type: 'FeatureCollection', features };
}

const cases = [
  { file: 'manchester-wards-2023.geojson', seeds: [1, 2], random: 4000, step: 3 },
  { file: 'seattle-neighborhoods.geojson', seeds: [3], random: 4000, step: 25 },
];

sharedDataSuite('fast aggregation equals the Turf reference on real boundaries', () => {
  for (const { file, seeds, random, step } of cases) {
    for (const seed of seeds) {
      it(`${file}, seed ${seed}: areas`, () => {
        const areas = JSON.parse(readFileSync(path.join(sharedData, file), 'utf8')) as FeatureCollection;
        const pins = pinsOver(ringsOf(areas), areasBbox(areas), seed, random, step);
        const fast = aggregateAreas(areas, pins);
        expect(fast).toEqual(aggregateAreasReference(areas, pins));
        // the sample is not trivially empty: most areas and the outside both get pins
        expect(fast.features.filter((f) => f.properties!.counts.total > 0).length).toBeGreaterThan(areas.features.length * 0.8);
        expect(fast.outside).toBeGreaterThan(0);
      });

      it(`${file}, seed ${seed}: 250 m hexagons, with pins on hexagon vertices and edges`, () => {
        const areas = JSON.parse(readFileSync(path.join(sharedData, file), 'utf8')) as FeatureCollection;
        const bbox = areasBbox(areas);
        const hexRings = hexGrid(bbox, 0.25).features.filter((_, i) => i % 7 === seed % 7).map((f) => f.geometry.coordinates[0]!);
        const pins = pinsOver(hexRings, bbox, seed, random, 1);
        const options = { cellMetres: 250 };
        const fast = aggregateHexes(areas, pins, options);
        expect(fast).toEqual(aggregateHexesReference(areas, pins, options));
        expect(fast.features.length).toBeGreaterThan(100);
      });
    }
  }

  it('filters and suppression agree with the reference too', () => {
    const areas = JSON.parse(readFileSync(path.join(sharedData, 'manchester-wards-2023.geojson'), 'utf8')) as FeatureCollection;
    const pins = pinsOver(ringsOf(areas), areasBbox(areas), 9, 3000, 10);
    const rnd = mulberry32(99);
    for (const f of pins.features) f.properties!.createdAt = new Date(Date.UTC(2025, 0, 1) + rnd() * 365 * 864e5).toISOString();
    const options = { minCount: 5, filter: { themes: ['green', 'play'], kind: 'priority' as const, from: Date.UTC(2025, 2, 1), to: Date.UTC(2025, 8, 1) } };
    const fast = aggregateAreas(areas, pins, options);
    expect(fast).toEqual(aggregateAreasReference(areas, pins, options));
    expect(JSON.stringify(fast)).toContain('"lessThan":5');
    const hex = { ...options, cellMetres: 1000 };
    expect(aggregateHexes(areas, pins, hex)).toEqual(aggregateHexesReference(areas, pins, hex));
  });
});
