import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PinFilter } from '../../../src/core/countPins.ts';
import { createPlannerEngine } from '../../../src/core/plannerEngine.ts';
import { plannerClustersFromJson, plannerResultFromJson, plannerSummaryFromJson } from '../../../src/core/plannerWire.ts';
import { createPlannerAggregates } from '../../../src/server/plannerAggregates.ts';
import { openSqliteStorage } from '../../../src/server/storage/openStorage.ts';
import { asDevice, defaultConsultationOf, DEVICE_A, pinBody, seed, startTestServer } from '../../support/serverHarness.ts';
import { testPin } from '../../support/serverFixtures.ts';
import type { TestServer } from '../../support/serverHarness.ts';

describe('GET /api/aggregates/areas', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ rateLimits: { pinsPerDevicePerMinute: 0 } });
  });
  afterEach(() => server.close());
  const post = (props: Record<string, unknown>, position: [number, number]) =>
    server.app.inject(asDevice(DEVICE_A, { method: 'POST', url: '/api/pins', payload: pinBody(props, position) }));
  /** small counts are withheld from everyone else: these tests count single pins, as a planner asking raw=true */
  const raw = async (url: string) =>
    server.app.inject({ url: `${url}${url.includes('?') ? '&' : '?'}raw=true`, headers: { authorization: `Bearer ${await server.plannerToken()}` } });

  it('counts visible pins per area, by kind and theme, leaving hidden pins out', async () => {
    await post({ kind: 'priority', theme: 'safety' }, [-2.15, 53.45]);
    await post({ kind: 'asset', theme: 'green' }, [-2.15, 53.46]);
    const hidden = (await post({ kind: 'asset', theme: 'green' }, [-2.15, 53.47])).json().id;
    const token = await server.plannerToken();
    await server.app.inject({ method: 'POST', url: `/api/pins/${hidden}/hide`, headers: { authorization: `Bearer ${token}` }, payload: { reason: 'spam' } });

    const res = await raw('/api/aggregates/areas');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const east = body.features.find((f: { id: string }) => f.id === 'east');
    expect(east.properties.counts).toMatchObject({ total: 2, asset: 1, priority: 1 });
    // the seeded pin is the one in the west
    expect(body.features.find((f: { id: string }) => f.id === 'west').properties.counts.total).toBe(1);
    expect(body.outside).toBe(0);

    const priorities = (await raw('/api/aggregates/areas?kind=priority')).json();
    expect(priorities.features.find((f: { id: string }) => f.id === 'east').properties.counts.total).toBe(1);
    const suppressed = (await raw('/api/aggregates/areas?minCount=5')).json();
    expect(suppressed.features.find((f: { id: string }) => f.id === 'east').properties.counts.total).toEqual({ suppressed: true, lessThan: 5 });
  });

  it('counts one workshop session, or the pins made online, with session=', async () => {
    await post({ kind: 'priority', theme: 'safety', sessionId: 'hall-1' }, [-2.15, 53.45]);
    await post({ kind: 'asset', theme: 'green', sessionId: 'hall-1' }, [-2.15, 53.46]);
    await post({ kind: 'asset', theme: 'green' }, [-2.15, 53.47]);
    const total = async (url: string) =>
      (await raw(url)).json().features.find((f: { id: string }) => f.id === 'east').properties.counts.total;
    expect(await total('/api/aggregates/areas?session=hall-1')).toBe(2);
    expect(await total('/api/aggregates/areas?session=')).toBe(1);
    expect(await total('/api/aggregates/areas?session=no-such')).toBe(0);
    expect(await total('/api/aggregates/areas')).toBe(3);
  });

  it('withholds small counts from anyone but planners asking raw=true', async () => {
    await post({ kind: 'priority', theme: 'safety' }, [-2.15, 53.45]);
    const anonymous = (await server.app.inject({ url: '/api/aggregates/areas' })).json();
    // the consultation's settings.minCount (5 by default): 1 pin is "fewer than 5", for residents and planners alike
    expect(anonymous.features.find((f: { id: string }) => f.id === 'east').properties.counts.total).toEqual({ suppressed: true, lessThan: 5 });
    expect((await server.app.inject({ url: '/api/aggregates/areas?minCount=0' })).json().features[1].properties.counts.total).toEqual({ suppressed: true, lessThan: 5 });
    expect((await raw('/api/aggregates/areas')).json().features.find((f: { id: string }) => f.id === 'east').properties.counts.total).toBe(1);
    const refused = await server.app.inject({ url: '/api/aggregates/areas?raw=true' });
    expect(refused.statusCode).toBe(403);
  });

  it('refuses bad options', async () => {
    const res = await server.app.inject({ url: '/api/aggregates/areas?minCount=lots' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid-query');
  });
});

describe('the planner aggregates (/api/aggregates/summary, /planner, /clusters)', () => {
  let server: TestServer;
  beforeEach(async () => {
    // rebuilds are not spaced out here, so every answer reflects the change just made
    server = await startTestServer({ rateLimits: { pinsPerDevicePerMinute: 0 }, aggregateRebuildMs: 0 });
    token = undefined;
  });
  afterEach(() => server.close());
  let token: string | undefined;
  const post = (props: Record<string, unknown>, position: [number, number]) =>
    server.app.inject(asDevice(DEVICE_A, { method: 'POST', url: '/api/pins', payload: pinBody(props, position) }));
  // as staff of the consultation, who get raw counts (countsAudience.test.ts covers what everyone else gets)
  const get = async (url: string) => {
    token ??= await server.plannerToken();
    const res = await server.app.inject({ url, headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  async function someWorkshopPins(): Promise<void> {
    for (const [i, position] of ([[-2.15, 53.45], [-2.16, 53.46], [-2.25, 53.41], [-2.12, 53.48], [-2.28, 53.49]] as [number, number][]).entries()) {
      await post({ kind: i % 2 ? 'asset' : 'priority', theme: i % 3 ? 'green' : 'safety', title: `Pin ${i}`, ...(i < 2 ? { sessionId: 'hall-1' } : {}) }, position);
    }
  }

  it('gives the same figures the browser would compute from every pin, for any filter', async () => {
    await someWorkshopPins();
    // what the browser's worker does today: download every pin and count them itself
    const all = await get('/api/pins');
    const local = createPlannerEngine();
    const localSummary = local.load(await server.storage.getAreas(), all);

    const summary = plannerSummaryFromJson(await get('/api/aggregates/summary'));
    expect({ ...summary, loadMs: 0 }).toEqual({ ...localSummary, loadMs: 0 });
    expect(summary.pins).toBe(6);
    expect(summary.sessions).toEqual([{ id: '', pins: 4 }, { id: 'hall-1', pins: 2 }]);

    const cases: Array<[string, PinFilter, number | null, number]> = [
      ['', {}, null, 500],
      ['kind=priority&hex=250', { kind: 'priority' }, null, 250],
      ['theme=safety&area=east&hex=2000', { themes: ['safety'] }, 1, 2000],
      ['session=hall-1', { sessions: ['hall-1'] }, null, 500],
      ['session=&kind=asset', { sessions: [''], kind: 'asset' }, null, 500],
      ['from=2020-01-01T00:00:00Z&to=2100-01-01T00:00:00Z&theme=green,safety', { from: Date.parse('2020-01-01T00:00:00Z'), to: Date.parse('2100-01-01T00:00:00Z'), themes: ['green', 'safety'] }, null, 500],
      ['from=2100-01-01T00:00:00Z', { from: Date.parse('2100-01-01T00:00:00Z') }, null, 500],
    ];
    for (const [query, filter, area, hexMetres] of cases) {
      const remote = plannerResultFromJson(await get(`/api/aggregates/planner?${query}`));
      const expected = local.query({ filter, hexMetres, area, topN: 5 });
      expect({ ...remote, computeMs: 0 }, query).toEqual({ ...expected, computeMs: 0 });
    }
    // and the figures are the ones the pins above make: two priorities in the west, three pins in the east
    expect(plannerResultFromJson(await get('/api/aggregates/planner?kind=priority')).areas.total[0]).toBe(2);
    expect(plannerResultFromJson(await get('/api/aggregates/planner')).areas.total[1]).toBe(3);
  });

  it('clusters like the browser does, with each mix in the summary theme order', async () => {
    await someWorkshopPins();
    const local = createPlannerEngine();
    const summary = local.load(await server.storage.getAreas(), await get('/api/pins'));
    for (const zoom of [8, 11, 16]) {
      const remote = plannerClustersFromJson(await get(`/api/aggregates/clusters?bbox=-2.4,53.3,-2,53.6&zoom=${zoom}&kind=priority`), summary.themes);
      expect(remote).toEqual(local.clusters({ kind: 'priority' }, [-2.4, 53.3, -2, 53.6], zoom));
    }
    // a receiver that lists the themes the other way round gets each mix re-indexed, not misattributed
    const sent = await get('/api/aggregates/clusters?bbox=-2.4,53.3,-2,53.6&zoom=3');
    const reversed = plannerClustersFromJson(sent, [...summary.themes].reverse());
    expect(reversed[0]!.mix).toEqual([...sent.marks[0].mix].reverse());
  });

  it('takes the fractional zoom a fitted map has, clustering at the nearest whole zoom as the browser does', async () => {
    await someWorkshopPins();
    const local = createPlannerEngine();
    const summary = local.load(await server.storage.getAreas(), await get('/api/pins'));
    const bbox: [number, number, number, number] = [-2.4, 53.3, -2, 53.6];
    const at = async (zoom: string) => plannerClustersFromJson(await get(`/api/aggregates/clusters?bbox=${bbox.join(',')}&zoom=${zoom}`), summary.themes);
    for (const [sent, whole] of [['9.25', 9], ['9.5', 10], ['10.75', 11], ['12.25', 12]] as const) {
      const remote = await at(sent);
      expect(remote, sent).toEqual(local.clusters({}, bbox, Number(sent)));
      expect(remote, sent).toEqual(await at(String(whole)));
    }
    // 9, 10 and 11 cluster these pins differently, so the rounding above is seen, not assumed (9.5 floored would be 9)
    expect((await at('9')).length).toBe(1);
    expect((await at('10')).length).toBe(4);
    expect((await at('11')).length).toBe(5);
  });

  it('follows changes: new pins count, hidden pins do not', async () => {
    expect((await get('/api/aggregates/summary')).pins).toBe(1);
    const id = (await post({ kind: 'priority', theme: 'safety' }, [-2.15, 53.45])).json().id;
    expect((await get('/api/aggregates/summary')).pins).toBe(2);
    expect((await get('/api/aggregates/planner')).areas.total).toEqual([1, 1, 0]);
    const token = await server.plannerToken();
    await server.app.inject({ method: 'POST', url: `/api/pins/${id}/hide`, headers: { authorization: `Bearer ${token}` }, payload: { reason: 'spam' } });
    expect((await get('/api/aggregates/planner')).areas.total).toEqual([1, 0, 0]);
  });

  it('refuses bad options with the reason', async () => {
    const cases: Array<[string, string]> = [
      ['/api/aggregates/planner?hex=300', 'hex must be one of 250, 500, 1000, 2000'],
      ['/api/aggregates/planner?hex=abc', 'hex must be a number'],
      ['/api/aggregates/planner?top=1000', ''],
      ['/api/aggregates/planner?from=yesterday', 'from must be an ISO 8601 date-time'],
      ['/api/aggregates/planner?kind=both', 'kind must be'],
      ['/api/aggregates/clusters?zoom=3', 'bbox'],
      ['/api/aggregates/clusters?bbox=1,2,3&zoom=3', 'bbox must be four numbers'],
      ['/api/aggregates/clusters?bbox=-2.4,53.3,-2,53.6&zoom=99', ''],
    ];
    for (const [url, message] of cases) {
      const res = await server.app.inject({ url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code, url).toBe('invalid-query');
      expect(JSON.stringify(res.json().error.details), url).toContain(message);
    }
    const unknown = await server.app.inject({ url: '/api/aggregates/planner?area=nowhere' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'unknown-area', message: 'There is no area "nowhere".' });
  });
});

describe('createPlannerAggregates in rebuild mode (the benchmark\'s old approach)', () => {
  it('rebuilds once for many waiting requests, and not at all while nothing changed', async () => {
    const database = await openSqliteStorage({ file: ':memory:', seed });
    const storage = await defaultConsultationOf(database);
    const aggregates = createPlannerAggregates(storage, { mode: 'rebuild', minRebuildMs: 0 });
    try {
      await Promise.all(Array.from({ length: 10 }, () => aggregates.current()));
      expect(aggregates.builds()).toBe(1);
      await aggregates.current();
      expect(aggregates.builds()).toBe(1);
      await storage.createPin(testPin({ position: [-2.15, 53.45] }));
      const [a, b] = await Promise.all([aggregates.current(), aggregates.current()]);
      expect(aggregates.builds()).toBe(2);
      expect(a.summary.pins).toBe(2);
      expect(b).toBe(a);
    } finally {
      aggregates.stop();
      await database.close();
    }
  });

  it('spaces rebuilds out while pins keep arriving, and still counts the latest pins', async () => {
    const database = await openSqliteStorage({ file: ':memory:', seed });
    const storage = await defaultConsultationOf(database);
    const aggregates = createPlannerAggregates(storage, { mode: 'rebuild', minRebuildMs: 200 });
    try {
      await aggregates.current();
      const started = Date.now();
      for (let i = 0; i < 5; i++) {
        await storage.createPin(testPin({ position: [-2.15, 53.45] }));
        await aggregates.current();
      }
      // five changes, each followed by a request: each rebuild waits for the 200 ms since the one before
      expect(aggregates.builds()).toBe(6);
      expect(Date.now() - started).toBeGreaterThanOrEqual(5 * 200 - 20);
      expect((await aggregates.current()).summary.pins).toBe(6);
    } finally {
      aggregates.stop();
      await database.close();
    }
  });
});
