// runs core parseAreas in a worker thread, so a large or pathological boundaries upload never stalls other requests.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AreaCollection, Validated } from '../../core/types.ts';
import { parseSlices, stringifyInSlices } from './chunkedJson.ts';
import type { SlicedJson } from './chunkedJson.ts';

export interface OffThreadOptions {
  /** give up (and stop the worker) after this many ms; default 30 s */
  timeoutMs?: number;
}

/** thrown when validation did not finish in time; the caller answers 4xx/503, nothing is stored */
export class ValidationTimeout extends Error {
  constructor(readonly timeoutMs: number) {
    super(`validating the boundaries took longer than ${timeoutMs} ms`);
  }
}

// WARNING: the worker's body is TypeScript, and Node 20 does not pass tsx's loader on to worker threads (nor does vitest
// start its processes with it), so a one-line JavaScript module starts each worker: it registers tsx, then imports the body.
// require.resolve finds the package's CommonJS entry; its ES module sits beside it
const TSX_API = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
const BODY = new URL('./parseAreasWorker.ts', import.meta.url).href;
const BOOTSTRAP = new URL(`data:text/javascript,${encodeURIComponent(`const { register } = await import(${JSON.stringify(TSX_API)}); register(); await import(${JSON.stringify(BODY)});`)}`);

/**
 * Validates the text of a boundaries file in a fresh worker thread: the same answer as `parseAreas(text)`, while this
 * thread goes on serving requests. One worker per call (uploads are rare); it is stopped when it answers or times out.
 * @example
 * const result = await parseAreasInWorker('{"type":"Polygon","coordinates":[[[0,0],[0,1],[1,1],[0,0]]]}');
 * result.ok // => true
 */
export function parseAreasInWorker(text: string, options: OffThreadOptions = {}): Promise<Validated<AreaCollection>> {
  return validateInWorker(text, options);
}

/**
 * The same for an already parsed body (PUT /api/areas): its text is written a slice at a time, between other requests.
 * @example
 * (await parseAreasBodyInWorker({ type: 'Polygon', coordinates: [[[0, 0], [0, 1], [1, 1], [0, 0]]] })).ok // => true
 */
export async function parseAreasBodyInWorker(body: unknown, options: OffThreadOptions = {}): Promise<Validated<AreaCollection>> {
  return validateInWorker(await stringifyInSlices(body), options);
}

function validateInWorker(text: string, options: OffThreadOptions): Promise<Validated<AreaCollection>> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOTSTRAP);
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(() => finish(() => reject(new ValidationTimeout(timeoutMs))), timeoutMs);
    worker.once('message', (sliced: SlicedJson) => finish(() => resolve(parseSlices<Validated<AreaCollection>>(sliced))));
    worker.once('error', (error) => finish(() => reject(error)));
    worker.once('exit', (code) => finish(() => reject(new Error(`the boundaries worker stopped (exit code ${code}) before answering`))));
    worker.postMessage(text);
  });
}
