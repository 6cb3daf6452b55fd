// the planner store's port onto the aggregation engine: async, so it can live in a web worker (aggregationClient.ts),
// on the server (serverPlannerEngine.ts) or in-process (tests); its adapters live beside it in this folder.
import type { PinFilter } from '../../core/countPins.ts';
import type { ClusterMarkWithTitle, PlannerLoadSummary, PlannerQuery, PlannerResult } from '../../core/plannerEngine.ts';

/** Where the pins to analyse come from: a file (read and parsed off the ui thread), pins in memory, or the server's store (counted there). */
export type PlannerPinSource = { kind: 'file'; file: Blob } | { kind: 'text'; text: string } | { kind: 'features'; features: unknown[] } | { kind: 'server' };

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

/**
 * What an in-browser engine's load() takes for a pin source: the file's text, the text, or a FeatureCollection.
 * Pins on the server are not here to read: they are counted by the server's engine.
 * @example
 * engine.load(areas, await localPinsInput({ kind: 'file', file })) // text, parsed by the engine
 */
export async function localPinsInput(source: PlannerPinSource): Promise<unknown> {
  switch (source.kind) {
    case 'file':
      return source.file.text();
    case 'text':
      return source.text;
    case 'features':
      return { type: 'FeatureCollection', features: source.features };
    case 'server':
      throw new PlannerEngineError(['the pins on the server are counted by the server, not in this browser']);
  }
}
