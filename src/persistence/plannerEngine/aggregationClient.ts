// the planner store's engine, backed by the aggregation web worker: one request, one promise.
import { PlannerEngineError, type PlannerEngineClient } from './plannerEngineClient.ts';
import type { PlannerWorkerRequest, PlannerWorkerResponse } from './aggregationProtocol.ts';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type RequestBody = PlannerWorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/**
 * Starts the worker and wraps its messages in promises.
 * @example
 * const engine = createWorkerEngine();
 * await engine.load(areas, { kind: 'file', file });
 */
export function createWorkerEngine(): PlannerEngineClient {
  const worker = new Worker(new URL('./aggregationWorker.ts', import.meta.url), { type: 'module', name: 'coplan-aggregation' });
  const pending = new Map<number, Pending>();
  let next = 0;
  worker.onmessage = (event: MessageEvent<PlannerWorkerResponse>) => {
    const response = event.data;
    const waiting = pending.get(response.id);
    if (!waiting) return;
    pending.delete(response.id);
    if (response.ok) waiting.resolve(response.value);
    else waiting.reject(new PlannerEngineError(response.problems));
  };
  worker.onerror = (event) => {
    const error = new PlannerEngineError([`the aggregation worker failed: ${event.message}`]);
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  function send<T>(body: RequestBody): Promise<T> {
    const id = ++next;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...body, id });
    });
  }
  return {
    load: (areas, pins) => send({ type: 'load', areas, pins }),
    query: (query) => send({ type: 'query', query }),
    clusters: (filter, bbox, zoom) => send({ type: 'clusters', filter, bbox, zoom }),
    dispose: () => worker.terminate(),
  };
}
