// boundaries are validated in a worker thread: the same answer as core parseAreas, and a refusal rather than a stall.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAreas } from '../../../src/core/parseAreas.ts';
import { validateAreasBody } from '../../../src/server/catalog.ts';
import { parseSlices, sliceJson, stringifyInSlices } from '../../../src/server/security/chunkedJson.ts';
import { parseAreasInWorker, ValidationTimeout } from '../../../src/server/security/parseAreasInWorker.ts';
import { AREA_CASES } from '../../bench/pathologicalAreas.ts';

const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, '../../fixtures/in', name), 'utf8');

describe('parseAreasInWorker', () => {
  it('answers exactly what parseAreas answers, for accepted and refused files', async () => {
    for (const text of [fixture('import-holes-and-multipolygons.geojson'), fixture('import-self-intersections.geojson'), '{"type":"Point"', AREA_CASES[2]!.make(300)]) {
      expect(await parseAreasInWorker(text)).toEqual(parseAreas(text));
    }
  });

  it('keeps this thread free while it works', async () => {
    const text = AREA_CASES.find((c) => c.name === 'concentric-diamonds')!.make(1500);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = performance.now();
    const result = await parseAreasInWorker(text);
    const elapsed = performance.now() - started;
    clearInterval(timer);
    expect(result.ok).toBe(true);
    // checking took a while, and this thread's timer kept firing through it
    expect(elapsed).toBeGreaterThan(200);
    expect(ticks).toBeGreaterThan(elapsed / 5 / 4);
  });

  it('stops a validation that takes too long, and PUT /api/areas refuses it as too complex', async () => {
    const text = AREA_CASES.find((c) => c.name === 'concentric-diamonds')!.make(3000);
    await expect(parseAreasInWorker(text, { timeoutMs: 50 })).rejects.toBeInstanceOf(ValidationTimeout);
    const refused = await validateAreasBody(JSON.parse(text), { timeoutMs: 50 });
    expect(refused).toMatchObject({ ok: false, errors: [{ rule: 'too-complex' }] });
  });
});

describe('chunkedJson', () => {
  it('writes and reads a FeatureCollection feature by feature to the same value', async () => {
    const collection = { type: 'FeatureCollection', name: 'wards', features: [{ type: 'Feature', id: 1 }, { type: 'Feature', id: 'é"\n' }] };
    expect(JSON.parse(await stringifyInSlices(collection))).toEqual(collection);
    expect(JSON.parse(await stringifyInSlices({ type: 'FeatureCollection', features: [] }))).toEqual({ type: 'FeatureCollection', features: [] });
    expect(await stringifyInSlices({ type: 'Polygon', coordinates: [] })).toBe('{"type":"Polygon","coordinates":[]}');
    const result = { ok: true, value: collection, warnings: [] };
    const sliced = sliceJson(result, ['value']);
    expect(sliced.features).toHaveLength(2);
    expect(await parseSlices(sliced, ['value'])).toEqual(result);
    // the input is left as it was
    expect(result.value.features).toHaveLength(2);
    const failed = { ok: false, errors: [{ rule: 'invalid-json' }] };
    expect(await parseSlices(sliceJson(failed, ['value']), ['value'])).toEqual(failed);
  });
});
