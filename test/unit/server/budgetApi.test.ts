// the budget API: a planner sets it up, residents vote within it (and change their minds), results and the .pb export
// open after closing, an import is all-or-nothing and refused naming the line and rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { parsePabulib } from '../../../src/core/budget/pabulib.ts';
import { asDevice, DEVICE_A, DEVICE_B, deviceToken, startTestServer } from '../../support/serverHarness.ts';
import type { TestServer } from '../../support/serverHarness.ts';
import { testAreas, testThemes } from '../../support/serverFixtures.ts';

const B = '/api/consultations/vote/budget';
const DAY = 24 * 60 * 60 * 1000;
const START = Date.parse('2030-01-10T00:00:00.000Z');
let now = START;
let server: TestServer;
let planner = '';
const asPlanner = (options: InjectOptions): InjectOptions => ({ ...options, headers: { ...options.headers, authorization: `Bearer ${planner}` } });
const vote = (token: string, projects: unknown) => server.app.inject(asDevice(token, { method: 'PUT', url: `${B}/ballot`, payload: { projects } }));

beforeAll(async () => {
  server = await startTestServer({ clock: () => now, rateLimits: { supportsPerDevicePerMinute: 0, supportsPerAddressPerMinute: 0 } });
  const made = await server.database.createConsultation({ slug: 'vote', title: 'Vote', summary: '', status: 'open', opensAt: null, closesAt: null, settings: {}, areas: testAreas(), themes: testThemes() }, 'test');
  if (!made.ok) throw new Error('no consultation');
  planner = (await server.staff({ vote: 'planner' })).token;
});
afterAll(async () => server.close());

describe('setting up a budget', () => {
  it('has none at first', async () => {
    const res = await server.app.inject({ url: B });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('budget-not-found');
  });

  it('takes settings and projects from a planner, refusing bad ones with 400 naming the field', async () => {
    const bad = await server.app.inject(asPlanner({ method: 'PUT', url: B, payload: { amount: -5, currency: 'GBP', rule: 'greedy' } }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('budget.amount');
    const settings = { amount: 10, currency: 'GBP', rule: 'equal-shares', opensAt: '2030-01-01T00:00:00.000Z', closesAt: '2030-02-01T00:00:00.000Z', maxProjects: 3 };
    expect((await server.app.inject(asPlanner({ method: 'PUT', url: B, payload: settings }))).statusCode).toBe(200);
    for (const [id, cost, extra] of [['a', 6, { theme: 'green', location: { areas: ['west'] } }], ['b', 4, {}], ['c', 4, {}], ['d', 1, { location: { point: [-2.2, 53.45] } }]] as const) {
      const res = await server.app.inject(asPlanner({ method: 'POST', url: `${B}/projects`, payload: { id, title: `Project ${id}`, cost, ...extra } }));
      expect(res.statusCode, res.body).toBe(201);
    }
    const again = await server.app.inject(asPlanner({ method: 'POST', url: `${B}/projects`, payload: { id: 'a', title: 'Again', cost: 1 } }));
    expect(again.statusCode).toBe(409);
    const theme = await server.app.inject(asPlanner({ method: 'POST', url: `${B}/projects`, payload: { title: 'X', cost: 1, theme: 'nope', location: { areas: ['mars'] } } }));
    expect(theme.json().error.details.map((d: { rule: string }) => d.rule)).toEqual(['unknown-theme', 'unknown-area']);
    const changed = await server.app.inject(asPlanner({ method: 'PUT', url: `${B}/projects/b`, payload: { title: 'Project b, renamed', cost: 4 } }));
    expect(changed.json().title).toBe('Project b, renamed');
    const view = (await server.app.inject({ url: B })).json();
    expect(view).toMatchObject({ budget: 10, currency: 'GBP', rule: 'equal-shares', votingOpen: true, resultsPublic: false, ballot: null });
    expect(view.projects.map((p: { id: string }) => p.id)).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('voting', () => {
  it('refuses an over-budget ballot with 422 and stores nothing', async () => {
    const res = await vote(DEVICE_A, ['a', 'b', 'd']);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'over-budget', details: { spent: 11, amount: 10 } });
    expect((await server.app.inject(asDevice(DEVICE_A, { url: B }))).json().ballot).toBeNull();
  });

  it('refuses more projects than the maximum, unknown projects and bad bodies, never with a 500', async () => {
    expect((await vote(DEVICE_A, ['d', 'a', 'b', 'c'])).statusCode).toBe(422);
    expect((await vote(DEVICE_A, ['zz'])).json().error.code).toBe('unknown-project');
    for (const payload of [null, 'text', { projects: 'a' }, { projects: [1] }, { projects: [], extra: true }]) {
      const res = await server.app.inject(asDevice(DEVICE_A, { method: 'PUT', url: `${B}/ballot`, payload: payload as never }));
      expect(res.statusCode, JSON.stringify(payload)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
    }
  });

  it('needs a signed device token', async () => {
    expect((await server.app.inject({ method: 'PUT', url: `${B}/ballot`, payload: { projects: ['a'] } })).statusCode).toBe(401);
    expect((await vote('unsigned-device-token-1234', ['a'])).json().error.code).toBe('device-token-unsigned');
  });

  it('keeps one ballot per device, changeable until closing', async () => {
    const first = await vote(DEVICE_A, ['a', 'b']);
    expect(first.statusCode).toBe(200);
    expect(first.json().created).toBe(true);
    const second = await vote(DEVICE_A, ['a', 'd']);
    expect(second.json().created).toBe(false);
    expect((await server.app.inject(asDevice(DEVICE_A, { url: B }))).json().ballot.projects).toEqual(['a', 'd']);
    expect((await vote(DEVICE_B, ['b', 'c'])).statusCode).toBe(200);
    expect((await vote(deviceToken('third-device'), ['b', 'c', 'd'])).statusCode).toBe(200);
  });

  it('hides the results and the export from the public until closing, not from staff', async () => {
    expect((await server.app.inject({ url: `${B}/results` })).statusCode).toBe(403);
    expect((await server.app.inject(asDevice(DEVICE_A, { url: `${B}/export.pb` }))).json().error.code).toBe('results-not-public');
    const staff = await server.app.inject(asPlanner({ url: `${B}/results` }));
    expect(staff.statusCode).toBe(200);
    expect(staff.json().workshopAllocations).toEqual([]);
    // staff see the spread's voter figures as they are
    expect(staff.json().spread).toMatchObject({ minCount: null, greedy: { voters: 3, share: 1 } });
  });

  it('refuses ballots after closing with 409, and then shows everyone both counts', async () => {
    now = START + 30 * DAY;
    const late = await vote(DEVICE_A, ['a']);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('voting-closed');
    const res = await server.app.inject({ url: `${B}/results` });
    expect(res.statusCode).toBe(200);
    const results = res.json();
    // approvals: a 1, b 2, c 2, d 2. Greedy: b (2 votes, 4), c (2, 4) = 8; d (2, 1) = 9; a (6) does not fit
    expect(results.greedy.selected).toEqual(['d', 'b', 'c']);
    expect(results.voters).toBe(3);
    expect(results.equalShares.spent).toBeLessThanOrEqual(10);
    expect(results).not.toHaveProperty('workshopAllocations');
    // where the money goes: d (1, a point on west's edge) in west, b and c have no location; 3 of 3 voters got a
    // project they voted for, a group under the default k = 5, so the public does not see that share
    expect(results.spread.greedy.areas.map((a: { id: string; funded: number }) => [a.id, a.funded])).toEqual([['west', 1], ['east', 0]]);
    expect(results.spread.greedy.unplaced).toEqual({ funded: 8, projects: ['b', 'c'] });
    expect(results.spread.greedy).toMatchObject({ voters: 3, share: { suppressed: true } });
    expect(results.spread.minCount).toBe(5);
    expect(results.spread.equalShares.voters).toBe(3);
    now = START;
  });

  it('answers 409 before voting opens', async () => {
    now = Date.parse('2029-12-31T00:00:00.000Z');
    expect((await vote(DEVICE_A, ['a'])).json().error.code).toBe('voting-not-open');
    now = START;
  });
});

describe('pabulib files', () => {
  it('exports the vote with anonymous voter numbers, which core reads back', async () => {
    const res = await server.app.inject(asPlanner({ url: `${B}/export.pb` }));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/coplan-vote-budget-\d{4}-\d{2}-\d{2}\.pb/);
    const parsed = parsePabulib(res.body);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.value.budget).toBe(10);
    expect(parsed.value.ballots).toHaveLength(3);
    expect(res.body).not.toContain('device');
    expect(res.body).toMatch(/\nVOTES\nvoter_id;vote\n1;/);
  });

  it('refuses an import over residents\u2019 ballots, and a broken file naming its line and rule, changing nothing', async () => {
    const file = 'META\nkey;value\nbudget;20\nvote_type;approval\nPROJECTS\nproject_id;cost;name\nx;5;Trees\ny;7;Lights\nVOTES\nvoter_id;vote\n1;x\n2;x,y\n';
    const post = (body: string, slug = 'vote') => server.app.inject(asPlanner({ method: 'POST', url: `/api/consultations/${slug}/budget/import`, headers: { authorization: `Bearer ${planner}`, 'content-type': 'text/plain' }, payload: body }));
    const overBallots = await post(file);
    expect(overBallots.statusCode).toBe(409);
    const broken = await post(file.replace('2;x,y', '2;x,q'));
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.message).toContain('line 12, unknown-project');
    const cumulative = await post(file.replace('vote_type;approval', 'vote_type;cumulative'));
    expect(cumulative.json().error.details[0]).toMatchObject({ line: 4 });
    expect((await server.app.inject({ url: B })).json().projects.map((p: { id: string }) => p.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('imports a file into a budget nobody voted on yet, projects and ballots at once', async () => {
    const made = await server.database.createConsultation({ slug: 'imported', title: 'Imported', summary: '', status: 'open', opensAt: null, closesAt: null, settings: {}, areas: testAreas(), themes: testThemes() }, 'test');
    if (!made.ok) throw new Error('no consultation');
    const admin = await server.plannerToken();
    const file = 'META\nkey;value\nbudget;20\ncurrency;PLN\nvote_type;approval\nPROJECTS\nproject_id;cost;name\nx;5;Trees\ny;7;Lights\nVOTES\nvoter_id;vote\n1;x\n2;x,y\n';
    const res = await server.app.inject({ method: 'POST', url: '/api/consultations/imported/budget/import', headers: { authorization: `Bearer ${admin}`, 'content-type': 'text/plain' }, payload: file });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ projects: 2, ballots: 2 });
    const view = (await server.app.inject({ url: '/api/consultations/imported/budget' })).json();
    expect(view).toMatchObject({ budget: 20, currency: 'PLN', rule: 'greedy' });
    const results = (await server.app.inject({ url: '/api/consultations/imported/budget/results', headers: { authorization: `Bearer ${admin}` } })).json();
    expect(results.greedy.selected).toEqual(['x', 'y']);
  });

  it('keeps a project that has votes on the ballot', async () => {
    const res = await server.app.inject(asPlanner({ method: 'DELETE', url: `${B}/projects/b` }));
    expect(res.statusCode).toBe(409);
    expect((await server.app.inject(asPlanner({ method: 'DELETE', url: `${B}/projects/nope` }))).statusCode).toBe(404);
  });
});
