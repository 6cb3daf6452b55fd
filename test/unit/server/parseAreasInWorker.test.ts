// boundaries are validated in a worker thread: the same answer as core parseAreas, and a refusal rather than a stall.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAreas } from '../../../src/core/parseAreas.ts';
import { validateAreasBody } from '../../../src/server/catalog.ts';
import { parseSlices, sliceJson, stringifyInSlices } from '../../../src/server/security/chunkedJson.ts';
import type { SlicedJson } from '../../../src/server/security/chunkedJson.ts';
import { parseAreasInWorker } from '../../../src/server/security/parseAreasInWorker.ts';
import { WorkerTimeout } from '../../../src/server/workers/runInWorker.ts';
import { AREA_CASES } from '../../bench/pathologicalAreas.ts';

const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, '../../fixtures/in', name), 'utf8');

describe('parseAreasInWorker', () => {
  it('answers exactly what parseAreas answers, for accepted and refused files', async () => {
    for (const text of [fixture('import-holes-and-multipolygons.geojson'), fixture('import-self-intersections.geojson'), '{"type":"Point"', AREA_CASES[2]!.make(300)]) {
      expect(await parseAreasInWorker(text)).toEqual(parseAreas(text));
    }
    // four workers start one after another, each loading the TypeScript core: 10 s ran out once at load average 10
  }, 30_000);

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
    await expect(parseAreasInWorker(text, { timeoutMs: 50 })).rejects.toBeInstanceOf(WorkerTimeout);
    const refused = await validateAreasBody(JSON.parse(text), { timeoutMs: 50 });
    expect(refused).toMatchObject({ ok: false, errors: [{ rule: 'too-complex' }] });
  });
});

describe('chunkedJson', () => {
  it('writes and reads back in slices to the same value, for many features and for one huge ring', async () => {
    const ring = Array.from({ length: 10_000 }, (_, i) => [i / 1e4, (i % 7) / 1e3]);
    const values: unknown[] = [
      { type: 'FeatureCollection', name: 'wards', features: [{ type: 'Feature', id: 1, properties: { n: 'é"\n' } }, { type: 'Feature', id: 'x', properties: null }] },
      { type: 'FeatureCollection', features: [] },
      { type: 'Feature', properties: { tags: ['a', 'b'] }, geometry: { type: 'MultiPolygon', coordinates: [[ring, ring.slice(0, 50)], [ring]] } },
      { ok: false, errors: [{ rule: 'invalid-json' }], warnings: [] },
      [],
      'text',
      null,
    ];
    for (const value of values) {
      const text = await stringifyInSlices(value);
      expect(JSON.parse(text)).toEqual(value);
      const sliced = sliceJson(value);
      expect(await parseSlices(sliced)).toEqual(value);
    }
    // the huge ring really was cut, into texts of at most a few tens of KB
    const big = sliceJson(values[2]);
    const texts: string[] = [];
    const collect = (node: SlicedJson): void => {
      if (node.t === 'leaf') texts.push(node.json);
      else if (node.t === 'chunks') texts.push(...node.parts);
      else if (node.t === 'array') node.items.forEach(collect);
      else node.values.forEach(collect);
    };
    collect(big);
    expect(texts.length).toBeGreaterThan(10);
    expect(Math.max(...texts.map((t) => t.length))).toBeLessThan(70 * 1024);
  });
});
