// what a zoom is to a clusters request: the browser sends the map's own zoom, the server reads it, both cluster alike.
import { describe, expect, it } from 'vitest';
import { clusterZoomLevel, clusterZoomParam, clusterZoomQuery } from '../../src/core/clusterZoom.ts';
import { createPlannerClusters } from '../../src/core/plannerClusters.ts';
import { buildPinTable } from '../../src/core/pinTable.ts';
import { mulberry32 as seeded } from '../../src/core/mulberry32.ts';

describe('cluster zoom', () => {
  it('clusters a fractional map zoom at the nearest whole zoom', () => {
    expect([12, 12.25, 12.49, 12.5, 12.75, 13].map(clusterZoomLevel)).toEqual([12, 12, 12, 13, 13, 13]);
    expect(clusterZoomLevel(-0.25)).toBe(0);
    expect(clusterZoomLevel(30)).toBe(24);
  });

  it('sends the zoom the map has, kept inside the range the server takes', () => {
    expect(clusterZoomParam(12.25)).toBe('12.25');
    expect(clusterZoomParam(9)).toBe('9');
    expect(clusterZoomParam(-1)).toBe('0');
    expect(clusterZoomParam(25.5)).toBe('24');
  });

  it('reads back every zoom the browser sends as the level the browser would cluster at', () => {
    for (let zoom = 0; zoom <= 24; zoom += 0.125) {
      const read = clusterZoomQuery.safeParse(clusterZoomParam(zoom));
      expect(read.success, String(zoom)).toBe(true);
      expect(read.data, String(zoom)).toBe(clusterZoomLevel(zoom));
    }
  });

  it('refuses what is not a zoom, saying why', () => {
    for (const [sent, message] of [
      ['twelve', 'zoom must be a number'],
      ['Infinity', 'zoom must be a number'],
      ['-1', 'zoom must be at least 0'],
      ['24.5', 'zoom must be at most 24'],
      [undefined, 'zoom must be a number'],
    ] as const) {
      const read = clusterZoomQuery.safeParse(sent);
      expect(read.success, String(sent)).toBe(false);
      expect(read.error?.issues.map((i) => i.message), String(sent)).toContain(message);
    }
  });

  it('is the rule the in-browser clusters follow too', () => {
    const random = seeded(17);
    const features = Array.from({ length: 400 }, (_, i) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [-0.24 + 0.14 * random(), 53.24 + 0.08 * random()] },
      properties: { id: `p${i}`, kind: 'asset', theme: 'green-space', title: `Pin ${i}` },
    }));
    const clusters = createPlannerClusters(buildPinTable({ type: 'FeatureCollection', features }).table);
    const bbox: [number, number, number, number] = [-1, 53, 1, 54];
    for (const zoom of [9.25, 11.5, 12.25, 12.75, 14.5]) {
      expect(clusters.marks({}, bbox, zoom), String(zoom)).toEqual(clusters.marks({}, bbox, clusterZoomLevel(zoom)));
    }
    // and a quarter step either side of a whole zoom does make a difference somewhere in this range
    expect(clusters.marks({}, bbox, 11.25)).not.toEqual(clusters.marks({}, bbox, 11.75));
  });
});
