// GET …/budget/allocations: the consultation's planners read every workshop allocation beside the vote's approvals,
// on SQLite and PostgreSQL; nobody else reads them, and no consultation's allocations show through another's route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { openPostgresStorage, openSqliteStorage } from '../../../src/server/storage/openStorage.ts';
import type { Storage } from '../../../src/server/storage/storage.ts';
import { postgresSuite } from '../../support/postgresSuite.ts';
import { asDevice, DEVICE_A, seed, startTestServer } from '../../support/serverHarness.ts';
import type { TestServer } from '../../support/serverHarness.ts';
import { testAreas, testThemes } from '../../support/serverFixtures.ts';

const G = '/api/consultations/game/budget';
const O = '/api/consultations/other/budget';
const AT = '2030-01-01T00:00:00.000Z';

function contract(open: () => Promise<Storage>): void {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  const as = (who: string, options: InjectOptions): InjectOptions => ({ ...options, headers: { ...options.headers, authorization: `Bearer ${tokens[who]}` } });
  const read = (who: string, url = G) => server.app.inject(as(who, { url: `${url}/allocations` }));

  beforeAll(async () => {
    server = await startTestServer({ storage: await open() });
    for (const slug of ['game', 'other', 'bare']) {
      const made = await server.database.createConsultation({ slug, title: slug, summary: '', status: 'open', opensAt: null, closesAt: null, settings: {}, areas: testAreas(), themes: testThemes() }, 'test');
      if (!made.ok) throw new Error(`no ${slug}`);
    }
    for (const [slug, amount] of [['game', 100], ['other', 500]] as const) {
      const budget = server.database.consultation((await server.database.getConsultation(slug))!.id).budget();
      await budget.putSettings({ amount, currency: 'GBP', rule: 'greedy', opensAt: null, closesAt: null, minProjects: null, maxProjects: null, intro: '' }, AT);
      for (const [id, cost] of [['a', 40], ['b', 70], ['c', 30]] as const) await budget.putProject({ id, title: `${slug} ${id}`, description: '', cost, theme: null, location: null, pinIds: [] }, AT);
    }
    const game = server.database.consultation((await server.database.getConsultation('game'))!.id).budget();
    // the vote beside the allocations: a approved twice, c once, b never
    await game.castBallot('device:one', ['a', 'c'], 'device', AT);
    await game.castBallot('device:two', ['a'], 'device', AT);
    // an allocation recorded before outcomes were kept, naming a project removed since
    await game.recordAllocation(null, { b: 70, gone: 15 }, '2029-12-31T10:00:00.000Z');
    tokens.planner = (await server.staff({ game: 'planner' })).token;
    tokens.facilitator = (await server.staff({ game: 'facilitator' })).token;
    tokens.otherPlanner = (await server.staff({ other: 'planner' })).token;
    tokens.barePlanner = (await server.staff({ bare: 'planner' })).token;
    tokens.admin = await server.plannerToken();
    const posted = await server.app.inject(as('facilitator', { method: 'POST', url: `${G}/allocations`, payload: { sessionId: 'sat-walk', sessionName: ' Saturday walk, «library» ', sides: { bottom: ['a', 'c'], top: ['c', 'a'], left: ['b'] } } }));
    if (posted.statusCode !== 201) throw new Error(posted.body);
    const other = await server.app.inject(as('otherPlanner', { method: 'POST', url: `${O}/allocations`, payload: { sessionId: 'elsewhere', sides: { top: ['b'] } } }));
    if (other.statusCode !== 201) throw new Error(other.body);
  });
  afterAll(async () => server.close());

  it("gives the consultation's planner every allocation, oldest first, beside the vote's approvals", async () => {
    const res = await read('planner');
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view.currency).toBe('GBP');
    expect(view.amount).toBe(100);
    expect(view.vote).toEqual({ ballots: 2, projects: [{ id: 'a', title: 'game a', cost: 40, approvals: 2 }, { id: 'b', title: 'game b', cost: 70, approvals: 0 }, { id: 'c', title: 'game c', cost: 30, approvals: 1 }] });
    expect(view.allocations).toHaveLength(2);
    const [old, table] = view.allocations;
    expect(old).toMatchObject({ sessionId: null, sessionName: null, createdAt: '2029-12-31T10:00:00.000Z', total: 85, outcome: null, projects: [{ id: 'b', title: 'game b', amount: 70 }, { id: 'gone', title: null, amount: 15 }] });
    // bottom and top: a + c; left: b. Greedy funds c and a (two sides each) and skips b
    expect(table).toMatchObject({ sessionId: 'sat-walk', sessionName: 'Saturday walk, «library»', total: 210, projects: [{ id: 'a', amount: 80 }, { id: 'b', amount: 70 }, { id: 'c', amount: 60 }] });
    expect(table.outcome).toMatchObject({ ballots: 3, greedy: { selected: ['c', 'a'], spent: 70 } });
    expect(table.outcome.equalShares.spent).toBeLessThanOrEqual(100);
    expect(table.id).toBeGreaterThan(old.id);
    expect(Date.parse(table.createdAt)).not.toBeNaN();
  });

  it('counts the allocations as no ballots: the results still have two voters', async () => {
    const results = (await server.app.inject(as('planner', { url: `${G}/results` }))).json();
    expect(results.voters).toBe(2);
  });

  it("never shows another consultation's allocations", async () => {
    const own = (await read('otherPlanner', O)).json();
    expect(own.allocations.map((a: { sessionId: string }) => a.sessionId)).toEqual(['elsewhere']);
    expect(own.vote.ballots).toBe(0);
    const admin = (await read('admin')).json();
    expect(admin.allocations.map((a: { sessionId: string | null }) => a.sessionId)).toEqual([null, 'sat-walk']);
    const cross = await read('otherPlanner');
    expect([cross.statusCode, cross.json().error.code]).toEqual([403, 'forbidden']);
    expect(cross.body).not.toContain('sat-walk');
  });

  it('refuses a session name that is empty, too long or holds control characters, naming the field', async () => {
    for (const sessionName of ['  ', 'x'.repeat(81), 'bad\u0000name', 7]) {
      const res = await server.app.inject(as('facilitator', { method: 'POST', url: `${G}/allocations`, payload: { sessionId: 's1', sessionName, sides: { top: ['a'] } } }));
      expect(res.statusCode, JSON.stringify(sessionName)).toBe(400);
      expect(res.json().error.details[0].path).toBe('allocation.sessionName');
    }
    // without a name, as older tables send it, it is recorded with none
    const res = await server.app.inject(as('facilitator', { method: 'POST', url: `${G}/allocations`, payload: { sessionId: 's1', sides: { top: ['a'] } } }));
    expect([res.statusCode, res.json().allocation.sessionName]).toEqual([201, null]);
  });

  it('is for planners: 401 without staff sign-in, 403 for a facilitator, 404 without a budget', async () => {
    const anonymous = await server.app.inject({ url: `${G}/allocations` });
    expect([anonymous.statusCode, anonymous.json().error.code]).toEqual([401, 'sign-in-required']);
    expect((await server.app.inject(asDevice(DEVICE_A, { url: `${G}/allocations` }))).statusCode).toBe(401);
    const facilitator = await read('facilitator');
    expect([facilitator.statusCode, facilitator.json().error.code]).toEqual([403, 'forbidden']);
    const bare = await read('barePlanner', '/api/consultations/bare/budget');
    expect([bare.statusCode, bare.json().error.code]).toEqual([404, 'budget-not-found']);
  });
}

describe('workshop allocations for planners, SQLite', () => contract(() => openSqliteStorage({ file: ':memory:', seed })));

describe('workshop allocations for planners, PostgreSQL', () => {
  const db = postgresSuite('t_allocations');
  if (!db) return;
  contract(() => openPostgresStorage({ connectionString: db.url, schema: db.freshSchema(), seed, poolSize: 4 }));
});
