// POST …/budget/allocations: a table game's result is checked side by side like ballots, counted, and kept beside the vote.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { asDevice, DEVICE_A, startTestServer } from '../../support/serverHarness.ts';
import type { TestServer } from '../../support/serverHarness.ts';
import { testAreas, testThemes } from '../../support/serverFixtures.ts';

const G = '/api/consultations/game/budget';
let server: TestServer;
let facilitator = '';
let otherFacilitator = '';
const post = (payload: unknown, token = facilitator): InjectOptions => ({ method: 'POST', url: `${G}/allocations`, payload: payload as InjectOptions['payload'], headers: { authorization: `Bearer ${token}` } });

beforeAll(async () => {
  server = await startTestServer();
  for (const slug of ['game', 'other']) {
    const made = await server.database.createConsultation({ slug, title: slug, summary: '', status: 'open', opensAt: null, closesAt: null, settings: {}, areas: testAreas(), themes: testThemes() }, 'test');
    if (!made.ok) throw new Error(`no ${slug}`);
  }
  const budget = server.database.consultation((await server.database.getConsultation('game'))!.id).budget();
  const at = new Date().toISOString();
  await budget.putSettings({ amount: 100, currency: 'GBP', rule: 'greedy', opensAt: null, closesAt: null, minProjects: 2, maxProjects: 2, intro: '' }, at);
  for (const [id, cost] of [['a', 40], ['b', 70], ['c', 30]] as const) await budget.putProject({ id, title: `Project ${id}`, description: '', cost, theme: null, location: null, pinIds: [] }, at);
  facilitator = (await server.staff({ game: 'facilitator' })).token;
  otherFacilitator = (await server.staff({ other: 'facilitator' })).token;
});
afterAll(async () => server.close());

describe('recording a table game', () => {
  it('counts the sides as ballots, keeps the money per project, and shows it to planners beside the vote', async () => {
    // bottom and top: a + c (70 each); left: b (70). Greedy: a (2 votes, 40), c (2, 30) = 70; b (1, 70) does not fit.
    // The ballots' min/max (2) is for residents' ballots, not for a side of the table: left's one project counts
    const res = await server.app.inject(post({ sessionId: 'sat-walk', sides: { bottom: ['a', 'c'], top: ['c', 'a'], left: ['b'] } }));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.count.ballots).toBe(3);
    expect(body.count.greedy).toEqual({ selected: ['c', 'a'], spent: 70 });
    expect(body.count.equalShares.spent).toBeLessThanOrEqual(100);
    expect(body.allocation).toMatchObject({ sessionId: 'sat-walk', allocation: { a: 80, b: 70, c: 60 } });
    const results = (await server.app.inject({ url: `${G}/results`, headers: { authorization: `Bearer ${facilitator}` } })).json();
    expect(results.workshopAllocations.map((w: { allocation: unknown }) => w.allocation)).toEqual([{ a: 80, b: 70, c: 60 }]);
    // never counted as ballots
    expect(results.voters).toBe(0);
  });

  it('refuses a side that spends more than the budget, naming the side, with 422', async () => {
    const res = await server.app.inject(post({ sessionId: null, sides: { right: ['a', 'b'] } }));
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'over-budget', details: [{ path: 'allocation.sides.right', rule: 'over-budget' }] });
  });

  it('refuses unknown and repeated projects and an empty game with 422', async () => {
    expect((await server.app.inject(post({ sessionId: null, sides: { top: ['zzz'] } }))).json().error.code).toBe('unknown-project');
    expect((await server.app.inject(post({ sessionId: null, sides: { top: ['a', 'a'] } }))).json().error.code).toBe('duplicate-project');
    const empty = await server.app.inject(post({ sessionId: null, sides: { top: [] } }));
    expect([empty.statusCode, empty.json().error.code]).toEqual([422, 'empty-game']);
  });

  it('refuses bodies of the wrong shape with 400, naming the field', async () => {
    for (const payload of [{ sides: {} }, { sessionId: 'x', sides: { middle: ['a'] } }, { sessionId: 'x', sides: { top: 'a' } }, { sessionId: '../etc', sides: {} }, { sessionId: null, sides: {}, extra: 1 }]) {
      const res = await server.app.inject(post(payload));
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe('invalid-allocation');
      expect(res.json().error.details[0].path).toMatch(/^allocation/);
    }
    const text = await server.app.inject({ ...post({}), payload: 'not json', headers: { authorization: `Bearer ${facilitator}`, 'content-type': 'application/json' } });
    expect(text.statusCode).toBe(400);
  });

  it('is for staff of this consultation only: residents 401, a facilitator of another 403, no budget 404', async () => {
    expect((await server.app.inject(asDevice(DEVICE_A, { method: 'POST', url: `${G}/allocations`, payload: { sessionId: null, sides: { top: ['a'] } } }))).statusCode).toBe(401);
    expect((await server.app.inject(post({ sessionId: null, sides: { top: ['a'] } }, otherFacilitator))).statusCode).toBe(403);
    const none = await server.app.inject({ method: 'POST', url: '/api/consultations/other/budget/allocations', payload: { sessionId: null, sides: { top: ['a'] } }, headers: { authorization: `Bearer ${otherFacilitator}` } });
    expect([none.statusCode, none.json().error.code]).toEqual([404, 'budget-not-found']);
  });
});
