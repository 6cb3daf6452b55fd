// every route × every kind of caller → the status it must get: a planner of B can never read A's hidden pins,
// moderate A, export A or change A; residents and facilitators never do a planner's work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { asDevice, DEVICE_A, DEVICE_B, pinBody, startTestServer } from '../../support/serverHarness.ts';
import type { TestServer } from '../../support/serverHarness.ts';
import { testAreas, testPin, testThemes } from '../../support/serverFixtures.ts';

type Caller = 'anonymous' | 'resident' | 'facilitatorA' | 'plannerA' | 'plannerB' | 'admin';
const CALLERS: Caller[] = ['anonymous', 'resident', 'facilitatorA', 'plannerA', 'plannerB', 'admin'];

let server: TestServer;
const tokens: Partial<Record<Caller, string>> = {};
let memberId = '';
let unique = 0;

const consultation = (slug: string, status: 'open' | 'draft') => ({ slug, title: slug, summary: '', status, opensAt: null, closesAt: null, settings: {}, areas: testAreas(), themes: testThemes() });

beforeAll(async () => {
  server = await startTestServer();
  for (const [slug, status] of [['alpha', 'open'], ['beta', 'open'], ['delta', 'draft']] as const) {
    const made = await server.database.createConsultation(consultation(slug, status), 'test');
    if (!made.ok) throw new Error(`could not make ${slug}`);
  }
  const alpha = server.database.consultation((await server.database.getConsultation('alpha'))!.id);
  await alpha.createPin(testPin({ id: 'a-public', author: 'someone' }));
  await alpha.createPin(testPin({ id: 'a-hidden', author: 'someone' }));
  await alpha.moderatePin('a-hidden', { hidden: true, reason: 'personal details', actor: 'test', at: new Date().toISOString() });
  await alpha.budget().putSettings({ amount: 100, currency: 'GBP', rule: 'greedy', opensAt: null, closesAt: null, minProjects: null, maxProjects: null, intro: '' }, new Date().toISOString());
  await alpha.budget().recordAllocation('workshop-1', { p1: 10 }, new Date().toISOString());
  await alpha.createPin(testPin({ id: 'a-table', author: 'someone', sessionId: 'workshop-1' }));
  tokens.facilitatorA = (await server.staff({ alpha: 'facilitator' })).token;
  tokens.plannerA = (await server.staff({ alpha: 'planner' })).token;
  tokens.plannerB = (await server.staff({ beta: 'planner' })).token;
  tokens.admin = await server.plannerToken();
  memberId = (await server.staff()).id;
});
afterAll(async () => server.close());

function as(caller: Caller, options: InjectOptions): InjectOptions {
  if (caller === 'anonymous') return options;
  if (caller === 'resident') return asDevice(DEVICE_A, options);
  return { ...options, headers: { ...options.headers, authorization: `Bearer ${tokens[caller]}` } };
}

const A = '/api/consultations/alpha';
const planners = { anonymous: 401, resident: 401, facilitatorA: 403, plannerA: 200, plannerB: 403, admin: 200 } as const;
const admins = { anonymous: 401, resident: 401, facilitatorA: 403, plannerA: 403, plannerB: 403, admin: 200 } as const;
const everyone = { anonymous: 200, resident: 200, facilitatorA: 200, plannerA: 200, plannerB: 200, admin: 200 } as const;

interface Row {
  name: string;
  request: () => InjectOptions;
  expect: Record<Caller, number>;
}

const rows: Row[] = [
  { name: 'GET the list', request: () => ({ url: '/api/consultations' }), expect: everyone },
  { name: 'GET A', request: () => ({ url: A }), expect: everyone },
  { name: 'GET A pins', request: () => ({ url: `${A}/pins` }), expect: everyone },
  { name: "GET A's hidden pin", request: () => ({ url: `${A}/pins/a-hidden` }), expect: { anonymous: 404, resident: 404, facilitatorA: 404, plannerA: 200, plannerB: 404, admin: 200 } },
  { name: 'GET A aggregates', request: () => ({ url: `${A}/aggregates/summary` }), expect: everyone },
  { name: 'POST a pin in A', request: () => ({ method: 'POST', url: `${A}/pins`, payload: pinBody() }), expect: { anonymous: 401, resident: 201, facilitatorA: 401, plannerA: 401, plannerB: 401, admin: 401 } },
  { name: "hide A's map pin", request: () => ({ method: 'POST', url: `${A}/pins/a-public/hide`, payload: { reason: 'test' } }), expect: planners },
  { name: "restore A's map pin", request: () => ({ method: 'POST', url: `${A}/pins/a-public/restore`, payload: { reason: 'test' } }), expect: planners },
  { name: "hide A's table pin", request: () => ({ method: 'POST', url: `${A}/pins/a-table/hide`, payload: { reason: 'test' } }), expect: { ...planners, facilitatorA: 200 } },
  { name: "A's audit log", request: () => ({ url: `${A}/audit` }), expect: planners },
  { name: 'export A as GeoJSON', request: () => ({ url: `${A}/export/pins.geojson` }), expect: planners },
  { name: 'export A as CSV', request: () => ({ url: `${A}/export/pins.csv` }), expect: planners },
  { name: "A's responses in the explorer", request: () => ({ url: `${A}/responses?kind=priority` }), expect: planners },
  { name: "A's unanswered responses in a map box", request: () => ({ url: `${A}/responses?answer=unanswered&bbox=-2.3,53.4,-2.2,53.5` }), expect: planners },
  { name: "the pins near a place in A", request: () => ({ url: `${A}/pins/near?lon=-2.25&lat=53.45&radius=300` }), expect: planners },
  { name: "A's filtered responses as GeoJSON", request: () => ({ url: `${A}/export/responses.geojson?kind=priority` }), expect: planners },
  { name: "A's filtered responses as CSV", request: () => ({ url: `${A}/export/responses.csv` }), expect: planners },
  { name: "A's filtered responses' caption", request: () => ({ url: `${A}/export/responses-caption.txt` }), expect: planners },
  { name: "A's areas for GIS (protected)", request: () => ({ url: `${A}/export/areas.geojson` }), expect: everyone },
  { name: "A's areas as CSV (protected)", request: () => ({ url: `${A}/export/areas.csv` }), expect: everyone },
  { name: "A's areas with raw counts", request: () => ({ url: `${A}/export/areas.geojson?counts=raw` }), expect: planners },
  { name: "A's areas CSV with raw counts", request: () => ({ url: `${A}/export/areas.csv?counts=raw` }), expect: planners },
  { name: "a draft's areas export", request: () => ({ url: '/api/consultations/delta/export/areas.csv' }), expect: { anonymous: 404, resident: 404, facilitatorA: 404, plannerA: 404, plannerB: 404, admin: 200 } },
  { name: "replace A's areas", request: () => ({ method: 'PUT', url: `${A}/areas`, payload: testAreas() }), expect: planners },
  { name: "replace A's themes", request: () => ({ method: 'PUT', url: `${A}/themes`, payload: testThemes() }), expect: planners },
  { name: 'change A', request: () => ({ method: 'PATCH', url: A, payload: { summary: `changed ${++unique}` } }), expect: planners },
  { name: "A's template", request: () => ({ url: `${A}/template` }), expect: planners },
  { name: "A's workshop allocations", request: () => ({ url: `${A}/budget/allocations` }), expect: planners },
  { name: "A's team", request: () => ({ url: `${A}/members` }), expect: planners },
  { name: "add to A's team", request: () => ({ method: 'PUT', url: `${A}/members/${memberId}`, payload: { role: 'facilitator' } }), expect: planners },
  { name: 'GET a draft', request: () => ({ url: '/api/consultations/delta' }), expect: { anonymous: 404, resident: 404, facilitatorA: 404, plannerA: 404, plannerB: 404, admin: 200 } },
  { name: "a draft's pins", request: () => ({ url: '/api/consultations/delta/pins' }), expect: { anonymous: 404, resident: 404, facilitatorA: 404, plannerA: 404, plannerB: 404, admin: 200 } },
  { name: 'create a consultation', request: () => ({ method: 'POST', url: '/api/consultations', payload: { slug: `new-${++unique}`, title: 'New' } }), expect: { ...admins, admin: 201 } },
  { name: 'list accounts', request: () => ({ url: '/api/users' }), expect: admins },
  { name: 'invite someone', request: () => ({ method: 'POST', url: '/api/users', payload: { email: `new-${++unique}@coplan.test`, name: 'New' } }), expect: { ...admins, admin: 201 } },
];

describe.each(rows)('$name', (row) => {
  it.each(CALLERS)('as %s', async (caller) => {
    const res = await server.app.inject(as(caller, row.request()));
    expect(res.statusCode, res.body).toBe(row.expect[caller]);
  });
});

describe('a planner of B reaches nothing of A', () => {
  it("never finds A's hidden pin near its place, even as A's planner", async () => {
    const near = await server.app.inject(as('plannerA', { url: `${A}/pins/near?lon=-2.25&lat=53.45&radius=2000&limit=200` }));
    expect(near.statusCode).toBe(200);
    const ids = near.json().pins.map((p: { id: string }) => p.id);
    expect(ids).toContain('a-public');
    expect(ids).not.toContain('a-hidden');
  });

  it("sees A's hidden pin nowhere: not in the list with includeHidden, not in the export", async () => {
    const list = await server.app.inject(as('plannerB', { url: `${A}/pins?includeHidden=true` }));
    expect(list.json().features.map((f: { id: string }) => f.id)).not.toContain('a-hidden');
    const own = await server.app.inject(as('plannerA', { url: `${A}/pins?includeHidden=true` }));
    expect(own.json().features.map((f: { id: string }) => f.id)).toContain('a-hidden');
  });

  it("cannot reach A's pins through B's routes", async () => {
    for (const id of ['a-public', 'a-hidden']) {
      const res = await server.app.inject(as('plannerB', { method: 'POST', url: `/api/consultations/beta/pins/${id}/hide`, payload: { reason: 'x' } }));
      expect(res.statusCode).toBe(404);
    }
    const support = await server.app.inject(asDevice(DEVICE_B, { method: 'POST', url: '/api/consultations/beta/pins/a-public/support' }));
    expect(support.statusCode).toBe(404);
  });
});
