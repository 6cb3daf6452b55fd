// a large boundaries upload is checked, written and located in a worker, and read back (with the planner's area index)
// in another: what is stored, where every pin lands and what the planner counts are exactly what the main thread gave.
import { describe, expect, it } from 'vitest';
import { areaLocatorBoxes, createAreaLocator } from '../../../src/core/createAreaLocator.ts';
import { engineAreas } from '../../../src/core/engineAreas.ts';
import { mulberry32 } from '../../../src/core/mulberry32.ts';
import { parseAreas } from '../../../src/core/parseAreas.ts';
import type { AreaCollection } from '../../../src/core/types.ts';
import { loadAreas, loadEngineAreas, OFF_THREAD_CHARS } from '../../../src/server/workers/loadAreas.ts';
import { startTestServer } from '../../support/serverHarness.ts';
import { openSqliteStorage } from '../../../src/server/storage/openStorage.ts';
import { AREA_CASES } from '../../bench/pathologicalAreas.ts';
import { testConsultation, testPin } from '../../support/serverFixtures.ts';

const round = (v: number) => Math.round(v * 1e7) / 1e7;
const COLS = 160;
const ROWS = 80;
const xAt = (i: number) => round(-2.3 + (0.2 * i) / COLS);
const yAt = (j: number) => round(53.4 + (0.1 * j) / ROWS);

/** a grid of squares, edge to edge, over the test server's two areas: large enough to be read in a worker */
function gridText(rows = ROWS): string {
  const features = [];
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < COLS; i++) {
      const ring = [[xAt(i), yAt(j)], [xAt(i + 1), yAt(j)], [xAt(i + 1), yAt(j + 1)], [xAt(i), yAt(j + 1)], [xAt(i), yAt(j)]];
      features.push({ type: 'Feature', id: `c${i}-${j}`, properties: { name: `Cell ${i} ${j}` }, geometry: { type: 'Polygon', coordinates: [ring] } });
    }
  }
  return JSON.stringify({ type: 'FeatureCollection', features });
}

/** pins scattered inside, and some exactly on shared edges and corners, where the first area in input order wins */
function positions(): [number, number][] {
  const random = mulberry32(7);
  const out: [number, number][] = [];
  for (let k = 0; k < 60; k++) out.push([round(-2.3 + 0.2 * random()), round(53.4 + 0.1 * random())]);
  for (let k = 1; k < 20; k++) out.push([xAt(k * 7), round(53.4 + 0.1 * random())], [xAt(k * 3), yAt(k * 2)]);
  return out;
}

describe('an accepted large boundaries upload', { timeout: 120_000 }, () => {
  it('stores exactly the checked areas, puts every pin where the locator says, and a refused one changes nothing', async () => {
    const text = gridText();
    expect(text.length).toBeGreaterThan(OFF_THREAD_CHARS);
    const expected = parseAreas(text);
    if (!expected.ok) throw new Error('the grid should be valid');
    const server = await startTestServer();
    try {
      await server.storage.bulkInsertPins(positions().map((position, k) => testPin({ id: `grid-${k}`, position })));
      const token = await server.plannerToken();
      const put = (payload: string) => server.app.inject({ method: 'PUT', url: '/api/areas', payload, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } });

      const done = await put(text);
      expect(done.statusCode).toBe(200);
      expect(done.json()).toMatchObject({ ok: true, areas: COLS * ROWS, reassigned: 99, warnings: expected.warnings.slice(0, 100), warningCount: expected.warnings.length });
      expect(await server.storage.getAreasText()).toBe(JSON.stringify(expected.value));
      expect((await server.app.inject({ url: '/api/areas' })).json()).toEqual(expected.value);
      const locate = createAreaLocator(expected.value);
      const pins = await server.storage.listPins({ includeHidden: true });
      expect(pins).toHaveLength(99);
      for (const pin of pins) expect(pin.properties.area).toBe(locate(pin.geometry.coordinates as [number, number]));
      // new pins are placed by the catalog the worker read back
      const added = await server.app.inject({ method: 'GET', url: '/api/aggregates/planner', headers: { authorization: `Bearer ${token}` } });
      expect(added.statusCode).toBe(200);
      const before = { text: await server.storage.getAreasText(), pins: await server.storage.listPins({ includeHidden: true }) };

      // refused: the top row is gone, so the pins there would fall outside (409); and a broken file (400)
      const shorter = await put(gridText(ROWS - 1));
      expect(shorter.statusCode).toBe(409);
      expect(shorter.json().error.code).toBe('pins-outside-areas');
      const broken = await put(text.replace('"Polygon"', '"Polygon","coordinates":[[[0,0],[1,1],[0,1],[1,0],[0,0]]],"x"'));
      expect(broken.statusCode).toBe(400);
      expect(await server.storage.getAreasText()).toBe(before.text);
      expect(await server.storage.listPins({ includeHidden: true })).toEqual(before.pins);
    } finally {
      await server.close();
    }
  });

  it('locates in the transaction, with the same locator, a pin the worker was not given (placed meanwhile)', async () => {
    const text = gridText();
    const expected = parseAreas(text);
    if (!expected.ok) throw new Error('the grid should be valid');
    const server = await startTestServer();
    try {
      await server.storage.bulkInsertPins(positions().map((position, k) => testPin({ id: `late-${k}`, position })));
      // as if every pin arrived after the worker read the positions: none of them is known to the route
      const consultation = server.database.consultation.bind(server.database);
      let asked = 0;
      server.database.consultation = (id) => ({ ...consultation(id), pinPositions: async () => (asked++, new Float64Array(0)) });
      const token = await server.plannerToken();
      const done = await server.app.inject({ method: 'PUT', url: '/api/areas', payload: text, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } });
      expect(done.statusCode).toBe(200);
      expect(asked).toBe(1);
      const locate = createAreaLocator(expected.value);
      const pins = await server.storage.listPins({ includeHidden: true });
      expect(pins).toHaveLength(99);
      for (const pin of pins) expect(pin.properties.area).toBe(locate(pin.geometry.coordinates as [number, number]));
    } finally {
      await server.close();
    }
  });

  it('answers with the first 100 warnings and how many there were, not one per feature of a 40k-feature file', async () => {
    const text = AREA_CASES.find((c) => c.name === 'shared-id')!.make(300);
    const storage = await openSqliteStorage({ file: ':memory:', seed: () => ({ consultations: [testConsultation({ pins: [] })] }) });
    const server = await startTestServer({ storage });
    try {
      const token = await server.plannerToken();
      const done = await server.app.inject({ method: 'PUT', url: '/api/areas', payload: text, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } });
      expect(done.statusCode).toBe(200);
      const expected = parseAreas(text);
      expect(expected.warnings.length).toBeGreaterThan(200);
      expect(done.json()).toMatchObject({ areas: 300, warnings: expected.warnings.slice(0, 100), warningCount: expected.warnings.length });
      expect(done.json().warnings).toHaveLength(100);
    } finally {
      await server.close();
    }
  });

  it('is read back in a worker with the same areas, locator and planner index as on the main thread', async () => {
    const text = gridText();
    const areas = JSON.parse(text) as AreaCollection;
    const loaded = await loadAreas(text);
    expect(loaded.areas).toEqual(areas);
    expect(new Uint8Array(loaded.boxes!)).toEqual(new Uint8Array(areaLocatorBoxes(areas)!));
    // the catalog and the engine of one consultation share one parse of the same text
    expect(await loadAreas(text)).toBe(loaded);
    expect(await loadEngineAreas(text)).toEqual(engineAreas(areas));
    // the locator built from the worker's boxes answers as one built here; boxes of other areas are not trusted
    const here = createAreaLocator(areas);
    const fromBoxes = createAreaLocator(loaded.areas, loaded.boxes);
    const wrongBoxes = createAreaLocator(loaded.areas, areaLocatorBoxes({ type: 'FeatureCollection', features: areas.features.slice(0, 5) }));
    for (const p of positions()) {
      expect(fromBoxes(p)).toBe(here(p));
      expect(wrongBoxes(p)).toBe(here(p));
    }
    // a small file is simply parsed here
    const small = JSON.stringify({ type: 'FeatureCollection', features: areas.features.slice(0, 3) });
    expect(await loadAreas(small)).toEqual({ areas: JSON.parse(small) });
    expect(await loadEngineAreas(small)).toBeNull();
  });
});
