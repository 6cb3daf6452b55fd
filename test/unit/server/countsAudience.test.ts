// counts fit their audience: staff of a consultation get its raw counts; the public and staff of another consultation
// get small-count protection on every aggregate and export route, including against working a hidden count out.
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overallFromPublished } from '../../../src/core/protectedCounts.ts';
import { plannerClustersFromJson, plannerResultFromJson, plannerSummaryFromJson } from '../../../src/core/plannerWire.ts';
import { protectPlannerSummary } from '../../../src/core/protectPlannerSummary.ts';
import { isSuppressed, type PublishedCount } from '../../../src/core/smallCounts.ts';
import { openSqliteStorage } from '../../../src/server/storage/openStorage.ts';
import { testConsultation, testPin } from '../../support/serverFixtures.ts';
import { startTestServer, type TestServer } from '../../support/serverHarness.ts';

type Caller = 'anonymous' | 'plannerA' | 'facilitatorA' | 'plannerB';
const CALLERS: Caller[] = ['anonymous', 'plannerA', 'facilitatorA', 'plannerB'];
// raw counts on screen for any staff of A; raw exports for A's planners only
const RAW_VIEW: Record<Caller, boolean> = { anonymous: false, plannerA: true, facilitatorA: true, plannerB: false };

// west: 12 green assets and 6 safety priorities; east: 2 green assets (fewer than 5); outside: 1 pin
const pins = [
  ...Array.from({ length: 12 }, (_, i) => testPin({ id: `wg-${i}`, position: [-2.25, 53.45], createdAt: `2026-01-0${1 + (i % 2)}T10:00:00.000Z` })),
  ...Array.from({ length: 6 }, (_, i) => testPin({ id: `ws-${i}`, kind: 'priority', theme: 'safety', position: [-2.26, 53.44], createdAt: '2026-01-01T12:00:00.000Z' })),
  testPin({ id: 'e-1', position: [-2.15, 53.45], createdAt: '2026-03-02T10:00:00.000Z' }),
  testPin({ id: 'e-2', position: [-2.15, 53.46], createdAt: '2026-01-01T11:00:00.000Z' }),
];

let server: TestServer;
const tokens: Partial<Record<Caller, string>> = {};
beforeAll(async () => {
  const seed = () => ({ consultations: [testConsultation({ slug: 'alpha', settings: { minCount: 5 }, pins }), testConsultation({ slug: 'beta', pins: [] })] });
  server = await startTestServer({ storage: await openSqliteStorage({ file: ':memory:', seed }), aggregateRebuildMs: 0 });
  tokens.plannerA = (await server.staff({ alpha: 'planner' })).token;
  tokens.facilitatorA = (await server.staff({ alpha: 'facilitator' })).token;
  tokens.plannerB = (await server.staff({ beta: 'planner' })).token;
});
afterAll(async () => server.close());

const A = '/api/consultations/alpha';
const as = (caller: Caller, options: InjectOptions): InjectOptions => (caller === 'anonymous' ? options : { ...options, headers: { authorization: `Bearer ${tokens[caller]}` } });
async function get(caller: Caller, url: string) {
  const res = await server.app.inject(as(caller, { url }));
  return res;
}
const small = (c: PublishedCount) => typeof c === 'number' && c > 0 && c < 5;

describe('GET …/aggregates/planner', () => {
  it.each(CALLERS)('%s gets raw counts only as staff of the consultation, else no count from 1 to 4 and no hidden one by subtraction', async (caller) => {
    const res = await get(caller, `${A}/aggregates/planner?hex=2000`);
    expect(res.statusCode).toBe(200);
    const result = plannerResultFromJson(res.json());
    if (RAW_VIEW[caller]) {
      expect(result.protection).toBeUndefined();
      expect(Array.from(result.areas.total)).toEqual([18, 2, 0]);
      return;
    }
    expect(result.protection).toEqual({ minCount: 5 });
    // the raw arrays carry no small count at all: a modified client has nothing to unprotect
    for (const arrays of [result.areas, result.hexes]) for (const list of [arrays.total, arrays.asset, arrays.priority, arrays.byTheme]) expect(Array.from(list).some((n) => n > 0 && n < 5)).toBe(false);
    expect(Array.from(result.weeks.asset).some((n) => n > 0 && n < 5)).toBe(false);
    expect(result.areas.published?.[1]?.total).toEqual({ suppressed: true, lessThan: 5 });
    expect(result.areas.published?.[0]?.total).toBe(18);
    // "All areas" from these figures is "at least 18", not 20 beside a shown 18 (which would say east has 2)
    expect(overallFromPublished(result.areas.published!).total).toEqual({ suppressed: true, atLeast: 18 });
    // weeks: 19 pins in the first week, 1 in the week of 2 March; the lone one is hidden, and so is one more
    const weeks = result.weeks.published!.weeks.filter((w) => w !== 0);
    expect(weeks.filter(isSuppressed).length).toBeGreaterThanOrEqual(2);
    expect(weeks.some(small)).toBe(false);
  });
});

describe('GET …/aggregates/clusters', () => {
  it.each(CALLERS)('%s gets raw cluster counts only as staff of the consultation', async (caller) => {
    const res = await get(caller, `${A}/aggregates/clusters?bbox=-2.4,53.3,-2,53.6&zoom=3`);
    expect(res.statusCode).toBe(200);
    const marks = plannerClustersFromJson(res.json(), ['green', 'safety']);
    // at zoom 3 the 20 pins are one cluster; at 11 the two in the east are one of their own: 14 green, 6 safety (and the 2 in the east among the green)
    expect(marks).toHaveLength(1);
    if (RAW_VIEW[caller]) {
      expect(marks[0]).toMatchObject({ count: 20, mix: [14, 6] });
      expect(marks[0]!.published).toBeUndefined();
    } else {
      expect(marks[0]!.published).toEqual({ count: 20, mix: [14, 6] });
    }
    const east = plannerClustersFromJson((await get(caller, `${A}/aggregates/clusters?bbox=-2.2,53.4,-2.1,53.5&zoom=11`)).json(), ['green', 'safety']);
    expect(east).toHaveLength(1);
    // the extent of a cluster's pins lets staff ask for them; to anyone else its corners would be the two pins' places
    const [w, s, e, n] = east[0]!.bounds ?? [NaN, NaN, NaN, NaN];
    if (RAW_VIEW[caller]) expect(w <= e && s <= n && w >= -2.2 && e <= -2.1 && s >= 53.4 && n <= 53.5).toBe(true);
    else expect(east[0]!.bounds).toBeUndefined();
    if (RAW_VIEW[caller]) expect(east[0]!.count).toBe(2);
    else {
      expect(east[0]!.count).toBe(0);
      expect(east[0]!.mix).toEqual([0, 0]);
      expect(east[0]!.published?.count).toEqual({ suppressed: true, lessThan: 5 });
    }
  });
});

describe('GET …/aggregates/areas', () => {
  it.each(CALLERS)('%s gets protected area counts, and raw ones with raw=true only as a planner of the consultation', async (caller) => {
    const plain = (await get(caller, `${A}/aggregates/areas`)).json();
    expect(plain.features[1].properties.counts.total).toEqual({ suppressed: true, lessThan: 5 });
    const raw = await get(caller, `${A}/aggregates/areas?raw=true`);
    expect(raw.statusCode).toBe(caller === 'plannerA' ? 200 : 403);
    if (caller === 'plannerA') expect(raw.json().features[1].properties.counts.total).toBe(2);
  });
});

describe('GET …/export/areas.*', () => {
  const rawStatus: Record<Caller, number> = { anonymous: 401, plannerA: 200, facilitatorA: 403, plannerB: 403 };
  it.each(CALLERS)('%s gets exports for publication that say so; raw ones only as a planner of the consultation', async (caller) => {
    const published = await get(caller, `${A}/export/areas.geojson`);
    expect(published.statusCode).toBe(200);
    const body = published.json();
    expect(body.coplan.counts).toBe('protected');
    expect(body.coplan.caption).toContain('protected: counts from 1 to 4');
    expect(body.features[1].properties.total).toBeNull();
    expect(body.features[1].properties.total_hidden).toBe(true);
    const caption = await get(caller, `${A}/export/caption.txt`);
    expect(caption.body).toContain('Counts: protected');
    for (const file of ['areas.geojson', 'areas.csv', 'areas.csvt', 'caption.txt']) {
      const raw = await get(caller, `${A}/export/${file}?counts=raw`);
      expect(raw.statusCode, file).toBe(rawStatus[caller]);
      if (raw.statusCode === 200 && file === 'caption.txt') expect(raw.body).toContain('raw counts (not protected: not for publication)');
    }
  });
});

describe('GET …/aggregates/summary', () => {
  it.each(CALLERS)('%s gets exact totals only as staff of the consultation, else totals no hidden area can be worked out from', async (caller) => {
    const res = await get(caller, `${A}/aggregates/summary`);
    expect(res.statusCode).toBe(200);
    const summary = plannerSummaryFromJson(res.json());
    expect(summary.areas).toBe(2);
    if (RAW_VIEW[caller]) {
      expect(summary).toMatchObject({ pins: 20, outside: 0, sessions: [{ id: '', pins: 20 }] });
      expect(summary.published).toBeUndefined();
      expect(summary.protection).toBeUndefined();
      return;
    }
    expect(summary.protection).toEqual({ minCount: 5 });
    // 20 beside the planner page's shown west 18 would say east has 2: the total is "at least 18", as "All areas" is
    expect(summary.published?.pins).toEqual({ suppressed: true, atLeast: 18 });
    expect(summary.pins).toBe(18);
    expect(summary.published?.outside).toBe(0);
    // the one session holds every pin: shown, it would give the exact total away
    expect(summary.published?.sessions).toEqual([{ suppressed: true }]);
    expect(summary.sessions).toEqual([{ id: '', pins: 0 }]);
    const planner = plannerResultFromJson((await get(caller, `${A}/aggregates/planner?hex=2000`)).json());
    expect(overallFromPublished(planner.areas.published!).total).toEqual(summary.published?.pins);
  });

  it('gives the public exact totals when nothing is small, and protects a small outside count', async () => {
    // beta has no pins: nothing to hide, and zero singles out nobody
    const empty = plannerSummaryFromJson((await get('anonymous', '/api/consultations/beta/aggregates/summary')).json());
    expect(empty.published).toEqual({ pins: 0, outside: 0, sessions: [0] });
    expect(protectPlannerSummary({ ...summaryOf(27, 2), sessions: [{ id: '', pins: 20 }, { id: 's1', pins: 7 }] }, [counts(12), counts(13), counts(2)], 5).published)
      .toEqual({ pins: { suppressed: true, atLeast: 25 }, outside: { suppressed: true, lessThan: 5 }, sessions: [20, { suppressed: true }] });
    expect(protectPlannerSummary({ ...summaryOf(30, 5), sessions: [{ id: '', pins: 30 }] }, [counts(12), counts(13), counts(5)], 5).published)
      .toEqual({ pins: 30, outside: 5, sessions: [30] });
  });
});

const summaryOf = (pins: number, outside: number) => ({ pins, themes: ['green'], areas: 2, timeRange: null, outside, sessions: [], warnings: [], loadMs: 0 });
const counts = (n: number) => ({ total: n < 5 && n > 0 ? { suppressed: true as const, lessThan: 5 } : n, asset: n, priority: 0, byTheme: {} });

describe('GET …/export/pins.*', () => {
  it.each(CALLERS)('%s: pin exports are for planners of A', async (caller) => {
    for (const file of ['pins.geojson', 'pins.csv']) {
      expect((await get(caller, `${A}/export/${file}`)).statusCode, file).toBe(caller === 'plannerA' ? 200 : caller === 'anonymous' ? 401 : 403);
    }
  });
});
