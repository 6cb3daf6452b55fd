// who may do what with a budget: every budget route × every kind of caller, and ballots limited like supports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { asDevice, awayFromWindowEdge, DEVICE_A, deviceToken, startTestServer } from '../../support/serverHarness.ts';
import type { TestServer } from '../../support/serverHarness.ts';
import { testAreas, testThemes } from '../../support/serverFixtures.ts';

type Caller = 'anonymous' | 'resident' | 'facilitatorA' | 'plannerA' | 'plannerB' | 'admin';
const CALLERS: Caller[] = ['anonymous', 'resident', 'facilitatorA', 'plannerA', 'plannerB', 'admin'];
const A = '/api/consultations/alpha/budget';
const SETTINGS = { amount: 100, currency: 'GBP', rule: 'greedy', closesAt: '2099-01-01T00:00:00.000Z' };

let server: TestServer;
const tokens: Partial<Record<Caller, string>> = {};
let unique = 0;

beforeAll(async () => {
  server = await startTestServer({ rateLimits: { supportsPerDevicePerMinute: 3 } });
  for (const slug of ['alpha', 'beta']) {
    const made = await server.database.createConsultation({ slug, title: slug, summary: '', status: 'open', opensAt: null, closesAt: null, settings: {}, areas: testAreas(), themes: testThemes() }, 'test');
    if (!made.ok) throw new Error(`no ${slug}`);
  }
  const budget = server.database.consultation((await server.database.getConsultation('alpha'))!.id).budget();
  await budget.putSettings({ ...SETTINGS, rule: 'greedy', opensAt: null, minProjects: null, maxProjects: null, intro: '' }, new Date().toISOString());
  await budget.putProject({ id: 'p1', title: 'Benches', description: '', cost: 10, theme: null, location: null, pinIds: [] }, new Date().toISOString());
  tokens.facilitatorA = (await server.staff({ alpha: 'facilitator' })).token;
  tokens.plannerA = (await server.staff({ alpha: 'planner' })).token;
  tokens.plannerB = (await server.staff({ beta: 'planner' })).token;
  tokens.admin = await server.plannerToken();
});
afterAll(async () => server.close());

function as(caller: Caller, options: InjectOptions): InjectOptions {
  if (caller === 'anonymous') return options;
  if (caller === 'resident') return asDevice(deviceToken(`resident-${++unique}`), options);
  return { ...options, headers: { ...options.headers, authorization: `Bearer ${tokens[caller]}` } };
}

const planners = { anonymous: 401, resident: 401, facilitatorA: 403, plannerA: 200, plannerB: 403, admin: 200 } as const;
const staffOfA = { anonymous: 403, resident: 403, facilitatorA: 200, plannerA: 200, plannerB: 403, admin: 200 } as const;
const pb = 'META\nkey;value\nbudget;20\nvote_type;approval\nPROJECTS\nproject_id;cost\nx;5\nVOTES\nvoter_id;vote\n1;x\n';

const rows: { name: string; request: () => InjectOptions; expect: Record<Caller, number> }[] = [
  { name: 'GET the budget', request: () => ({ url: A }), expect: { anonymous: 200, resident: 200, facilitatorA: 200, plannerA: 200, plannerB: 200, admin: 200 } },
  // staff have no device token: a ballot is a resident's
  { name: 'PUT a ballot', request: () => ({ method: 'PUT', url: `${A}/ballot`, payload: { projects: ['p1'] } }), expect: { anonymous: 401, resident: 200, facilitatorA: 401, plannerA: 401, plannerB: 401, admin: 401 } },
  { name: 'GET the results before closing', request: () => ({ url: `${A}/results` }), expect: staffOfA },
  { name: 'GET the .pb export before closing', request: () => ({ url: `${A}/export.pb` }), expect: staffOfA },
  { name: 'PUT the settings', request: () => ({ method: 'PUT', url: A, payload: SETTINGS }), expect: planners },
  { name: 'POST a project', request: () => ({ method: 'POST', url: `${A}/projects`, payload: { title: `New ${++unique}`, cost: 5 } }), expect: { ...planners, plannerA: 201, admin: 201 } },
  { name: 'PUT a project', request: () => ({ method: 'PUT', url: `${A}/projects/p1`, payload: { title: 'Benches', cost: 10 } }), expect: planners },
  { name: 'DELETE a project', request: () => ({ method: 'DELETE', url: `${A}/projects/nope` }), expect: { ...planners, plannerA: 404, admin: 404 } },
  // the touch-table game's result: facilitators run the table, so they record it as well as planners
  { name: 'POST a table game', request: () => ({ method: 'POST', url: `${A}/allocations`, payload: { sessionId: 'session-1', sides: { top: ['p1'] } } }), expect: { anonymous: 401, resident: 401, facilitatorA: 201, plannerA: 201, plannerB: 403, admin: 201 } },
  { name: 'GET the workshop allocations', request: () => ({ url: `${A}/allocations` }), expect: planners },
  // refused at once for every caller: someone has voted in alpha by the time it runs, or the caller is not its planner
  { name: 'POST an import', request: () => ({ method: 'POST', url: `${A}/import`, headers: { 'content-type': 'text/plain' }, payload: pb }), expect: { ...planners, plannerA: 409, admin: 409 } },
];

describe.each(rows)('$name', (row) => {
  it.each(CALLERS)('as %s', async (caller) => {
    if (row.name === 'POST an import') await server.app.inject(asDevice(DEVICE_A, { method: 'PUT', url: `${A}/ballot`, payload: { projects: ['p1'] } }));
    const options = row.request();
    const merged = as(caller, options);
    const res = await server.app.inject({ ...merged, headers: { ...options.headers, ...merged.headers } });
    expect(res.statusCode, res.body).toBe(row.expect[caller]);
  });
});

describe('limits and other consultations', () => {
  it("a planner of B cannot set up A's budget through B's routes: B has none", async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/consultations/beta/budget/projects', headers: { authorization: `Bearer ${tokens.plannerB}` }, payload: { title: 'X', cost: 1 } });
    expect(res.statusCode).toBe(404);
  });

  it('limits ballots per device like supports, with 429 and Retry-After', async () => {
    await awayFromWindowEdge();
    const token = deviceToken('busy-voter-device');
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await server.app.inject(asDevice(token, { method: 'PUT', url: `${A}/ballot`, payload: { projects: i % 2 ? [] : ['p1'] } }))));
    expect(codes.map((r) => r.statusCode)).toEqual([200, 200, 200, 429]);
    expect(codes[3]!.headers['retry-after']).toBeDefined();
  });
});
