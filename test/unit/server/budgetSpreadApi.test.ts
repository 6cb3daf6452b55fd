// the results' spread over the API: a device's votes count for the area where its pins are, and the public sees the
// share of small groups of voters withheld while staff see it as it is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asDevice, deviceToken, pinBody, startTestServer } from '../../support/serverHarness.ts';
import type { TestServer } from '../../support/serverHarness.ts';
import { testAreas, testThemes } from '../../support/serverFixtures.ts';

const S = '/api/consultations/spread';
const EAST: [number, number] = [-2.15, 53.45];
const WEST: [number, number] = [-2.25, 53.45];
let server: TestServer;
let planner = '';

beforeAll(async () => {
  server = await startTestServer({ rateLimits: { supportsPerDevicePerMinute: 0, supportsPerAddressPerMinute: 0, writesPerDevicePerMinute: 0 } });
  const made = await server.database.createConsultation({ slug: 'spread', title: 'Spread', summary: '', status: 'open', opensAt: null, closesAt: null, settings: { minCount: 3 }, areas: testAreas(), themes: testThemes() }, 'test');
  if (!made.ok) throw new Error('no consultation');
  const budget = server.database.consultation((await server.database.getConsultation('spread'))!.id).budget();
  const at = new Date().toISOString();
  await budget.putSettings({ amount: 100, currency: 'GBP', rule: 'greedy', opensAt: null, closesAt: null, minProjects: null, maxProjects: null, intro: '' }, at);
  await budget.putProject({ id: 'park', title: 'Park', description: '', cost: 60, theme: null, location: { point: EAST }, pinIds: [] }, at);
  await budget.putProject({ id: 'path', title: 'Path', description: '', cost: 50, theme: null, location: { areas: ['west'] }, pinIds: [] }, at);
  planner = (await server.staff({ spread: 'planner' })).token;
  // five devices pin in east and vote for the park (approvals 5), two pin in west and vote for the path (2): greedy
  // funds the park (60) and the path (50) does not fit in the 40 left
  const voters = [...Array.from({ length: 5 }, (_, i) => [`east-${i}`, EAST, 'park'] as const), ...Array.from({ length: 2 }, (_, i) => [`west-${i}`, WEST, 'path'] as const)];
  for (const [name, position, project] of voters) {
    const token = deviceToken(name);
    const pin = await server.app.inject(asDevice(token, { method: 'POST', url: `${S}/pins`, payload: pinBody({}, position) }));
    expect(pin.statusCode, pin.body).toBe(201);
    expect((await server.app.inject(asDevice(token, { method: 'PUT', url: `${S}/budget/ballot`, payload: { projects: [project] } }))).statusCode).toBe(200);
  }
});
afterAll(async () => server.close());

describe('the spread of the results', () => {
  it('counts each device in the area of its pins, for staff as it is', async () => {
    const res = await server.app.inject({ url: `${S}/budget/results`, headers: { authorization: `Bearer ${planner}` } });
    expect(res.statusCode, res.body).toBe(200);
    const { greedy } = res.json().spread;
    expect(greedy.areas).toMatchObject([{ id: 'west', funded: 0, voters: 2, share: 0 }, { id: 'east', funded: 60, voters: 5, share: 1 }]);
    expect(greedy).toMatchObject({ voters: 7, share: 5 / 7 });
  });

  it('withholds the share of a group under k for the public, and the count that would give it away', async () => {
    // the public sees results once voting closed: close the consultation's budget by date
    const budget = server.database.consultation((await server.database.getConsultation('spread'))!.id).budget();
    await budget.putSettings({ amount: 100, currency: 'GBP', rule: 'greedy', opensAt: null, closesAt: '2000-01-01T00:00:00.000Z', minProjects: null, maxProjects: null, intro: '' }, new Date().toISOString());
    const res = await server.app.inject({ url: `${S}/budget/results` });
    expect(res.statusCode, res.body).toBe(200);
    const { greedy, minCount } = res.json().spread;
    expect(minCount).toBe(3);
    // west's 2 voters are under k = 3; east's 5 would give them away against the 7 in all, so both counts are withheld
    expect(greedy.areas.map((a: { voters: unknown; share: unknown }) => [a.voters, a.share])).toEqual([[{ suppressed: true, lessThan: 3 }, { suppressed: true }], [{ suppressed: true }, { suppressed: true }]]);
    // 5 of 7 with a funded project, 2 without: a group under k, so the overall share is withheld too
    expect(greedy.share).toEqual({ suppressed: true });
    expect(greedy.areas[1].funded).toBe(60);
  });
});
