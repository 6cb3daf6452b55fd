// runs core parseAreas in a worker thread, so a large or pathological boundaries upload never stalls other requests.
import type { AreaCollection, Problem, Validated } from '../../core/types.ts';
import { runInWorker } from '../workers/runInWorker.ts';
import { parseSlices, stringifyInSlices } from './chunkedJson.ts';
import type { SlicedJson } from './chunkedJson.ts';

export interface OffThreadOptions {
  /** give up (and stop the worker) after this many ms; default 30 s. Too slow: a WorkerTimeout, nothing is stored */
  timeoutMs?: number;
}

const BODY = new URL('./parseAreasWorker.ts', import.meta.url);

/** an accepted upload's answer lists at most this many warnings (with their count), not megabytes of them */
export const ANSWERED_WARNINGS = 100;

/** what the worker is asked: the file's text, and for an upload the positions of the pins to locate in it */
export interface AreasCheckJob {
  text: string;
  /** [lng, lat, lng, lat, …] */
  positions?: Float64Array;
}

/**
 * what it answers: the verdict in slices; for an accepted upload instead only what the route needs of it (the areas
 * themselves stay in the worker, as the text to store), with each pin's new area
 */
export type AreasCheck = { validated: SlicedJson } | { accepted: AcceptedAreas };

/** an accepted upload, ready to store */
export interface AcceptedAreas {
  /** how many areas, the first ANSWERED_WARNINGS warnings of the check, and how many it gave */
  features: number;
  warnings: Problem[];
  warningCount: number;
  /** `JSON.stringify` of the accepted areas */
  stored: string;
  /** the area of each position asked about, in order (null: in none) */
  located: (string | null)[];
}

export type PreparedAreas = { ok: true; accepted: AcceptedAreas } | (Validated<AreaCollection> & { ok: false });

/**
 * Validates the text of a boundaries file in a fresh worker thread: the same answer as `parseAreas(text)`, while this
 * thread goes on serving requests. One worker per call (uploads are rare); it is stopped when it answers or times out.
 * @example
 * const result = await parseAreasInWorker('{"type":"Polygon","coordinates":[[[0,0],[0,1],[1,1],[0,0]]]}');
 * result.ok // => true
 */
export async function parseAreasInWorker(text: string, options: OffThreadOptions = {}): Promise<Validated<AreaCollection>> {
  const answer = await runInWorker<AreasCheckJob, AreasCheck>(BODY, { text }, { what: 'validating the boundaries', timeoutMs: options.timeoutMs ?? 30_000 });
  if (!('validated' in answer)) throw new Error('the boundaries worker answered an upload that was not asked for');
  return parseSlices<Validated<AreaCollection>>(answer.validated);
}

/**
 * Validates an upload and, when it is accepted, also writes the text to store and locates each of `positions`
 * ([lng, lat, …], handed over to the worker) in the new areas, all in the worker: the thread answering requests gets
 * back a refusal (in slices) or only the text and the pins' areas, never the areas as objects to parse or collect.
 * @example
 * const prepared = await prepareAreasInWorker(text, new Float64Array([-2.25, 53.45]));
 * prepared.ok && prepared.accepted.located // => ['west']
 */
export async function prepareAreasInWorker(text: string, positions: Float64Array, options: OffThreadOptions = {}): Promise<PreparedAreas> {
  const answer = await runInWorker<AreasCheckJob, AreasCheck>(BODY, { text, positions }, {
    what: 'validating the boundaries',
    timeoutMs: options.timeoutMs ?? 30_000,
    transfer: [positions.buffer as ArrayBuffer],
  });
  if ('accepted' in answer) return { ok: true, accepted: answer.accepted };
  const validated = await parseSlices<Validated<AreaCollection>>(answer.validated);
  if (validated.ok) throw new Error('the boundaries worker accepted an upload without locating its pins');
  return validated;
}

/**
 * The same for an already parsed body (PUT /api/areas): its text is written a slice at a time, between other requests.
 * @example
 * (await parseAreasBodyInWorker({ type: 'Polygon', coordinates: [[[0, 0], [0, 1], [1, 1], [0, 0]]] })).ok // => true
 */
export async function parseAreasBodyInWorker(body: unknown, options: OffThreadOptions = {}): Promise<Validated<AreaCollection>> {
  return parseAreasInWorker(await stringifyInSlices(body), options);
}
