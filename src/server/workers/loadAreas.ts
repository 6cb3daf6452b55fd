// stored areas read back without holding the event loop: a large file is parsed, its locator's boxes and the planner
// engine's index built, in workers; the catalog and the engine of one consultation share one parse of the same text.
import type { EngineAreas } from '../../core/engineAreas.ts';
import type { AreaCollection } from '../../core/types.ts';
import { parseSlices } from '../security/chunkedJson.ts';
import type { SlicedJson } from '../security/chunkedJson.ts';
import { runInWorker } from './runInWorker.ts';

/** texts shorter than this are parsed here: a worker costs more to start than JSON.parse of a megabyte takes (~10 ms) */
export const OFF_THREAD_CHARS = 1_000_000;
/** a pathological stored file can take the area index tens of seconds; its planners wait, nobody else does */
const ENGINE_TIMEOUT_MS = 300_000;

const BODY = new URL('./loadAreasWorker.ts', import.meta.url);

export interface LoadAreasJob {
  text: string;
  /** 'areas': the areas (in slices) and their locator's boxes; 'engine': what the planner engine derives from them */
  kind: 'areas' | 'engine';
}

export type AreasAnswer = { kind: 'areas'; areas: SlicedJson; boxes: ArrayBuffer | null } | { kind: 'engine'; engine: EngineAreas };

export interface LoadedAreas {
  areas: AreaCollection;
  /** areaLocatorBoxes of them, for createAreaLocator; absent for small files */
  boxes?: ArrayBuffer | null;
}

// the last large text read and its answer: the catalog and the planner engine read the same text after a replacement
let last: { text: string; loaded: Promise<LoadedAreas> } | null = null;

/**
 * The areas of a stored JSON text. Small texts are parsed here; large ones in a worker (with their locator's boxes),
 * read back in slices between other requests. The same text asked for again is not parsed again.
 * WARNING: the answer may be shared by several readers: never change it.
 * @example
 * const { areas, boxes } = await loadAreas(await store.getAreasText());
 * const locate = createAreaLocator(areas, boxes);
 */
export function loadAreas(text: string): Promise<LoadedAreas> {
  if (text.length < OFF_THREAD_CHARS) return Promise.resolve({ areas: JSON.parse(text) as AreaCollection });
  if (last?.text === text) return last.loaded;
  const loaded = (async () => {
    const answer = await runInWorker<LoadAreasJob, AreasAnswer>(BODY, { text, kind: 'areas' }, { what: 'reading the areas', timeoutMs: 60_000 });
    if (answer.kind !== 'areas') throw new Error('the areas worker answered another job');
    return { areas: await parseSlices<AreaCollection>(answer.areas), boxes: answer.boxes };
  })();
  last = { text, loaded };
  // a failed read is tried again by the next reader
  loaded.catch(() => {
    if (last?.loaded === loaded) last = null;
  });
  return loaded;
}

/**
 * What the planner engine derives from large areas (core engineAreas), made in a worker and handed over; null for
 * small texts, which the engine derives itself.
 * @example
 * const prepared = await loadEngineAreas(text);
 * engine.load(areas, pins, prepared ? { prepared } : {});
 */
export async function loadEngineAreas(text: string): Promise<EngineAreas | null> {
  if (text.length < OFF_THREAD_CHARS) return null;
  const answer = await runInWorker<LoadAreasJob, AreasAnswer>(BODY, { text, kind: 'engine' }, { what: 'indexing the areas for the planner', timeoutMs: ENGINE_TIMEOUT_MS });
  if (answer.kind !== 'engine') throw new Error('the areas worker answered another job');
  return answer.engine;
}
