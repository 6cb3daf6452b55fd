// small counts cannot be worked out: a brute-force attacker (every integer table consistent with what aggregateAreas
// publishes) must find at least two possible values for every count published as "fewer than k".
import { readFileSync } from 'node:fs';
import { pointOnFeature } from '@turf/point-on-feature';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { aggregateAreas, areasBbox } from '../../src/core/aggregateAreas.ts';
import { createAreaLocator } from '../../src/core/createAreaLocator.ts';
import { mulberry32 } from '../../src/core/mulberry32.ts';
import type { PublishedCount, PublishedCounts } from '../../src/core/smallCounts.ts';
import type { AreaCollection } from '../../src/core/types.ts';
import { sharedDataFile, sharedDataSuite } from '../support/sharedData.ts';
import { recoverableSmallCounts, type Publication } from '../support/smallCountChecker.ts';

const LESS = { suppressed: true, lessThan: 5 } as const;
const WITHHELD = { suppressed: true } as const;

function square(x: number): Feature<Polygon> {
  return { type: 'Feature', properties: { name: `A${x}` }, geometry: { type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] } };
}

function pin(x: number, y: number, theme: string, kind: string): Feature<Point> {
  return { type: 'Feature', properties: { theme, kind }, geometry: { type: 'Point', coordinates: [x, y] } };
}

/** What aggregateAreas publishes: each area's counts and the outside total. */
function publicationOf(areas: FeatureCollection, pins: FeatureCollection<Point>, k: number): Publication {
  const r = aggregateAreas(areas, pins, { minCount: k });
  return { k, groups: r.features.map((f) => (f.properties as { counts: PublishedCounts }).counts), outside: r.outside };
}

/** A few unit-square areas; per area, theme and kind a count that is often small (0..2k+1), and a few pins outside. */
function randomInstance(seed: number) {
  const rnd = mulberry32(seed);
  const k = 3 + Math.floor(rnd() * 3);
  const nAreas = 1 + Math.floor(rnd() * 3);
  const themes = ['green', 'play', 'safety'].slice(0, 1 + Math.floor(rnd() * 3));
  const pins: Feature<Point>[] = [];
  for (let a = 0; a < nAreas; a++) {
    for (const theme of themes) {
      for (const kind of ['asset', 'priority']) {
        const n = rnd() < 0.3 ? 0 : Math.floor(rnd() * rnd() * (2 * k + 2));
        for (let i = 0; i < n; i++) pins.push(pin(a + 0.05 + 0.9 * rnd(), 0.05 + 0.9 * rnd(), theme, kind));
      }
    }
  }
  const outside = Math.floor(rnd() * (k + 1));
  for (let i = 0; i < outside; i++) pins.push(pin(-5 - rnd(), 5, themes[0]!, 'asset'));
  const areas: FeatureCollection = { type: 'FeatureCollection', features: Array.from({ length: nAreas }, (_, a) => square(a)) };
  return { k, areas, pins: { type: 'FeatureCollection', features: pins } as FeatureCollection<Point> };
}

const hasSmall = (p: Publication) => JSON.stringify(p).includes('"lessThan"');

/** Every number published, which must be 0 or at least k: a count from 1 to k-1 is never shown. */
function shownNumbers(p: Publication): number[] {
  const out: number[] = [];
  const walk = (x: unknown) => {
    if (typeof x === 'number') out.push(x);
    else if (x && typeof x === 'object') Object.entries(x).forEach(([key, v]) => key !== 'lessThan' && walk(v));
  };
  walk([p.groups, p.outside]);
  return out;
}

describe('the brute-force checker', () => {
  const byTheme = (green: { asset: PublishedCount; priority: PublishedCount }) => ({ green });

  it('finds counts pinned down by "fewer than k" alone (k = 3: assets <3 over two themes each <3 means 1 + 1 = 2)', () => {
    const less3 = { suppressed: true, lessThan: 3 } as const;
    const leaky: PublishedCounts = { total: WITHHELD, asset: less3, priority: 0, byTheme: { green: { asset: less3, priority: 0 }, play: { asset: less3, priority: 0 } } };
    expect(recoverableSmallCounts({ k: 3, groups: [leaky] }, 30)).toEqual([
      { where: 'group 0', cell: 'asset', values: [2] },
      { where: 'group 0', cell: 'green.asset', values: [1] },
      { where: 'group 0', cell: 'play.asset', values: [1] },
    ]);
  });

  it('finds two small counts that must both be k-1 (total 8 = <5 + <5)', () => {
    const leaky: PublishedCounts = { total: 8, asset: LESS, priority: LESS, byTheme: byTheme({ asset: LESS, priority: LESS }) };
    expect(recoverableSmallCounts({ k: 5, groups: [leaky] }, 30).map((e) => [e.cell, e.values])).toEqual([
      ['asset', [4]], ['priority', [4]], ['green.asset', [4]], ['green.priority', [4]],
    ]);
  });

  it('finds an area given away by a figure over all areas (the overall total minus the others)', () => {
    const shown = (n: number): PublishedCounts => ({ total: n, asset: n, priority: 0, byTheme: byTheme({ asset: n, priority: 0 }) });
    const small: PublishedCounts = { total: LESS, asset: LESS, priority: 0, byTheme: byTheme({ asset: LESS, priority: 0 }) };
    const exposures = recoverableSmallCounts({ k: 5, groups: [shown(7), small], outside: 0, overall: shown(9) }, 20);
    expect(exposures.filter((e) => e.where === 'group 1').map((e) => [e.cell, e.values])).toContainEqual(['total', [2]]);
  });

  it('lets through a publication where each small count still has two values', () => {
    const safe: PublishedCounts = { total: 12, asset: WITHHELD, priority: LESS, byTheme: { green: { asset: 9, priority: 0 }, play: { asset: LESS, priority: LESS } } };
    expect(recoverableSmallCounts({ k: 5, groups: [safe], outside: LESS }, 30)).toEqual([]);
  });
});

describe('small counts published by aggregateAreas cannot be worked out', () => {
  it('on 300 seeded random small instances (k from 3 to 5, up to 3 areas and 3 themes)', () => {
    let withSmall = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const { k, areas, pins } = randomInstance(seed);
      const publication = publicationOf(areas, pins, k);
      if (hasSmall(publication)) withSmall++;
      expect(shownNumbers(publication).filter((n) => n > 0 && n < k), `seed ${seed}: counts 1..k-1 shown`).toEqual([]);
      expect(recoverableSmallCounts(publication, pins.features.length + k), `seed ${seed}: ${JSON.stringify(publication)}`).toEqual([]);
    }
    // the instances are not trivially safe: most of them publish small counts
    expect(withSmall).toBeGreaterThan(200);
  });
});

sharedDataSuite('small counts cannot be worked out on the real Manchester wards', () => {
  it('with 600 generated pins (many wards with small counts), k = 5', () => {
    const areas = JSON.parse(readFileSync(sharedDataFile('manchester-wards-2023.geojson'), 'utf8')) as AreaCollection;
    const locate = createAreaLocator(areas);
    const [w, s, e, n] = areasBbox(areas);
    const rnd = mulberry32(2023);
    const themes = ['green', 'play', 'safety'];
    const pins: Feature<Point>[] = [];
    // most pins clustered inside a few wards, the rest spread over the bbox, so wards get from none to many pins
    const centres = [3, 9, 14, 20, 27].map((i) => pointOnFeature(areas.features[i]!).geometry.coordinates);
    while (pins.length < 600) {
      const [cx, cy] = centres[Math.floor(rnd() * centres.length)]!;
      const spread = rnd() < 0.7;
      const p: [number, number] = spread ? [cx! + (rnd() - 0.5) * 0.03, cy! + (rnd() - 0.5) * 0.02] : [w + rnd() * (e - w), s + rnd() * (n - s)];
      pins.push(pin(p[0], p[1], themes[Math.floor(rnd() * 3)]!, rnd() < 0.4 ? 'asset' : 'priority'));
    }
    const fc = { type: 'FeatureCollection', features: pins } as FeatureCollection<Point>;
    const publication = publicationOf(areas, fc, 5);
    // most wards hold a pin, and several publish small counts
    expect(pins.filter((p) => locate(p.geometry.coordinates as [number, number]) !== null).length).toBeGreaterThan(300);
    expect(publication.groups.filter((g) => JSON.stringify(g).includes('lessThan')).length).toBeGreaterThan(5);
    expect(shownNumbers(publication).filter((n) => n > 0 && n < 5)).toEqual([]);
    expect(recoverableSmallCounts(publication, pins.length + 5)).toEqual([]);
  });
});
