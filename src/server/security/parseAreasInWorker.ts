// runs core parseAreas in a worker thread, so a large or pathological boundaries upload never stalls other requests.
import type { AreaCollection, Validated } from '../../core/types.ts';
import { runInWorker } from '../workers/runInWorker.ts';
import { parseSlices, stringifyInSlices } from './chunkedJson.ts';
import type { SlicedJson } from './chunkedJson.ts';

export interface OffThreadOptions {
  /** give up (and stop the worker) after this many ms; default 30 s. Too slow: a WorkerTimeout, nothing is stored */
  timeoutMs?: number;
}

const BODY = new URL('./parseAreasWorker.ts', import.meta.url);

/**
 * Validates the text of a boundaries file in a fresh worker thread: the same answer as `parseAreas(text)`, while this
 * thread goes on serving requests. One worker per call (uploads are rare); it is stopped when it answers or times out.
 * @example
 * const result = await parseAreasInWorker('{"type":"Polygon","coordinates":[[[0,0],[0,1],[1,1],[0,0]]]}');
 * result.ok // => true
 */
export async function parseAreasInWorker(text: string, options: OffThreadOptions = {}): Promise<Validated<AreaCollection>> {
  const sliced = await runInWorker<string, SlicedJson>(BODY, text, { what: 'validating the boundaries', timeoutMs: options.timeoutMs ?? 30_000 });
  return parseSlices<Validated<AreaCollection>>(sliced);
}

/**
 * The same for an already parsed body (PUT /api/areas): its text is written a slice at a time, between other requests.
 * @example
 * (await parseAreasBodyInWorker({ type: 'Polygon', coordinates: [[[0, 0], [0, 1], [1, 1], [0, 0]]] })).ok // => true
 */
export async function parseAreasBodyInWorker(body: unknown, options: OffThreadOptions = {}): Promise<Validated<AreaCollection>> {
  return parseAreasInWorker(await stringifyInSlices(body), options);
}
