import type { Feature, FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { aggregateAreas } from '../../src/core/aggregateAreas.ts';
import { aggregateAreasReference } from '../support/aggregateAreasReference.ts';
import { AreaInputError } from '../../src/core/aggregationAreasInput.ts';
import { countByGroup, pinCountsOf, type PinFilter } from '../../src/core/countPins.ts';
import { pinFilterTest } from '../../src/core/pinFilterTest.ts';
import { buildPinTable, KIND_ASSET, KIND_PRIORITY, NO_SESSION, NO_THEME, parseIsoTime, PinInputError } from '../../src/core/pinTable.ts';
import { signOfDifferenceOfProducts } from '../../src/core/pointInRingsExact.ts';
import { priorityGap, priorityGaps, publishedPriorityGap } from '../../src/core/priorityGap.ts';
import { formatPublishedCount, suppressSmallCounts, type PublishedCount } from '../../src/core/smallCounts.ts';

const pin = (lng: number, lat: number, properties: Record<string, unknown>): Feature<Point> => ({
  type: 'Feature',
  properties,
  geometry: { type: 'Point', coordinates: [lng, lat] },
});
const fc = <T extends Feature>(features: T[]): FeatureCollection => ({ type: 'FeatureCollection', features });

describe('signOfDifferenceOfProducts', () => {
  it('is exact where plain floating point rounds to the wrong sign or to a false zero', () => {
    expect(signOfDifferenceOfProducts(0.1, 0.3, 0.3, 0.1)).toBe(0);
    const a = 1 + 2 ** -52;
    // (1+e)(1+e) - 1*(1+2e) = e^2 > 0, lost entirely in doubles
    expect(a * a - 1 * (1 + 2 ** -51)).toBe(0);
    expect(signOfDifferenceOfProducts(a, a, 1, 1 + 2 ** -51)).toBe(1);
    expect(signOfDifferenceOfProducts(1, 1 + 2 ** -51, a, a)).toBe(-1);
    expect(signOfDifferenceOfProducts(3, 4, 2, 5)).toBe(1);
    expect(signOfDifferenceOfProducts(5e-324, 1, 0, 0)).toBe(1);
  });
});

describe('buildPinTable', () => {
  it('reads kinds (missing = asset), themes (sorted, missing = "(none)") and dates', () => {
    const { table, warnings } = buildPinTable(
      fc([
        pin(1, 2, { kind: 'priority', theme: 'play', createdAt: '2025-03-01T12:00:00.000Z' }),
        pin(3, 4, { theme: 'green' }),
        { type: 'Feature', properties: {}, geometry: null } as unknown as Feature<Point>,
        pin(5, 6, { kind: 'asset' }),
      ]),
    );
    expect(table.length).toBe(3);
    expect(Array.from(table.kind)).toEqual([KIND_PRIORITY, KIND_ASSET, KIND_ASSET]);
    expect(table.themes).toEqual([NO_THEME, 'green', 'play']);
    expect(Array.from(table.theme)).toEqual([2, 1, 0]);
    expect(table.time![0]).toBe(Date.UTC(2025, 2, 1, 12));
    expect(Number.isNaN(table.time![1])).toBe(true);
    expect(Array.from(table.feature)).toEqual([0, 1, 3]);
    expect(warnings).toMatchObject([{ feature: 2, rule: 'empty-geometry' }]);
  });

  it('reads workshop sessions: "" (online) first, then session ids sorted; a sessionId that is not a non-empty string is online', () => {
    const { table } = buildPinTable(
      fc([
        pin(0, 0, { sessionId: 'walk-2' }),
        pin(0, 0, {}),
        pin(0, 0, { sessionId: 'hall-1' }),
        pin(0, 0, { sessionId: 42 }),
        pin(0, 0, { sessionId: '' }),
        pin(0, 0, { sessionId: null }),
        pin(0, 0, { sessionId: 'walk-2' }),
      ]),
    );
    expect(table.sessions).toEqual([NO_SESSION, 'hall-1', 'walk-2']);
    expect(Array.from(table.session)).toEqual([2, 0, 1, 0, 0, 0, 2]);
    expect(buildPinTable(fc([pin(0, 0, {})])).table.sessions).toEqual([NO_SESSION]);
  });

  it('names each bad pin and what is wrong with it', () => {
    const bad = fc([pin(1, 2, { kind: 'wish' }), pin(400000, 90000, {}), pin(1, 2, { theme: '  ' })]);
    expect(() => buildPinTable(bad)).toThrow(PinInputError);
    try {
      buildPinTable(bad);
    } catch (e) {
      expect((e as PinInputError).problems.map((p) => [p.feature, p.rule])).toEqual([
        [0, 'invalid-kind'],
        [1, 'projected-coordinates'],
        [2, 'invalid-theme'],
      ]);
    }
    expect(() => buildPinTable({ type: 'Feature' })).toThrow(/FeatureCollection/);
  });

  it('parses canonical ISO dates exactly as Date.parse does, and leaves odd ones to it', () => {
    for (let t = Date.UTC(1969, 11, 25); t < Date.UTC(2040, 0, 1); t += 86_400_000 * 3.7 + 12_345) {
      const s = new Date(Math.round(t)).toISOString();
      expect(parseIsoTime(s)).toBe(Date.parse(s));
    }
    for (const s of ['2025-02-30T00:00:00.000Z', '2025-13-01T00:00:00.000Z', '2025-01-01', '2025-01-01T00:00:00+02:00', 'soon']) {
      expect(Object.is(parseIsoTime(s), Date.parse(s))).toBe(true);
    }
  });
});

describe('countByGroup', () => {
  const { table } = buildPinTable(
    fc([
      pin(0, 0, { kind: 'priority', theme: 'play', createdAt: '2025-03-01T00:00:00.000Z' }),
      pin(0, 0, { kind: 'asset', theme: 'play', createdAt: '2025-06-01T00:00:00.000Z' }),
      pin(0, 0, { kind: 'priority', theme: 'green', createdAt: '2025-09-01T00:00:00.000Z' }),
      pin(0, 0, { kind: 'priority', theme: 'green' }),
    ]),
  );
  const ids = new Int32Array([0, 1, 1, -1]);

  it('counts per group and outside, by kind and theme', () => {
    const c = countByGroup(table, ids, 2);
    expect(pinCountsOf(c, 1)).toEqual({ total: 2, asset: 1, priority: 1, byTheme: { green: { asset: 0, priority: 1 }, play: { asset: 1, priority: 0 } } });
    expect(c.total[2]).toBe(1); // outside
  });

  it('filters by theme, kind and date range (undated pins drop out of date filters)', () => {
    expect(Array.from(countByGroup(table, ids, 2, { kind: 'priority' }).total)).toEqual([1, 1, 1]);
    expect(Array.from(countByGroup(table, ids, 2, { themes: ['play'] }).total)).toEqual([1, 1, 0]);
    expect(Array.from(countByGroup(table, ids, 2, { from: Date.UTC(2025, 4, 1), to: Date.UTC(2025, 8, 1) }).total)).toEqual([0, 1, 0]);
    expect(Array.from(countByGroup(table, ids, 2, { from: Date.UTC(2025, 4, 1) }).total)).toEqual([0, 2, 0]);
  });

  it('filters by workshop session ("" = made online), alone and with kind and theme', () => {
    const pins = [
      { kind: 'priority', theme: 'play', sessionId: 'hall-1' },
      { kind: 'asset', theme: 'play', sessionId: 'hall-1' },
      { kind: 'priority', theme: 'green', sessionId: 'hall-1' },
      { kind: 'priority', theme: 'green', sessionId: 'walk-2' },
      { kind: 'asset', theme: 'green' },
      { kind: 'priority', theme: 'play' },
      { kind: 'priority', theme: 'play', sessionId: 7 },
    ];
    const { table: t } = buildPinTable(fc(pins.map((p) => pin(0, 0, p))));
    const groups = new Int32Array([0, 1, 0, 1, 0, 1, -1]);
    // the expected counts come from the pins themselves, one filter rule at a time
    const sessionOf = (p: (typeof pins)[number]) => (typeof p.sessionId === 'string' ? p.sessionId : '');
    const expected = (f: PinFilter) => {
      const out = [0, 0, 0];
      pins.forEach((p, i) => {
        if (f.sessions && !f.sessions.includes(sessionOf(p))) return;
        if (f.kind && f.kind !== 'both' && f.kind !== p.kind) return;
        if (f.themes && !f.themes.includes(p.theme)) return;
        out[groups[i]! < 0 ? 2 : groups[i]!]!++;
      });
      return out;
    };
    const filters: PinFilter[] = [
      { sessions: ['hall-1'] },
      { sessions: [''] },
      { sessions: ['walk-2', ''] },
      { sessions: ['hall-1'], kind: 'priority' },
      { sessions: ['hall-1'], themes: ['play'] },
      { sessions: [''], kind: 'priority', themes: ['play'] },
      { sessions: ['no-such-session'] },
      { sessions: [] },
    ];
    for (const f of filters) {
      const counts = countByGroup(t, groups, 2, f);
      expect(Array.from(counts.total), JSON.stringify(f)).toEqual(expected(f));
      const passes = pinFilterTest(t, f);
      expect(Array.from({ length: t.length }, (_, r) => passes(r)).filter(Boolean).length, JSON.stringify(f)).toBe(expected(f).reduce((a, b) => a + b, 0));
    }
    // the hand-worked cases, so a shared mistake in the helper above cannot hide one
    expect(Array.from(countByGroup(t, groups, 2, { sessions: ['hall-1'] }).total)).toEqual([2, 1, 0]);
    expect(Array.from(countByGroup(t, groups, 2, { sessions: [''] }).total)).toEqual([1, 1, 1]);
    expect(Array.from(countByGroup(t, groups, 2, { sessions: [''], kind: 'priority' }).total)).toEqual([0, 1, 1]);
    expect(pinCountsOf(countByGroup(t, groups, 2, { sessions: ['hall-1'], themes: ['play'] }), 0).byTheme.play).toEqual({ asset: 0, priority: 1 });
  });

  it('refuses ids that do not match the table', () => {
    expect(() => countByGroup(table, new Int32Array(2), 2)).toThrow(/2 entries for 4 pins/);
  });
});

describe('suppressSmallCounts', () => {
  const counts = (total: number, asset: number, priority: number, byTheme: Record<string, [number, number]>) => ({
    total,
    asset,
    priority,
    byTheme: Object.fromEntries(Object.entries(byTheme).map(([t, [a, p]]) => [t, { asset: a, priority: p }])),
  });

  it('leaves counts of k or more and zeros alone', () => {
    const c = counts(20, 10, 10, { green: [5, 10], play: [5, 0] });
    expect(suppressSmallCounts(c, 5)).toEqual(c);
  });

  it('marks counts below k as fewer than k', () => {
    expect(suppressSmallCounts(counts(3, 2, 1, { green: [2, 1] }), 5)).toEqual({
      total: { suppressed: true, lessThan: 5 },
      asset: { suppressed: true, lessThan: 5 },
      priority: { suppressed: true, lessThan: 5 },
      byTheme: { green: { asset: { suppressed: true, lessThan: 5 }, priority: { suppressed: true, lessThan: 5 } } },
    });
  });

  it('never leaves a suppressed count recoverable by subtraction within one published sum', () => {
    const cases = [
      counts(30, 27, 3, { green: [20, 3], play: [7, 0] }),
      counts(40, 20, 20, { green: [18, 19], play: [2, 1] }),
      counts(12, 12, 0, { a: [1, 0], b: [6, 0], c: [5, 0] }),
      counts(9, 5, 4, { a: [5, 2], b: [0, 2] }),
    ];
    for (const c of cases) {
      const out = suppressSmallCounts(c, 5);
      const hidden = (x: PublishedCount) => typeof x === 'object';
      const themes = Object.keys(c.byTheme);
      const sums = [
        [out.total, out.asset, out.priority],
        [out.asset, ...themes.map((t) => out.byTheme[t]!.asset)],
        [out.priority, ...themes.map((t) => out.byTheme[t]!.priority)],
      ];
      for (const members of sums) expect(members.filter(hidden).length).not.toBe(1);
      // published numbers are the true numbers
      expect(typeof out.total === 'number' ? out.total : c.total).toBe(c.total);
    }
  });

  it('formats the marker for tables and labels', () => {
    expect(formatPublishedCount({ suppressed: true, lessThan: 5 })).toBe('<5');
    expect(formatPublishedCount({ suppressed: true })).toBe('hidden');
    expect(formatPublishedCount(7)).toBe('7');
  });
});

describe('priorityGap', () => {
  it('is (priorities - assets) / (priorities + assets), null without pins', () => {
    expect(priorityGap(2, 6)).toBe(0.5);
    expect(priorityGap(4, 0)).toBe(-1);
    expect(priorityGap(0, 3)).toBe(1);
    expect(priorityGap(0, 0)).toBeNull();
    expect(() => priorityGap(-1, 2)).toThrow(RangeError);
    expect(Array.from(priorityGaps(new Uint32Array([2, 0]), new Uint32Array([6, 0])))).toEqual([0.5, NaN]);
  });

  it('is withheld when either count is suppressed, since with the total it would reveal both', () => {
    expect(publishedPriorityGap(10, { suppressed: true, lessThan: 5 })).toEqual({ suppressed: true });
    expect(publishedPriorityGap(6, 2)).toBe(-0.5);
  });
});

describe('aggregateAreas input', () => {
  const square = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };
  it('rejects unclosed rings, short rings and projected coordinates, naming the feature and ring', () => {
    const open = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] };
    const short = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 0]]] };
    const projected = { type: 'Polygon', coordinates: [[[400000, 90000], [400100, 90000], [400100, 90100], [400000, 90000]]] };
    const areas = fc([square, open, short, projected].map((geometry) => ({ type: 'Feature', properties: {}, geometry }) as Feature));
    try {
      aggregateAreas(areas, fc([]));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AreaInputError);
      expect((e as AreaInputError).problems.map((p) => [p.path, p.rule])).toEqual([
        ['features[1].geometry.coordinates[0]', 'ring-not-closed'],
        ['features[2].geometry.coordinates[0]', 'ring-too-short'],
        ['features[3].geometry.coordinates[0]', 'projected-coordinates'],
      ]);
    }
  });

  it('filters by workshop session the same way in the fast path and the Turf reference', () => {
    const left = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };
    const right = { type: 'Polygon', coordinates: [[[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]]] };
    const areas = fc([left, right].map((geometry, i) => ({ type: 'Feature', properties: { name: `A${i}` }, geometry }) as Feature));
    const pins = fc([
      pin(0.5, 0.5, { theme: 'green', sessionId: 'hall-1' }),
      pin(1.5, 0.5, { theme: 'green', kind: 'priority', sessionId: 'hall-1' }),
      pin(1.5, 0.5, { theme: 'play' }),
      pin(0.2, 0.2, { theme: 'play', sessionId: 'walk-2' }),
    ]);
    for (const sessions of [['hall-1'], [''], ['walk-2', ''], []]) {
      const fast = aggregateAreas(areas, pins, { filter: { sessions } });
      const reference = aggregateAreasReference(areas, pins, { filter: { sessions } });
      expect(fast, JSON.stringify(sessions)).toEqual(reference);
    }
    const hall = aggregateAreas(areas, pins, { filter: { sessions: ['hall-1'] } });
    expect(hall.features.map((f) => (f.properties as { counts: { total: number } }).counts.total)).toEqual([1, 1]);
  });

  it('does not change its inputs', () => {
    const areas = fc([{ type: 'Feature', properties: { name: 'A' }, geometry: square } as Feature]);
    const pins = fc([pin(0.5, 0.5, { theme: 'green' })]);
    const before = JSON.stringify([areas, pins]);
    const out = aggregateAreas(areas, pins, { minCount: 5 });
    expect(JSON.stringify([areas, pins])).toBe(before);
    expect(out.features[0]!.properties).toEqual({ name: 'A', counts: expect.objectContaining({ total: { suppressed: true, lessThan: 5 } }) });
  });
});
