// aggregation and small-count suppression on tiny inputs whose answers are worked out by hand and written here,
// so neither the golden files nor the Turf reference (both derived from code) are the only witnesses.
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { aggregateAreas } from '../../src/core/aggregateAreas.ts';
import { aggregateAreasReference } from '../support/aggregateAreasReference.ts';

const LESS = { suppressed: true, lessThan: 5 } as const;
const WITHHELD = { suppressed: true } as const;

function square(name: string, x: number, y: number): Feature<Polygon> {
  return { type: 'Feature', properties: { name }, geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] } };
}

// West [0,1]x[0,1], East [1,2]x[0,1], North [0,1]x[1,2]
const areas: FeatureCollection = { type: 'FeatureCollection', features: [square('West', 0, 0), square('East', 1, 0), square('North', 0, 1)] };

/** n pins of one theme and kind spread along a line inside the unit square at (x, y) */
function pins(n: number, x: number, y: number, theme: string | undefined, kind: 'asset' | 'priority' | undefined): Feature<Point>[] {
  return Array.from({ length: n }, (_, i) => ({
    type: 'Feature',
    properties: { ...(theme ? { theme } : {}), ...(kind ? { kind } : {}) },
    geometry: { type: 'Point', coordinates: [x + 0.1 + (0.8 * (i + 0.5)) / n, y + 0.5] },
  }));
}

const fc = (features: Feature<Point>[]): FeatureCollection<Point> => ({ type: 'FeatureCollection', features });
const countsOf = (r: ReturnType<typeof aggregateAreas>) => r.features.map((f) => (f.properties as { counts: unknown }).counts);

describe('aggregation, counted by hand', () => {
  // West: green asset, green priority, play priority; East: green asset and a pin with no theme and no kind
  // (an asset of theme "(none)"); one play asset far away (outside). Themes are listed sorted: "(none)" < green < play.
  const small = fc([
    ...pins(1, 0, 0, 'green', 'asset'),
    ...pins(1, 0, 0.2, 'green', 'priority'),
    ...pins(1, 0, -0.2, 'play', 'priority'),
    ...pins(1, 1, 0, 'green', 'asset'),
    ...pins(1, 1, 0.2, undefined, undefined),
    ...pins(1, 5, 5, 'play', 'asset'),
  ]);

  it('counts each pin in its area, by kind and theme, and the rest outside', () => {
    const r = aggregateAreas(areas, small);
    expect(countsOf(r)).toEqual([
      { total: 3, asset: 1, priority: 2, byTheme: { '(none)': { asset: 0, priority: 0 }, green: { asset: 1, priority: 1 }, play: { asset: 0, priority: 1 } } },
      { total: 2, asset: 2, priority: 0, byTheme: { '(none)': { asset: 1, priority: 0 }, green: { asset: 1, priority: 0 }, play: { asset: 0, priority: 0 } } },
      { total: 0, asset: 0, priority: 0, byTheme: { '(none)': { asset: 0, priority: 0 }, green: { asset: 0, priority: 0 }, play: { asset: 0, priority: 0 } } },
    ]);
    expect(r.outside).toBe(1);
  });

  it('filters by kind and theme before counting', () => {
    const r = aggregateAreas(areas, small, { filter: { kind: 'priority', themes: ['green'] } });
    expect(countsOf(r).map((c) => (c as { total: number }).total)).toEqual([1, 0, 0]);
    expect(r.outside).toBe(0);
  });

  // k = 5.
  // West: 9 green assets, 2 play assets, 1 play priority: total 12, asset 11, priority 1.
  //   1..4 hidden: play asset (2), play priority (1), priority (1). Then total = asset + priority has one hidden
  //   member (priority), so the smallest visible non-zero part, asset (11), is withheld. asset = 9 + play asset and
  //   priority = 0 + play priority now have two hidden members each: done. What is left knowable: play priority
  //   is 1 or 2 (asset = 12 - priority = 9 + play asset, play asset >= 1).
  // East: 3 green assets, 7 green priorities: total 10, asset 3, priority 7.
  //   hidden: asset (3), green asset (3). total = asset + priority: one hidden, so priority (7) is withheld; then
  //   priority = green priority has one hidden member, so green priority (7) is withheld too.
  // North: 2 green assets, 1 play priority: every non-zero count is 1..4; zeros stay published.
  // Outside: 2 pins, "fewer than 5".
  const suppressed = fc([
    ...pins(9, 0, 0, 'green', 'asset'),
    ...pins(2, 0, 0.2, 'play', 'asset'),
    ...pins(1, 0, -0.2, 'play', 'priority'),
    ...pins(3, 1, 0, 'green', 'asset'),
    ...pins(7, 1, 0.2, 'green', 'priority'),
    ...pins(2, 0, 1, 'green', 'asset'),
    ...pins(1, 0, 1.2, 'play', 'priority'),
    ...pins(2, 5, 5, 'green', 'asset'),
  ]);

  it('publishes counts of 1 to k-1 as "fewer than k" and withholds one more where a sum would give one away', () => {
    const r = aggregateAreas(areas, suppressed, { minCount: 5 });
    expect(countsOf(r)).toEqual([
      { total: 12, asset: WITHHELD, priority: LESS, byTheme: { green: { asset: 9, priority: 0 }, play: { asset: LESS, priority: LESS } } },
      { total: 10, asset: LESS, priority: WITHHELD, byTheme: { green: { asset: LESS, priority: WITHHELD }, play: { asset: 0, priority: 0 } } },
      { total: LESS, asset: LESS, priority: LESS, byTheme: { green: { asset: LESS, priority: 0 }, play: { asset: 0, priority: LESS } } },
    ]);
    expect(r.outside).toEqual(LESS);
  });

  it('publishes the plain counts without minCount, and with k = 1', () => {
    const plain = [
      { total: 12, asset: 11, priority: 1, byTheme: { green: { asset: 9, priority: 0 }, play: { asset: 2, priority: 1 } } },
      { total: 10, asset: 3, priority: 7, byTheme: { green: { asset: 3, priority: 7 }, play: { asset: 0, priority: 0 } } },
      { total: 3, asset: 2, priority: 1, byTheme: { green: { asset: 2, priority: 0 }, play: { asset: 0, priority: 1 } } },
    ];
    expect(countsOf(aggregateAreas(areas, suppressed))).toEqual(plain);
    expect(countsOf(aggregateAreas(areas, suppressed, { minCount: 1 }))).toEqual(plain);
    expect(aggregateAreas(areas, suppressed, { minCount: 1 }).outside).toBe(2);
  });

  it('withholds the smallest visible part, not any part, next to a hidden one', () => {
    // West: 6 green, 2 play and 8 safety priorities: total 16, asset 0, priority 16. Play (2) is hidden;
    // priority = green + play + safety then has one hidden member, so the smallest visible non-zero part, green (6),
    // is withheld: play + green = 8, so play could be 1, 2 or 3. Safety (8) stays published.
    const three = fc([...pins(6, 0, 0, 'green', 'priority'), ...pins(2, 0, 0.2, 'play', 'priority'), ...pins(8, 0, -0.2, 'safety', 'priority')]);
    const r = aggregateAreas(areas, three, { minCount: 5 });
    expect(countsOf(r)[0]).toEqual({ total: 16, asset: 0, priority: 16, byTheme: { green: { asset: 0, priority: WITHHELD }, play: { asset: 0, priority: LESS }, safety: { asset: 0, priority: 8 } } });
  });

  it('publishes a count of exactly k, and zero, as themselves', () => {
    // West: 5 green assets and nothing else: total 5, asset 5, priority 0
    const r = aggregateAreas(areas, fc(pins(5, 0, 0, 'green', 'asset')), { minCount: 5 });
    expect(countsOf(r)[0]).toEqual({ total: 5, asset: 5, priority: 0, byTheme: { green: { asset: 5, priority: 0 } } });
    expect(r.outside).toBe(0);
  });

  it('the Turf reference gives the same hand-counted answers', () => {
    expect(aggregateAreasReference(areas, suppressed, { minCount: 5 })).toEqual(aggregateAreas(areas, suppressed, { minCount: 5 }));
    expect(aggregateAreasReference(areas, small)).toEqual(aggregateAreas(areas, small));
  });
});
