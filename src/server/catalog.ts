// the current areas and themes of one consultation, cached in memory and refreshed when any process replaces them.
import { createAreaLocator } from '../core/createAreaLocator.ts';
import { parseThemes } from '../core/parseThemes.ts';
import type { AreaCollection, LngLat, Theme, Validated } from '../core/types.ts';
import { parseAreasBodyInWorker, parseAreasInWorker, prepareAreasInWorker } from './security/parseAreasInWorker.ts';
import type { OffThreadOptions, PreparedAreas } from './security/parseAreasInWorker.ts';
import type { ConsultationStorage } from './storage/storage.ts';
import { loadAreas } from './workers/loadAreas.ts';
import { WorkerTimeout } from './workers/runInWorker.ts';

export interface Catalog {
  areas(): AreaCollection;
  themes(): Theme[];
  themeIds(): ReadonlySet<string>;
  /** id of the area containing a position, or null when it is outside every area */
  locate(position: readonly [number, number]): string | null;
  /** re-reads areas and themes from storage */
  reload(): Promise<void>;
}

/**
 * Loads the catalog and keeps it current: replacements made through any server process arrive as storage events.
 * @example
 * const catalog = await loadCatalog(storage); catalog.locate([-2.24, 53.48]) // => 'E05011368'
 */
export async function loadCatalog(storage: ConsultationStorage): Promise<Catalog> {
  let areas: AreaCollection = { type: 'FeatureCollection', features: [] };
  let themes: Theme[] = [];
  let ids: ReadonlySet<string> = new Set();
  let locator: (p: LngLat) => string | null = () => null;
  const readOnce = async () => {
    // a large file is parsed in a worker, so a 10 MB replacement does not hold every other request for a JSON.parse
    const [loaded, nextThemes] = await Promise.all([storage.getAreasText().then(loadAreas), storage.getThemes()]);
    areas = loaded.areas;
    themes = nextThemes;
    ids = new Set(themes.map((t) => t.id));
    locator = createAreaLocator(areas, loaded.boxes);
  };
  // one read at a time; the route's reload and the replacement's own event, arriving together, queue exactly one more
  let running: Promise<void> = Promise.resolve();
  let queued: Promise<void> | null = null;
  const reload = (): Promise<void> => {
    queued ??= running.then(() => {
      queued = null;
      return readOnce();
    }, () => {
      queued = null;
      return readOnce();
    });
    running = queued.catch(() => undefined);
    return queued;
  };
  await reload();
  storage.subscribe((event) => {
    if (event.type === 'areas-replaced' || event.type === 'themes-replaced') reload().catch((err: unknown) => console.warn(`coplan: re-reading the areas failed: ${err instanceof Error ? err.message : String(err)}`));
  });
  return {
    areas: () => areas,
    themes: () => themes,
    themeIds: () => ids,
    locate: (p) => locator([p[0], p[1]]),
    reload,
  };
}

/**
 * Validates the text of areas sent to PUT /api/areas with the same rules as a file upload, in a worker thread: the
 * JSON is parsed there too (a 10 MB body takes fastify's JSON.parse 0.2–0.5 s on the event loop), and other people's
 * requests go on meanwhile. Too slow to check at all: refused, `too-complex`.
 */
export async function validateAreasText(text: string, options: OffThreadOptions = {}): Promise<Validated<AreaCollection>> {
  return refusedWhenTooSlow(() => parseAreasInWorker(text, options));
}

/**
 * Validates an upload's text and, when it is accepted, also writes the text to store and locates the pins at
 * `positions` in the new areas, all in the worker (PUT …/areas). Too slow: refused, `too-complex`.
 */
export async function prepareAreasText(text: string, positions: Float64Array, options: OffThreadOptions = {}): Promise<PreparedAreas> {
  try {
    return await prepareAreasInWorker(text, positions, options);
  } catch (error) {
    return tooComplex(error) as PreparedAreas;
  }
}

/** the same for an already parsed body (kept for callers that have one; the route sends the text) */
export async function validateAreasBody(body: unknown, options: OffThreadOptions = {}): Promise<Validated<AreaCollection>> {
  return refusedWhenTooSlow(() => parseAreasBodyInWorker(body, options));
}

async function refusedWhenTooSlow(check: () => Promise<Validated<AreaCollection>>): Promise<Validated<AreaCollection>> {
  try {
    return await check();
  } catch (error) {
    return tooComplex(error);
  }
}

/** a timeout's refusal; any other failure is thrown on */
function tooComplex(error: unknown): Validated<AreaCollection> {
  if (!(error instanceof WorkerTimeout)) throw error;
  const seconds = Math.round(error.timeoutMs / 100) / 10;
  return { ok: false, errors: [{ path: '(root)', rule: 'too-complex', message: `checking these boundaries took longer than ${seconds} s, so they were refused; simplify them (fewer vertices, fewer parts) or upload fewer areas at once` }], warnings: [] };
}

/** validates themes sent to PUT /api/themes with the same rules as the themes file */
export function validateThemesBody(body: unknown): Validated<Theme[]> {
  return parseThemes(JSON.stringify(body));
}
