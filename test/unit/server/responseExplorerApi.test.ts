// the response explorer's API: pages of the pins' words for a filter and sort, and filtered exports that state their filters.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CSV_BOM } from '../../../src/core/exportPins.ts';
import { openSqliteStorage } from '../../../src/server/storage/openStorage.ts';
import { readCsv } from '../../support/readCsv.ts';
import { testConsultation } from '../../support/serverFixtures.ts';
import { asDevice, DEVICE_A, DEVICE_B, pinBody, startTestServer } from '../../support/serverHarness.ts';
import type { TestServer } from '../../support/serverHarness.ts';

describe('response explorer API', () => {
  let server: TestServer;
  let auth: { authorization: string };
  const ids: Record<string, string> = {};
  beforeEach(async () => {
    // no seeded pin: every pin here is one this test made
    server = await startTestServer({ storage: await openSqliteStorage({ file: ':memory:', seed: () => ({ consultations: [testConsultation({ slug: 'explore' })] }) }) });
    auth = { authorization: `Bearer ${await server.plannerToken()}` };
    const made = [
      ['crossing', { kind: 'priority', theme: 'safety', title: 'Unsafe crossing', note: 'Cars at school time' }, [-2.25, 53.45], DEVICE_A],
      ['park', { kind: 'asset', theme: 'green', title: 'Łąka park' }, [-2.15, 53.45], DEVICE_A],
      ['light', { kind: 'priority', theme: 'safety', title: 'Broken light' }, [-2.15, 53.46], DEVICE_B],
    ] as const;
    for (const [name, properties, position, device] of made) {
      ids[name] = (await server.app.inject(asDevice(device, { method: 'POST', url: '/api/pins', payload: pinBody(properties, position) }))).json().id;
    }
    await server.app.inject(asDevice(DEVICE_B, { method: 'POST', url: `/api/pins/${ids.crossing}/support` }));
  });
  afterEach(() => server.close());
  const get = (url: string) => server.app.inject({ url, headers: auth });

  it('answers one page of rows with their words, area names and supports, newest first, and the total', async () => {
    const res = await get('/api/responses?limit=2');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ total: 3, offset: 0, limit: 2 });
    expect(body.rows.map((r: { id: string }) => r.id)).toEqual([ids.light, ids.park]);
    const next = (await get('/api/responses?limit=2&offset=2')).json();
    expect(next.rows).toHaveLength(1);
    expect(next.rows[0]).toMatchObject({ id: ids.crossing, title: 'Unsafe crossing', note: 'Cars at school time', areaName: 'West', themeLabel: 'Safety', supports: 1, status: null, hidden: false });
    expect(next.rows[0].author).toBeUndefined();
  });

  it('filters by area, theme, kind and text, and sorts', async () => {
    const idsOf = async (search: string) => (await get(`/api/responses?${search}`)).json().rows.map((r: { id: string }) => r.id);
    expect(await idsOf('area=east')).toEqual([ids.light, ids.park]);
    expect(await idsOf('theme=green')).toEqual([ids.park]);
    expect(await idsOf('kind=priority&sort=supports')).toEqual([ids.crossing, ids.light]);
    expect(await idsOf('q=laka')).toEqual([ids.park]);
    expect(await idsOf('sort=title&dir=asc')).toEqual([ids.light, ids.park, ids.crossing]);
  });

  it('shows hidden pins, with their reason, only when asked, and follows moderation at once', async () => {
    await server.app.inject({ method: 'POST', url: `/api/pins/${ids.light}/hide`, headers: auth, payload: { reason: 'Duplicate' } });
    expect((await get('/api/responses')).json().total).toBe(2);
    const hidden = (await get('/api/responses?moderation=hidden')).json();
    expect(hidden.rows).toMatchObject([{ id: ids.light, hidden: true, hiddenReason: 'Duplicate' }]);
  });

  it('refuses bad options with a 400 naming each', async () => {
    const res = await get('/api/responses?sort=colour&limit=0');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid-query');
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(['sort', 'limit']);
  });

  it('exports the filtered pins (visible only) as GeoJSON and CSV, and states the filters', async () => {
    await server.app.inject({ method: 'POST', url: `/api/pins/${ids.light}/hide`, headers: auth, payload: { reason: 'Duplicate' } });
    const geo = await get('/api/export/responses.geojson?kind=priority&moderation=all&from=2020-01-01');
    expect(geo.statusCode).toBe(200);
    expect(geo.headers['content-disposition']).toMatch(/filename="coplan-[a-z0-9-]+-responses-raw-\d{4}-\d{2}-\d{2}\.geojson"/);
    const collection = geo.json();
    expect(collection.features.map((f: { id: string }) => f.id)).toEqual([ids.crossing]);
    expect(collection.features[0].properties.author).toBeUndefined();
    expect(collection.coplan).toMatchObject({ layer: 'responses', pins: 1, filters: { kind: 'priority', themes: null, area: null, text: null }, dateRange: { from: '2020-01-01', to: null }, counts: 'raw' });
    expect(collection.coplan.caption).toContain('Filters: kind priority; themes all; sessions all; area all; text none');

    const csv = await get('/api/export/responses.csv?area=east');
    expect(csv.body.startsWith(CSV_BOM)).toBe(true);
    const rows = readCsv(csv.body);
    expect(rows.slice(1).map((r) => r[0])).toEqual([ids.park]);
    const caption = (await get('/api/export/responses-caption.txt?area=east&q=park')).body;
    expect(caption).toContain('area east; text "park"');
    expect(caption).toContain('Pins covered: 1');
  });
});
