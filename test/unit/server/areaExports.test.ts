// GIS-ready area exports: flat integer columns GDAL reads as integers, small-count protection by audience, provenance.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregateAreas } from '../../../src/core/aggregateAreas.ts';
import { openSqliteStorage } from '../../../src/server/storage/openStorage.ts';
import { ogrColumnTypes } from '../../support/ogrinfo.ts';
import { readCsv } from '../../support/readCsv.ts';
import { testAreas, testConsultation, testPin } from '../../support/serverFixtures.ts';
import { startTestServer, type TestServer } from '../../support/serverHarness.ts';

const TITLE = 'Plan dla Śródmieścia — شہر کا منصوبہ';
const COPYRIGHT = '© Crown copyright and database rights 2026 OS AC0000849940';
const BASE = '/api/consultations/gis';

function areas() {
  const a = testAreas();
  a.features[0]!.properties = { id: 'west', name: 'Śródmieście', population: 5200, meta: { ward: 'W1', codes: [1, 2] } } as (typeof a.features)[0]['properties'];
  a.features[1]!.properties = { id: 'east', name: 'اندرون شہر', population: 3100, meta: { ward: 'E1', codes: [] } } as (typeof a.features)[0]['properties'];
  return a;
}

// west: 12 green assets and 6 safety priorities (nothing small); east: 2 green assets (fewer than 5); one hidden pin
const pins = [
  ...Array.from({ length: 12 }, (_, i) => testPin({ id: `wg-${i}`, position: [-2.25, 53.45], createdAt: `2026-0${1 + (i % 3)}-10T10:00:00.000Z` })),
  ...Array.from({ length: 6 }, (_, i) => testPin({ id: `ws-${i}`, kind: 'priority', theme: 'safety', position: [-2.26, 53.44] })),
  testPin({ id: 'e-1', position: [-2.15, 53.45] }),
  testPin({ id: 'e-2', position: [-2.15, 53.46], title: 'Zażółć gęślą jaźń — بہت اچھا' }),
  testPin({ id: 'hidden-1', position: [-2.15, 53.47], hidden: true, hiddenReason: 'spam' }),
];

let server: TestServer;
let dir: string;
beforeAll(async () => {
  const seed = () => ({ consultations: [testConsultation({ slug: 'gis', title: TITLE, settings: { minCount: 5, boundaryCopyright: COPYRIGHT }, areas: areas(), pins })] });
  server = await startTestServer({ storage: await openSqliteStorage({ file: ':memory:', seed }) });
  dir = mkdtempSync(path.join(tmpdir(), 'coplan-gis-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
type Props = Record<string, unknown>;
const byId = (body: { features: Array<{ properties: Props }> }) => Object.fromEntries(body.features.map((f) => [f.properties.id as string, f.properties]));

describe('GET …/export/areas.geojson', () => {
  it('gives the public the protected counts as flat integers, hidden ones null with a _hidden flag, and says where they came from', async () => {
    const res = await server.app.inject({ url: `${BASE}/export/areas.geojson` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/geo+json');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="coplan-gis-areas-\d{4}-\d{2}-\d{2}\.geojson"$/);
    const body = res.json();
    const { west, east } = byId(body);
    expect(west).toMatchObject({ name: 'Śródmieście', population: 5200, meta: '{"ward":"W1","codes":[1,2]}', total: 18, total_hidden: false, asset: 12, priority: 6, green_asset: 12, green_priority: 0, safety_asset: 0, safety_priority: 6, safety_priority_hidden: false });
    expect(east).toMatchObject({ name: 'اندرون شہر', total: null, total_hidden: true, asset: null, asset_hidden: true, green_asset: null, green_asset_hidden: true, priority: 0, priority_hidden: false });
    expect(body.coplan).toMatchObject({
      consultation: { slug: 'gis', title: TITLE },
      layer: 'areas',
      filters: { kind: null, themes: null, sessions: null },
      dateRange: { from: null, to: null },
      pins: 20,
      counts: 'protected',
      minCount: 5,
      boundaryCopyright: COPYRIGHT,
    });
    expect(body.coplan.caption).toContain(`Consultation: ${TITLE} (gis)`);
    expect(body.coplan.caption).toContain(`Boundaries: ${COPYRIGHT}`);
  });

  it('counts as the core aggregation does (aggregateAreas with the consultation\'s k), hidden pins left out', async () => {
    const reference = aggregateAreas(areas(), { type: 'FeatureCollection', features: pins.filter((p) => !p.properties.hidden) }, { minCount: 5 });
    const res = await server.app.inject({ url: `${BASE}/export/areas.geojson`, headers: bearer(await server.plannerToken()) });
    const got = byId(res.json());
    for (const f of reference.features) {
      const counts = (f.properties as { counts: { total: unknown } }).counts;
      expect(got[(f.properties as { id: string }).id]!.total).toBe(typeof counts.total === 'number' ? counts.total : null);
    }
  });

  it('gives its planners raw counts when they ask, named so in the file name, and refuses them to everyone else', async () => {
    const planner = await server.staff({ gis: 'planner' });
    const raw = await server.app.inject({ url: `${BASE}/export/areas.geojson?counts=raw`, headers: bearer(planner.token) });
    expect(raw.statusCode).toBe(200);
    expect(raw.headers['content-disposition']).toMatch(/filename="coplan-gis-areas-raw-\d{4}-\d{2}-\d{2}\.geojson"/);
    expect(byId(raw.json()).east).toMatchObject({ total: 2, total_hidden: false, green_asset: 2 });
    expect(raw.json().coplan).toMatchObject({ counts: 'raw', minCount: 0, pins: 20 });

    expect((await server.app.inject({ url: `${BASE}/export/areas.geojson?counts=raw` })).statusCode).toBe(401);
    const facilitator = await server.staff({ gis: 'facilitator' });
    const refused = await server.app.inject({ url: `${BASE}/export/areas.csv?counts=raw`, headers: bearer(facilitator.token) });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('forbidden');
    const bad = await server.app.inject({ url: `${BASE}/export/areas.geojson?counts=all` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('counts');
  });

  it('states the filters and dates, and leaves out a filtered pin count that would give a hidden area away', async () => {
    const green = (await server.app.inject({ url: `${BASE}/export/areas.geojson?theme=green` })).json();
    // 12 green pins in the west and 2 (hidden) in the east: "14 pins" would give the east's 2 away
    expect(green.coplan).toMatchObject({ filters: { kind: null, themes: ['green'], sessions: null }, pins: null });
    expect(green.coplan.caption).toContain('Pins covered: not stated');
    expect(byId(green).west).toMatchObject({ total: 12, green_asset: 12 });
    const raw = (await server.app.inject({ url: `${BASE}/export/areas.geojson?theme=green&counts=raw`, headers: bearer(await server.plannerToken()) })).json();
    expect(raw.coplan.pins).toBe(14);

    // January and February: 8 green pins in the west and none in the east (made in 2024), so nothing is hidden and the number is stated
    const q = 'theme=green&from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z';
    const dated = (await server.app.inject({ url: `${BASE}/export/areas.geojson?${q}` })).json();
    expect(dated.coplan).toMatchObject({ dateRange: { from: '2026-01-01T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' }, pins: 8 });
    expect(byId(dated).west).toMatchObject({ total: 8, green_asset: 8 });
    expect(dated.coplan.caption).toContain('Dates: 2026-01-01T00:00:00.000Z to before 2026-03-01T00:00:00.000Z');
  });
});

describe('GET …/export/areas.csv, areas.csvt and caption.txt', () => {
  it('writes UTF-8 with a byte-order mark, the same flat columns, and Polish and Urdu names that read back as sent', async () => {
    const res = await server.app.inject({ url: `${BASE}/export/areas.csv` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/filename="coplan-gis-areas-\d{4}-\d{2}-\d{2}\.csv"/);
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = readCsv(res.rawPayload.toString('utf8'));
    const header = rows[0]!;
    expect(header.slice(0, 6)).toEqual(['id', 'name', 'population', 'meta', 'total', 'total_hidden']);
    const east = rows.find((r) => r[0] === 'east')!;
    expect(east[header.indexOf('name')]).toBe('اندرون شہر');
    expect([east[header.indexOf('total')], east[header.indexOf('total_hidden')]]).toEqual(['', 'true']);
    expect(rows.find((r) => r[0] === 'west')![header.indexOf('name')]).toBe('Śródmieście');
  });

  it('gives a plain-text caption with the consultation, filters, dates, pins, source and the boundary copyright', async () => {
    const res = await server.app.inject({ url: `${BASE}/export/caption.txt?kind=asset` });
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    const lines = res.body.split('\n');
    expect(lines[0]).toBe(`Consultation: ${TITLE} (gis)`);
    expect(res.body).toContain('Filters: kind asset; themes all; sessions all');
    expect(res.body).toContain('Dates: all dates');
    expect(res.body).toContain('Counts: protected: counts from 1 to 4');
    expect(res.body).toMatch(/Source: Coplan/);
    expect(res.body).toContain(`Boundaries: ${COPYRIGHT}`);
  });
});

describe('what GDAL (QGIS) reads from the exports', () => {
  const countColumns = ['total', 'asset', 'priority', 'green_asset', 'green_priority', 'safety_asset', 'safety_priority'];
  const expectGisTypes = (types: Record<string, string>) => {
    for (const c of countColumns) {
      expect(types[c], c).toMatch(/^Integer(64)?$/);
      expect(types[`${c}_hidden`], `${c}_hidden`).toBe('Integer(Boolean)');
    }
    expect(types.name).toBe('String');
    expect(types.meta).toBe('String');
    expect(types.population).toMatch(/^Integer(64)?$/);
  };
  const save = async (url: string, name: string) => {
    const res = await server.app.inject({ url });
    expect(res.statusCode).toBe(200);
    const file = path.join(dir, name);
    writeFileSync(file, res.rawPayload);
    return file;
  };

  it('reads the GeoJSON counts as integers and the _hidden flags as booleans', async () => {
    expectGisTypes(ogrColumnTypes(await save(`${BASE}/export/areas.geojson`, 'areas.geojson')));
  });

  it('reads the CSV the same with the .csvt sidecar saved beside it', async () => {
    const csv = await save(`${BASE}/export/areas.csv`, 'areas.csv');
    await save(`${BASE}/export/areas.csvt`, 'areas.csvt');
    expectGisTypes(ogrColumnTypes(csv));
  });

  it('reads the CSV the same without the sidecar when asked to detect types', async () => {
    const csv = await save(`${BASE}/export/areas.csv`, 'alone.csv');
    expect(ogrColumnTypes(csv).total).toBe('String');
    expectGisTypes(ogrColumnTypes(csv, ['AUTODETECT_TYPE=YES']));
  });
});

describe('pin exports carry their provenance and a byte-order mark', () => {
  it('pins.csv starts with EF BB BF and keeps Polish and Urdu titles; pins.geojson says what it is', async () => {
    const token = await server.plannerToken();
    const csv = await server.app.inject({ url: `${BASE}/export/pins.csv`, headers: bearer(token) });
    expect([...csv.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.headers['content-disposition']).toMatch(/filename="coplan-gis-pins-\d{4}-\d{2}-\d{2}\.csv"/);
    const rows = readCsv(csv.rawPayload.toString('utf8'));
    expect(rows.find((r) => r[0] === 'e-2')![rows[0]!.indexOf('title')]).toBe('Zażółć gęślą jaźń — بہت اچھا');
    const geo = await server.app.inject({ url: `${BASE}/export/pins.geojson`, headers: bearer(token) });
    expect(geo.json().coplan).toMatchObject({ consultation: { slug: 'gis', title: TITLE }, layer: 'pins', pins: 20, boundaryCopyright: COPYRIGHT });
    expect(geo.json().features).toHaveLength(20);
  });
});
