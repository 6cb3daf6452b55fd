// the context layer API: who may upload, read, delete and confirm (every route × every kind of caller), an upload's
// refusals naming the row and rule, confirmations counted under small-count protection, and bad input 4xx never 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { asDevice, DEVICE_A, DEVICE_B, deviceToken, startTestServer } from '../../support/serverHarness.ts';
import type { TestServer } from '../../support/serverHarness.ts';
import { testAreas, testThemes } from '../../support/serverFixtures.ts';

type Caller = 'anonymous' | 'resident' | 'facilitatorA' | 'plannerA' | 'plannerB' | 'admin';
const CALLERS: Caller[] = ['anonymous', 'resident', 'facilitatorA', 'plannerA', 'plannerB', 'admin'];
const A = '/api/consultations/alpha/layers';
const CSV = '\uFEFFNazwa;Rodzaj;Szer;Dł\nBiblioteka;kultura;53,45;-2,21\n"Hall; old";park;53.44;-2.22\n';
const UPLOAD = { name: 'Asset register', kind: 'assets', format: 'csv', data: CSV, mapping: { name: 'Nazwa', category: 'Rodzaj', themeByCategory: { park: 'green' } } };

let server: TestServer;
const tokens: Partial<Record<Caller, string>> = {};
let unique = 0;
let assets = '';

function as(caller: Caller, options: InjectOptions): InjectOptions {
  if (caller === 'anonymous') return options;
  if (caller === 'resident') return asDevice(deviceToken(`resident-${++unique}`), options);
  return { ...options, headers: { ...options.headers, authorization: `Bearer ${tokens[caller]}` } };
}
const inject = (caller: Caller, options: InjectOptions) => server.app.inject(as(caller, options));

beforeAll(async () => {
  server = await startTestServer({ rateLimits: { supportsPerDevicePerMinute: 0, supportsPerAddressPerMinute: 0 } });
  for (const [slug, status] of [['alpha', 'open'], ['beta', 'open'], ['shut', 'closed'], ['hidden', 'draft']] as const) {
    const made = await server.database.createConsultation({ slug, title: slug, summary: '', status, opensAt: null, closesAt: null, settings: {}, areas: testAreas(), themes: testThemes() }, 'test');
    if (!made.ok) throw new Error(`no ${slug}`);
  }
  tokens.facilitatorA = (await server.staff({ alpha: 'facilitator' })).token;
  tokens.plannerA = (await server.staff({ alpha: 'planner', shut: 'planner' })).token;
  tokens.plannerB = (await server.staff({ beta: 'planner' })).token;
  tokens.admin = await server.plannerToken();
  const res = await inject('plannerA', { method: 'POST', url: A, payload: UPLOAD });
  expect(res.statusCode, res.body).toBe(201);
  assets = res.json().id;
});
afterAll(async () => server.close());

describe('uploading a layer', () => {
  it('answers 201 with the id and the features, flat properties and [lng, lat]', async () => {
    const res = await inject('plannerA', { method: 'POST', url: A, payload: UPLOAD });
    expect(res.statusCode).toBe(201);
    expect(res.json().features.features).toEqual([
      { type: 'Feature', id: '1', geometry: { type: 'Point', coordinates: [-2.21, 53.45] }, properties: { name: 'Biblioteka', category: 'kultura' } },
      { type: 'Feature', id: '2', geometry: { type: 'Point', coordinates: [-2.22, 53.44] }, properties: { name: 'Hall; old', category: 'park', theme: 'green' } },
    ]);
  });

  it('refuses a bad file with 400 naming each row and rule, and stores nothing', async () => {
    const before = (await inject('anonymous', { url: A })).json().layers.length;
    const res = await inject('plannerA', { method: 'POST', url: A, payload: { ...UPLOAD, data: 'name,lon,lat\nok,1,1\n,2,2\nfar,400000,300000\n', mapping: undefined } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid-layer');
    expect(res.json().error.details.map((d: { path: string; rule: string }) => `${d.path} ${d.rule}`)).toEqual(['row 3 missing-name', 'row 4 out-of-range']);
    expect((await inject('anonymous', { url: A })).json().layers.length).toBe(before);
  });

  it('refuses a mapping to a theme the consultation lacks, and bodies of the wrong shape, with 400', async () => {
    const badTheme = await inject('plannerA', { method: 'POST', url: A, payload: { ...UPLOAD, mapping: { themeByCategory: { park: 'mars' } } } });
    expect(badTheme.json().error.details[0].rule).toBe('unknown-theme');
    expect((await inject('plannerA', { method: 'POST', url: A, payload: 'text' })).statusCode).toBe(415);
    for (const payload of [null, [], { ...UPLOAD, kind: 'other' }, { ...UPLOAD, format: 'kml' }, { ...UPLOAD, data: 5 }, { ...UPLOAD, extra: 1 }, { ...UPLOAD, format: 'geojson', data: '{' }]) {
      const res = await inject('plannerA', { method: 'POST', url: A, payload: payload as object });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
  });

  it('decides the role before reading the body: a resident\'s oversized upload is 401, a planner\'s 413', async () => {
    const huge = JSON.stringify({ ...UPLOAD, data: 'x'.repeat(11 * 1024 * 1024) });
    const headers = { 'content-type': 'application/json' };
    expect((await inject('resident', { method: 'POST', url: A, headers, payload: huge })).statusCode).toBe(401);
    expect((await inject('plannerB', { method: 'POST', url: A, headers, payload: huge })).statusCode).toBe(403);
    expect((await inject('plannerA', { method: 'POST', url: A, headers, payload: huge })).statusCode).toBe(413);
  });
});

describe('confirming assets', () => {
  const confirm = (token: string, verdict: unknown, feature = '1', layer = assets) =>
    server.app.inject(asDevice(token, { method: 'POST', url: `${A}/${layer}/features/${feature}/confirm`, payload: { verdict } }));
  const counts = async (caller: Caller) => (await inject(caller, { url: `${A}/${assets}` })).json().features.map((f: { properties: { confirmations: unknown } }) => f.properties.confirmations);

  it('keeps one verdict per device, replaced by the next, shown raw to planners and protected for the public', async () => {
    expect((await confirm(DEVICE_A, 'valued')).json()).toEqual({ verdict: 'valued', created: true });
    expect((await confirm(DEVICE_A, 'closed')).json()).toEqual({ verdict: 'closed', created: false });
    expect((await confirm(DEVICE_B, 'valued')).statusCode).toBe(200);
    expect(await counts('plannerA')).toEqual([{ valued: 1, missing: 0, closed: 1 }, { valued: 0, missing: 0, closed: 0 }]);
    expect(await counts('anonymous')).toEqual([{ valued: { suppressed: true, lessThan: 5 }, missing: 0, closed: { suppressed: true, lessThan: 5 } }, { valued: 0, missing: 0, closed: 0 }]);
    for (let i = 0; i < 5; i++) await confirm(deviceToken(`valuer-${i}`), 'valued');
    expect((await counts('anonymous'))[0]).toEqual({ valued: 6, missing: 0, closed: { suppressed: true, lessThan: 5 } });
    const mine = (await server.app.inject(asDevice(DEVICE_A, { url: `${A}/${assets}` }))).json();
    expect(mine.features[0].properties.myVerdict).toBe('closed');
  });

  it('refuses bad verdicts, unknown features and layers, unsigned tokens and reference layers with 4xx', async () => {
    expect((await confirm(DEVICE_A, 'love')).statusCode).toBe(400);
    expect((await confirm(DEVICE_A, null)).statusCode).toBe(400);
    expect((await confirm(DEVICE_A, 'valued', '99')).json().error.code).toBe('feature-not-found');
    expect((await confirm(DEVICE_A, 'valued', '1', 'no-such-layer')).statusCode).toBe(404);
    expect((await confirm('an-old-unsigned-token-1234', 'valued')).json().error.code).toBe('device-token-unsigned');
    const reference = await inject('plannerA', { method: 'POST', url: A, payload: { ...UPLOAD, kind: 'reference' } });
    const res = await confirm(DEVICE_A, 'valued', '1', reference.json().id);
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'not-an-assets-layer']);
    expect((await inject('anonymous', { url: `${A}/${reference.json().id}` })).json().features[0].properties).toEqual({ name: 'Biblioteka', category: 'kultura' });
  });

  it('answers 409 once the consultation is closed', async () => {
    const up = await inject('plannerA', { method: 'POST', url: '/api/consultations/shut/layers', payload: UPLOAD });
    const res = await server.app.inject(asDevice(DEVICE_A, { method: 'POST', url: `/api/consultations/shut/layers/${up.json().id}/features/1/confirm`, payload: { verdict: 'valued' } }));
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'consultation-closed']);
  });
});

describe('who may do what', () => {
  const everyone = { anonymous: 200, resident: 200, facilitatorA: 200, plannerA: 200, plannerB: 200, admin: 200 } as const;
  const planners = { anonymous: 401, resident: 401, facilitatorA: 403, plannerA: 201, plannerB: 403, admin: 201 } as const;
  const rows: { name: string; request: () => InjectOptions; expect: Record<Caller, number> }[] = [
    { name: 'GET the list', request: () => ({ url: A }), expect: everyone },
    { name: 'GET a layer', request: () => ({ url: `${A}/${assets}` }), expect: everyone },
    { name: 'POST a layer', request: () => ({ method: 'POST', url: A, payload: UPLOAD }), expect: planners },
    // staff have no device token: a confirmation is a resident's
    { name: 'POST a confirmation', request: () => ({ method: 'POST', url: `${A}/${assets}/features/2/confirm`, payload: { verdict: 'missing' } }), expect: { ...everyone, anonymous: 401, facilitatorA: 401, plannerA: 401, plannerB: 401, admin: 401 } },
    { name: 'DELETE an unknown layer', request: () => ({ method: 'DELETE', url: `${A}/nope` }), expect: { ...planners, plannerA: 404, admin: 404 } },
    { name: 'GET a draft consultation\'s layers', request: () => ({ url: '/api/consultations/hidden/layers' }), expect: { anonymous: 404, resident: 404, facilitatorA: 404, plannerA: 404, plannerB: 404, admin: 200 } },
  ];
  describe.each(rows)('$name', (row) => {
    it.each(CALLERS)('as %s', async (caller) => {
      const options = row.request();
      const merged = as(caller, options);
      const res = await server.app.inject({ ...merged, headers: { ...options.headers, ...merged.headers } });
      expect(res.statusCode, res.body).toBe(row.expect[caller]);
    });
  });

  it("a layer of A is not B's: B's planner can neither read nor delete it through B", async () => {
    const read = await inject('plannerB', { url: `/api/consultations/beta/layers/${assets}` });
    const del = await inject('plannerB', { method: 'DELETE', url: `/api/consultations/beta/layers/${assets}` });
    expect([read.statusCode, del.statusCode]).toEqual([404, 404]);
    expect((await inject('anonymous', { url: `${A}/${assets}` })).statusCode).toBe(200);
  });

  it('a planner deletes a layer (204), and it is gone from the list', async () => {
    const made = await inject('plannerA', { method: 'POST', url: A, payload: UPLOAD });
    const id = made.json().id;
    expect((await inject('plannerA', { method: 'DELETE', url: `${A}/${id}` })).statusCode).toBe(204);
    expect((await inject('anonymous', { url: A })).json().layers.map((l: { id: string }) => l.id)).not.toContain(id);
    const list = (await inject('anonymous', { url: A })).json().layers;
    expect(list.find((l: { id: string }) => l.id === assets)).toMatchObject({ name: 'Asset register', kind: 'assets', featureCount: 2 });
  });
});
