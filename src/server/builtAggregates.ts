// what the server's planner engine host gives routes: the engine of one consultation and what it was built over.
import type { PlannerEngine, PlannerLoadSummary } from '../core/plannerEngine.ts';
import type { AreaCollection } from '../core/types.ts';

export interface BuiltAggregates {
  engine: PlannerEngine;
  summary: PlannerLoadSummary;
  /** the ids of the areas the engine counts in, in its group order */
  areaIds: string[];
  /** the areas it was built over */
  areas: AreaCollection;
  builtAt: number;
}

export interface PlannerAggregates {
  /** the engine over the current visible pins; rebuilt first when pins or areas changed since the last build */
  current(): Promise<BuiltAggregates>;
  /** how many rebuilds so far (for tests and the benchmark) */
  builds(): number;
  stop(): void;
}

export interface PlannerAggregatesOptions {
  /** 'incremental' (default): changes from the event log update the engine in place; 'rebuild': the old full rebuild, for the benchmark */
  mode?: 'incremental' | 'rebuild';
  /** rebuild mode: at most one rebuild per this many ms while pins keep changing (default 1000) */
  minRebuildMs?: number;
  /** incremental mode: a request reads the event log first when it was last read longer ago than this (default 500), so a missed NOTIFY costs at most this much */
  pollMs?: number;
  clock?: () => number;
}
