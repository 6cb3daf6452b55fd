// the planner store's view of the aggregation engine: async, so it can live in a web worker (app) or in-process (tests).
import type { PinFilter } from '../core/countPins.ts';
import type { ClusterMarkWithTitle, PlannerLoadSummary, PlannerQuery, PlannerResult } from '../core/plannerEngine.ts';

/** Where the pins to analyse come from: a file (read and parsed off the ui thread) or pins in memory. */
export type PlannerPinSource = { kind: 'file'; file: Blob } | { kind: 'text'; text: string } | { kind: 'features'; features: unknown[] };

export interface PlannerEngineClient {
  load(areas: unknown, pins: PlannerPinSource): Promise<PlannerLoadSummary>;
  query(query: PlannerQuery): Promise<PlannerResult>;
  clusters(filter: PinFilter, bbox: [number, number, number, number], zoom: number): Promise<ClusterMarkWithTitle[]>;
  dispose(): void;
}

/** What a failed load or query reports: one sentence per problem. */
export class PlannerEngineError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'PlannerEngineError';
  }
}
