import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { createAreaLocator } from '../../src/core/createAreaLocator.ts';
import type { AreaCollection, AreaFeature, AreaGeometry, LngLat } from '../../src/core/types.ts';

const square = (x: number, y: number, size = 1) => [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]];
const area = (id: string, geometry: AreaGeometry): AreaFeature => ({ type: 'Feature', id, properties: { id, name: id }, geometry });
const collection = (...features: AreaFeature[]): AreaCollection => ({ type: 'FeatureCollection', features });

// west [0,1]x[0,1] and east [1,2]x[0,1] share the edge x = 1; "ring" is a 4x4 square at x 10 with a 2x2 hole
const areas = collection(
  area('west', { type: 'Polygon', coordinates: [square(0, 0)] }),
  area('east', { type: 'Polygon', coordinates: [square(1, 0)] }),
  area('ring', { type: 'Polygon', coordinates: [square(10, 0, 4), square(11, 1, 2).reverse()] }),
  area('islands', { type: 'MultiPolygon', coordinates: [[square(20, 0)], [square(30, 0)]] }),
  area('lake-island', { type: 'Polygon', coordinates: [square(11.5, 1.5, 1)] }),
);
const locate = createAreaLocator(areas);

describe('createAreaLocator', () => {
  it.each<[string, LngLat, string | null]>([
    ['inside one area', [0.5, 0.5], 'west'],
    ['on a shared edge: the first area in input order wins', [1, 0.5], 'west'],
    ['on a shared vertex', [1, 1], 'west'],
    ['on an outer vertex only east has', [2, 0], 'east'],
    ['in a hole, but on an island listed later', [12, 2], 'lake-island'],
    ['in a hole and nowhere else', [11.2, 1.2], null],
    ['on the edge of a hole (boundary counts as inside)', [11, 2], 'ring'],
    ['in the second polygon of a MultiPolygon', [30.5, 0.5], 'islands'],
    ['between the polygons of a MultiPolygon', [25, 0.5], null],
    ['outside everything', [-50, 40], null],
  ])('%s', (_, position, expected) => {
    expect(locate(position)).toBe(expected);
  });

  it('answers null for positions that are not finite numbers', () => {
    expect(locate([Number.NaN, 0])).toBeNull();
    expect(locate([0, Number.POSITIVE_INFINITY])).toBeNull();
  });

  it('answers null for every position when there are no areas', () => {
    expect(createAreaLocator(collection())([0.5, 0.5])).toBeNull();
  });

  it('does not change the areas it indexes', () => {
    const before = JSON.stringify(areas);
    createAreaLocator(areas)([0.5, 0.5]);
    expect(JSON.stringify(areas)).toBe(before);
  });

  it('agrees with a plain scan using @turf/boolean-point-in-polygon on a seeded grid of points', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const reference = (p: LngLat) => areas.features.find((f) => booleanPointInPolygon([...p], f.geometry))?.id ?? null;
    for (let i = 0; i < 2000; i++) {
      const p: LngLat = [random() * 34 - 1, random() * 6 - 1];
      expect(locate(p)).toBe(reference(p));
    }
  });
});
