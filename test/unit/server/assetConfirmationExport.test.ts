// the area exports count residents' confirmations of the council's assets in their own columns beside the pins,
// protected for publication and raw for its planners on request; without an assets layer the columns are left out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asDevice, deviceToken, startTestServer } from '../../support/serverHarness.ts';
import type { TestServer } from '../../support/serverHarness.ts';
import { testAreas, testThemes } from '../../support/serverFixtures.ts';

const BASE = '/api/consultations/assets-export';
let server: TestServer;
let planner = '';

beforeAll(async () => {
  server = await startTestServer({ rateLimits: { supportsPerDevicePerMinute: 0, supportsPerAddressPerMinute: 0 } });
  for (const slug of ['assets-export', 'no-assets']) {
    const made = await server.database.createConsultation({ slug, title: slug, summary: '', status: 'open', opensAt: null, closesAt: null, settings: { minCount: 3 }, areas: testAreas(), themes: testThemes() }, 'test');
    if (!made.ok) throw new Error(`no ${slug}`);
  }
  planner = await server.plannerToken();
  // one asset in West, one in East
  const upload = await server.app.inject({ method: 'POST', url: `${BASE}/layers`, headers: { authorization: `Bearer ${planner}` }, payload: { name: 'Assets', kind: 'assets', format: 'csv', data: 'name,lon,lat\nLibrary,-2.25,53.45\nHall,-2.15,53.45\n' } });
  expect(upload.statusCode, upload.body).toBe(201);
  const layer = upload.json().id as string;
  const confirm = (device: string, feature: string, verdict: string) =>
    server.app.inject(asDevice(deviceToken(device), { method: 'POST', url: `${BASE}/layers/${layer}/features/${feature}/confirm`, payload: { verdict } }));
  for (const device of ['d1', 'd2', 'd3', 'd4']) expect((await confirm(device, '1', 'valued')).statusCode).toBe(200);
  expect((await confirm('d5', '2', 'closed')).statusCode).toBe(200);
});
afterAll(async () => server.close());

const byId = (geojson: { features: { properties: Record<string, unknown> }[] }) => Object.fromEntries(geojson.features.map((f) => [f.properties.id, f.properties]));

describe('asset confirmations in the area exports', () => {
  it('gives each area its confirmations apart from the pins, small counts hidden for publication', async () => {
    const areas = byId((await server.app.inject({ url: `${BASE}/export/areas.geojson` })).json());
    expect(areas.west).toMatchObject({ confirmed_valued: 4, confirmed_valued_hidden: false, confirmed_closed: 0, confirmed_closed_hidden: false });
    // a single "closed" is below k = 3
    expect(areas.east).toMatchObject({ confirmed_valued: 0, confirmed_closed: null, confirmed_closed_hidden: true });
    // the pins' own columns are untouched by confirmations
    expect(areas.west!.total).toBe(0);
    const header = (await server.app.inject({ url: `${BASE}/export/areas.csv` })).body.split('\r\n')[0];
    expect(header).toContain('confirmed_valued,confirmed_valued_hidden,confirmed_missing,confirmed_missing_hidden,confirmed_closed,confirmed_closed_hidden');
  });

  it('gives its planners the raw counts on request', async () => {
    const res = await server.app.inject({ url: `${BASE}/export/areas.geojson?counts=raw`, headers: { authorization: `Bearer ${planner}` } });
    expect(byId(res.json()).east).toMatchObject({ confirmed_closed: 1, confirmed_closed_hidden: false });
  });

  it('leaves the columns out when the consultation has no assets layer', async () => {
    const areas = byId((await server.app.inject({ url: '/api/consultations/no-assets/export/areas.geojson' })).json());
    expect(Object.keys(areas.west!).some((k) => k.startsWith('confirmed_'))).toBe(false);
  });
});
