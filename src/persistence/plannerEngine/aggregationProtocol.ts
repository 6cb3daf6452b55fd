// messages between the planner view and its aggregation worker.
import type { PinFilter } from '../../core/countPins.ts';
import type { ClusterMarkWithTitle, PlannerLoadSummary, PlannerQuery, PlannerResult } from '../../core/plannerEngine.ts';
import type { PlannerPinSource } from './plannerEngineClient.ts';

export type PlannerWorkerRequest =
  | { id: number; type: 'load'; areas: unknown; pins: PlannerPinSource }
  | { id: number; type: 'query'; query: PlannerQuery }
  | { id: number; type: 'clusters'; filter: PinFilter; bbox: [number, number, number, number]; zoom: number };

export type PlannerWorkerResponse =
  | { id: number; ok: true; type: 'load'; value: PlannerLoadSummary }
  | { id: number; ok: true; type: 'query'; value: PlannerResult }
  | { id: number; ok: true; type: 'clusters'; value: ClusterMarkWithTitle[] }
  | { id: number; ok: false; problems: string[] };
