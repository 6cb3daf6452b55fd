// the planner screens' server-side queries, on SQLite and PostgreSQL: the visible pins near a point (…/pins/near,
// Turf's distances on the server, bounded, hidden pins never) and the responses by answer and map box, with bad
// parameters refused in the API's JSON error shape.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assetsNear } from '../../../src/core/budget/projectPlaces.ts';
import type { LngLat } from '../../../src/core/types.ts';
import { openPostgresStorage, openSqliteStorage } from '../../../src/server/storage/openStorage.ts';
import type { ServerPin, Storage } from '../../../src/server/storage/storage.ts';
import { postgresSuite } from '../../support/postgresSuite.ts';
import { testConsultation, testPin } from '../../support/serverFixtures.ts';
import { asDevice, DEVICE_A, startTestServer } from '../../support/serverHarness.ts';
import type { TestServer } from '../../support/serverHarness.ts';

const CENTRE: LngLat = [-2.25, 53.45];
const north = (metres: number): [number, number] => [CENTRE[0], CENTRE[1] + metres / 111_195];
const pins: ServerPin[] = [
  testPin({ id: 'asset-110', kind: 'asset', title: 'Library', position: north(110) }),
  testPin({ id: 'asset-220', kind: 'asset', title: 'Bench', position: north(220) }),
  testPin({ id: 'asset-290', kind: 'asset', title: 'Oak', position: [CENTRE[0] + 290 / 74_000, CENTRE[1]] }),
  testPin({ id: 'asset-450', kind: 'asset', title: 'Pond', position: north(450) }),
  testPin({ id: 'asset-hidden', kind: 'asset', title: 'Hidden', position: north(50), hidden: true }),
  testPin({ id: 'priority-60', kind: 'priority', title: 'Crossing', position: north(60) }),
  testPin({ id: 'east-far', kind: 'priority', title: 'Far away', position: [-2.15, 53.45] }),
];
const visible = pins.filter((p) => !p.properties.hidden);

function plannerQueries(label: string, open: () => Promise<Storage>) {
  describe(`planner queries (${label})`, () => {
    let server: TestServer;
    let auth: { authorization: string };
    beforeEach(async () => {
      server = await startTestServer({ storage: await open() });
      auth = { authorization: `Bearer ${await server.plannerToken()}` };
    });
    afterEach(() => server.close());
    const get = (url: string) => server.app.inject({ url, headers: auth });
    const near = async (search: string) => (await get(`/api/pins/near?${search}`)).json() as { pins: { id: string; metres: number }[]; truncated: boolean };

    it('answers the visible assets within the radius, nearest first, with the distances the core function gives', async () => {
      const answer = await near(`lon=${CENTRE[0]}&lat=${CENTRE[1]}&radius=300`);
      const expected = assetsNear(CENTRE, visible).map((a) => ({ id: a.pin.id, metres: a.metres }));
      expect(expected.map((e) => e.id)).toEqual(['asset-110', 'asset-220', 'asset-290']);
      expect(answer.pins.map(({ id, metres }) => ({ id, metres }))).toEqual(expected);
      expect(answer.truncated).toBe(false);
      expect((await near(`lon=${CENTRE[0]}&lat=${CENTRE[1]}&radius=500`)).pins.map((p) => p.id)).toEqual(['asset-110', 'asset-220', 'asset-290', 'asset-450']);
    });

    it('never answers a hidden pin, keeps to the kind asked for, and cuts the answer at the limit', async () => {
      const all = await near(`lon=${CENTRE[0]}&lat=${CENTRE[1]}&radius=2000&limit=200`);
      expect(all.pins.map((p) => p.id)).not.toContain('asset-hidden');
      expect((await near(`lon=${CENTRE[0]}&lat=${CENTRE[1]}&kind=priority`)).pins.map((p) => p.id)).toEqual(['priority-60']);
      const one = await near(`lon=${CENTRE[0]}&lat=${CENTRE[1]}&limit=1`);
      expect(one.pins.map((p) => p.id)).toEqual(['asset-110']);
      expect(one.truncated).toBe(true);
    });

    it.each([
      ['no place', 'radius=300', 'lon'],
      ['no latitude', 'lon=-2.25', 'lat'],
      ['NaN', 'lon=NaN&lat=53.45', 'lon'],
      ['a longitude off the earth', 'lon=200&lat=53.45', 'lon'],
      ['a huge radius', 'lon=-2.25&lat=53.45&radius=1e9', 'radius'],
      ['a zero radius', 'lon=-2.25&lat=53.45&radius=0', 'radius'],
      ['a fractional limit', 'lon=-2.25&lat=53.45&limit=1.5', 'limit'],
      ['a huge limit', 'lon=-2.25&lat=53.45&limit=100000', 'limit'],
      ['an unknown kind', 'lon=-2.25&lat=53.45&kind=tree', 'kind'],
    ])('refuses %s with a 400 naming it', async (_name, search, path) => {
      const res = await get(`/api/pins/near?${search}`);
      expect(res.statusCode).toBe(400);
      const body = res.json();
      expect(body.error).toMatchObject({ code: 'invalid-query', message: expect.any(String) });
      expect(body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    });

    it('is for the consultation\u2019s staff: a resident is refused', async () => {
      const res = await server.app.inject(asDevice(DEVICE_A, { url: `/api/pins/near?lon=${CENTRE[0]}&lat=${CENTRE[1]}` }));
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('sign-in-required');
    });

    it('lists the responses by their answer and inside a map box, the way the answer panel asks', async () => {
      const ids = async (search: string) => ((await get(`/api/responses?limit=500&${search}`)).json().rows as { id: string }[]).map((r) => r.id).sort();
      const answered = await server.app.inject({ method: 'PUT', url: '/api/consultations/near/pins/asset-220/response', headers: auth, payload: { status: 'planned', text: 'In May' } });
      expect(answered.statusCode, answered.body).toBe(200);
      expect(await ids('answer=planned')).toEqual(['asset-220']);
      expect(await ids('answer=done')).toEqual([]);
      expect(await ids('answer=unanswered')).toEqual(visible.map((p) => p.id).filter((id) => id !== 'asset-220').sort());
      // the box holds the pins near the centre, not the one far east
      expect(await ids('bbox=-2.26,53.44,-2.24,53.46')).toEqual(visible.map((p) => p.id).filter((id) => id !== 'east-far').sort());
      expect(await ids('bbox=-2.26,53.44,-2.24,53.46&answer=unanswered&kind=priority')).toEqual(['priority-60']);
      for (const bad of ['answer=maybe', 'bbox=1,2,3', 'bbox=-2.2,53.5,-2.3,53.4', 'bbox=0,0,0,NaN']) {
        const res = await get(`/api/responses?${bad}`);
        expect(res.statusCode, bad).toBe(400);
        expect(res.json().error.code).toBe('invalid-query');
      }
    });
  });
}

const seeded = () => ({ consultations: [testConsultation({ slug: 'near', pins })] });
plannerQueries('SQLite', () => openSqliteStorage({ file: ':memory:', seed: seeded }));

describe('PostgreSQL', () => {
  const db = postgresSuite('t_planner_queries');
  if (!db) return;
  plannerQueries('PostgreSQL', () => openPostgresStorage({ connectionString: db.url, schema: db.freshSchema(), seed: seeded }));
});
