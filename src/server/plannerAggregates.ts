// the planner's aggregation engine of one consultation on the server: the same core engine the browser worker runs,
// loaded once from the stored pins and then kept in step by the event log, so every process on one database agrees.
import { createPlannerEngine } from '../core/plannerEngine.ts';
import type { PlannerEngine } from '../core/plannerEngine.ts';
import type { AreaCollection } from '../core/types.ts';
import type { BuiltAggregates, PlannerAggregates, PlannerAggregatesOptions } from './builtAggregates.ts';
import { createRebuildAggregates } from './rebuildAggregates.ts';
import type { ConsultationStorage, StorageEvent } from './storage/storage.ts';
import { loadAreas, loadEngineAreas } from './workers/loadAreas.ts';

export type { BuiltAggregates, PlannerAggregates, PlannerAggregatesOptions } from './builtAggregates.ts';

/** events read from the log per catch-up; more waiting than this (a long outage) is cheaper as a rebuild */
const CATCH_UP_LIMIT = 5000;

/** applies one logged event to the engine; true when it needs a full rebuild instead (areas or themes replaced) */
function applyEvent(engine: PlannerEngine, event: StorageEvent): boolean {
  switch (event.type) {
    case 'pin-created':
    case 'pin-updated':
    case 'pin-restored':
      // hidden pins are left out of every figure
      if (event.pin.properties.hidden) engine.removePin(event.pin.id);
      else engine.putPin(event.pin);
      return false;
    case 'pin-hidden':
    case 'pin-deleted':
      engine.removePin(event.id);
      return false;
    case 'areas-replaced':
    case 'themes-replaced':
      return true;
    // an answer or a comment changes no count
    case 'consultation-updated':
    case 'pin-answered':
    case 'comment-created':
    case 'comment-updated':
    case 'comment-restored':
    case 'comment-deleted':
    case 'comment-hidden':
      return false;
  }
}

/**
 * Keeps one planner engine per consultation and process. It is loaded from every visible pin once (at the first request,
 * and again only after the areas or themes are replaced or the log no longer holds what it missed); after that each
 * logged change updates it in place. A live event (this process's, or by NOTIFY another's) only says "read the log":
 * the changes themselves come from the event log, in id order, so a process whose LISTEN connection dropped still
 * catches up, at the latest on the first request after `pollMs`. Events are idempotent per pin, so PostgreSQL's replay
 * overlap (events at or before the cursor sent again) changes nothing.
 * Options `mode: 'rebuild'` gives the old full-rebuild host instead (for the benchmark only).
 * @example
 * const aggregates = createPlannerAggregates(storage);
 * const { engine } = await aggregates.current();
 * engine.query({ filter: {}, hexMetres: 500, area: null, topN: 5 }).areas.total
 */
export function createPlannerAggregates(storage: ConsultationStorage, options: PlannerAggregatesOptions = {}): PlannerAggregates {
  if (options.mode === 'rebuild') return createRebuildAggregates(storage, options);
  const clock = options.clock ?? Date.now;
  const pollMs = options.pollMs ?? 500;
  let built: BuiltAggregates | null = null;
  let cursor = 0;
  let rebuildNeeded = true;
  let heard = true;
  let lastRead = -Infinity;
  let builds = 0;
  // one refresh at a time; a request or event arriving while one runs queues exactly one more
  let running: Promise<void> = Promise.resolve();
  let queued: Promise<void> | null = null;
  let stopped = false;

  async function rebuild(): Promise<void> {
    builds += 1;
    // the cursor is read first: what commits while the pins are read is in the log after it, and applying it again is harmless
    const latest = await storage.latestEventId();
    // large areas are parsed, and their index built, in a worker: replacing them must not hold everyone's requests
    const text = await storage.getAreasText();
    const [{ areas }, prepared, pins] = await Promise.all([loadAreas(text), loadEngineAreas(text), storage.listPins()]);
    const engine = createPlannerEngine();
    const summary = engine.load(areas, { type: 'FeatureCollection', features: pins }, { maxPins: Infinity, ...(prepared ? { prepared } : {}) });
    cursor = latest ?? 0;
    rebuildNeeded = false;
    built = { engine, summary, areaIds: areaIdsOf(areas), areas, builtAt: clock() };
  }

  async function catchUp(): Promise<void> {
    const events = await storage.eventsAfter(cursor, CATCH_UP_LIMIT);
    if (events === null) return rebuild();
    const current = built!;
    let changed = false;
    for (const { id, event } of events) {
      // the replay overlap resends events at or before the cursor: pin events are idempotent, a replacement is not news
      if (event && (id > cursor || event.type.startsWith('pin-'))) {
        if (applyEvent(current.engine, event)) return rebuild();
        changed = true;
      }
      if (id > cursor) cursor = id;
    }
    if (changed) built = { ...current, summary: current.engine.summary(), builtAt: clock() };
  }

  async function refreshOnce(): Promise<void> {
    queued = null;
    // cleared before reading, so an event that lands while we read queues another pass
    heard = false;
    lastRead = clock();
    try {
      if (rebuildNeeded || !built) await rebuild();
      else await catchUp();
    } catch (error) {
      heard = true;
      throw error;
    }
  }

  function refresh(): Promise<void> {
    queued ??= running.then(refreshOnce, refreshOnce);
    running = queued.catch(() => undefined);
    return queued;
  }

  const unsubscribe = storage.subscribe((event) => {
    heard = true;
    if (event.type === 'areas-replaced' || event.type === 'themes-replaced') rebuildNeeded = true;
    // applied in the background, so figures are fresh before a planner asks and the log's cursor never falls far behind
    if (built && !stopped) refresh().catch((err: unknown) => console.warn(`coplan: catching up the planner engine failed: ${err instanceof Error ? err.message : String(err)}`));
  });

  return {
    async current() {
      if (!built || heard || rebuildNeeded || clock() - lastRead >= pollMs) await refresh();
      // a catch-up already under way may be the one for a change the caller just made (its event came first)
      else await running;
      return built!;
    },
    builds: () => builds,
    stop() {
      stopped = true;
      unsubscribe();
    },
  };
}

function areaIdsOf(areas: AreaCollection): string[] {
  return areas.features.map((f) => f.properties.id);
}
