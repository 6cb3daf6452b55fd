// the planner engine rebuilt from every stored pin after any change, at most once per minRebuildMs: the approach before
// the incremental engine, kept only so `npm run bench:live` can measure both in one run (COPLAN_PLANNER_ENGINE=rebuild).
import { createPlannerEngine } from '../core/plannerEngine.ts';
import type { BuiltAggregates, PlannerAggregates, PlannerAggregatesOptions } from './builtAggregates.ts';
import type { ConsultationStorage } from './storage/storage.ts';

/**
 * Keeps one planner engine per process. Any storage event (from this process or, on PostgreSQL, another) marks it
 * stale; the next request rebuilds it once, however many requests wait. Hidden pins are left out: moderation removes
 * a pin from every figure.
 * WARNING: a rebuild reads every visible pin (about 0.5 s at 100k on SQLite). While pins keep arriving, rebuilds are
 * spaced by minRebuildMs, so a busy consultation costs at most one rebuild a second, and every answer is at most
 * that much older than the request.
 * @example
 * const aggregates = createRebuildAggregates(storage);
 * const { engine } = await aggregates.current();
 * engine.query({ filter: {}, hexMetres: 500, area: null, topN: 5 }).areas.total
 */
export function createRebuildAggregates(storage: ConsultationStorage, options: PlannerAggregatesOptions = {}): PlannerAggregates {
  const clock = options.clock ?? Date.now;
  const minRebuildMs = options.minRebuildMs ?? 1000;
  let built: BuiltAggregates | null = null;
  let building: Promise<BuiltAggregates> | null = null;
  let stale = true;
  let count = 0;
  let lastStart = -Infinity;
  const unsubscribe = storage.subscribe(() => {
    stale = true;
  });

  async function rebuild(): Promise<BuiltAggregates> {
    const wait = lastStart + minRebuildMs - clock();
    if (wait > 0 && built) await new Promise((resolve) => setTimeout(resolve, wait));
    lastStart = clock();
    // cleared before reading, so a change that lands while we read marks the result stale again
    stale = false;
    count += 1;
    const [areas, pins] = await Promise.all([storage.getAreas(), storage.listPins()]);
    const engine = createPlannerEngine();
    try {
      const summary = engine.load(areas, { type: 'FeatureCollection', features: pins }, { maxPins: Infinity });
      built = { engine, summary, areaIds: areas.features.map((f) => f.properties.id), areas, builtAt: clock() };
      return built;
    } catch (error) {
      stale = true;
      throw error;
    }
  }

  return {
    current() {
      // a rebuild under way answers for everyone who asks meanwhile, even though it has already cleared `stale`
      if (building) return building;
      if (built && !stale) return Promise.resolve(built);
      building = rebuild().finally(() => {
        building = null;
      });
      return building;
    },
    builds: () => count,
    stop: unsubscribe,
  };
}
