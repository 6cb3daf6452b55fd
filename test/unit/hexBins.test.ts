import { hexGrid } from '@turf/hex-grid';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { BBox } from 'geojson';
import { describe, expect, it } from 'vitest';
import { hexFeature, hexLayout, hexOfPoint } from '../../src/core/hexBins.ts';

const boxes: Array<[string, BBox, number]> = [
  ['Manchester, 500 m', [-2.31992, 53.34012, -2.14686, 53.54461], 500],
  ['Seattle, 250 m', [-122.43594, 47.49551, -122.23603, 47.73416], 250],
  ['a small box, 700 m', [-2.26, 53.46, -2.21, 53.5], 700],
  ['near the equator, 1 km', [10, -0.05, 10.1, 0.05], 1000],
];

describe('hexLayout', () => {
  for (const [name, bbox, metres] of boxes) {
    it(`${name}: same hexagons, same order, same doubles as Turf hexGrid`, () => {
      const turf = hexGrid(bbox, metres / 1000);
      const layout = hexLayout(bbox, metres);
      expect(layout.count).toBe(turf.features.length);
      expect(layout.count).toBeGreaterThan(4);
      for (let h = 0; h < layout.count; h++) expect(hexFeature(layout, h, {}).geometry).toEqual(turf.features[h]!.geometry);
    });

    it(`${name}: every vertex and edge midpoint goes to the first Turf hexagon containing it`, () => {
      const turf = hexGrid(bbox, metres / 1000).features;
      const layout = hexLayout(bbox, metres);
      const probes: number[][] = [];
      for (const hex of turf.filter((_, i) => i % 5 === 0)) {
        const ring = hex.geometry.coordinates[0]!;
        for (let i = 0; i < 6; i++) probes.push(ring[i]!, [(ring[i]![0]! + ring[i + 1]![0]!) / 2, (ring[i]![1]! + ring[i + 1]![1]!) / 2]);
      }
      for (const p of probes) {
        const expected = turf.findIndex((hex) => booleanPointInPolygon(p, hex));
        expect(hexOfPoint(layout, p[0]!, p[1]!)).toBe(expected);
      }
    });
  }

  it('says which input is wrong', () => {
    expect(() => hexLayout([0, 0, 1, 1], 0)).toThrow(/positive number of metres/);
    expect(() => hexLayout([0, 0, 0, 1], 500)).toThrow(/bbox with area/);
    expect(() => hexLayout([-10, 40, 10, 60], 10)).toThrow(/use larger cells/);
  });

  it('puts points beyond the grid in no hexagon', () => {
    const layout = hexLayout([-2.26, 53.46, -2.21, 53.5], 500);
    expect(hexOfPoint(layout, 0, 0)).toBe(-1);
    expect(hexOfPoint(layout, -2.4, 53.48)).toBe(-1);
  });
});
