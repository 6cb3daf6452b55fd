// the planner's web worker: runs the aggregation core off the ui thread (load once, recount per filter).
import { createPlannerEngine } from '../../core/plannerEngine.ts';
import type { PlannerResult } from '../../core/plannerEngine.ts';
import { localPinsInput } from './plannerEngineClient.ts';
import type { PlannerWorkerRequest, PlannerWorkerResponse } from './aggregationProtocol.ts';

const engine = createPlannerEngine();

function problemsOf(error: unknown): string[] {
  const problems = (error as { problems?: Array<{ path: string; message: string }> } | null)?.problems;
  if (Array.isArray(problems) && problems.length) return problems.map((p) => `${p.path}: ${p.message}`);
  return [error instanceof Error ? error.message : String(error)];
}

function buffersOf(result: PlannerResult): ArrayBuffer[] {
  const arrays = [result.areas.total, result.areas.asset, result.areas.priority, result.areas.byTheme, result.hexes.total, result.hexes.asset, result.hexes.priority, result.hexes.byTheme, result.weeks.asset, result.weeks.priority];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

async function handle(request: PlannerWorkerRequest): Promise<{ response: PlannerWorkerResponse; transfer: ArrayBuffer[] }> {
  switch (request.type) {
    case 'load': {
      // WARNING: the file is read and parsed here, never on the ui thread: 100k pins are ~20 MB of JSON
      const pins = await localPinsInput(request.pins);
      return { response: { id: request.id, ok: true, type: 'load', value: engine.load(request.areas, pins) }, transfer: [] };
    }
    case 'query': {
      const value = engine.query(request.query);
      return { response: { id: request.id, ok: true, type: 'query', value }, transfer: buffersOf(value) };
    }
    case 'clusters':
      return { response: { id: request.id, ok: true, type: 'clusters', value: engine.clusters(request.filter, request.bbox, request.zoom) }, transfer: [] };
  }
}

self.onmessage = (event: MessageEvent<PlannerWorkerRequest>) => {
  const request = event.data;
  handle(request).then(
    ({ response, transfer }) => (self as unknown as Worker).postMessage(response, transfer),
    (error: unknown) => (self as unknown as Worker).postMessage({ id: request.id, ok: false, problems: problemsOf(error) } satisfies PlannerWorkerResponse),
  );
};
