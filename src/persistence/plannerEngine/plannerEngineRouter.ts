// one engine client over two engines: pins on the server are counted there, an opened file in this browser's worker.
import type { PlannerEngineClient } from './plannerEngineClient.ts';

/**
 * Sends load() to the server engine for `{ kind: 'server' }` and to the local engine (made on first use, so a
 * planner who never opens a file never starts a worker) for anything else; query() and clusters() then go to the
 * engine that loaded last.
 * @example
 * const engine = createPlannerEngineRouter(serverEngine, () => createWorkerEngine());
 * await engine.load(areas, { kind: 'server' }); // counted on the server
 */
export function createPlannerEngineRouter(server: PlannerEngineClient, makeLocal: () => PlannerEngineClient): PlannerEngineClient {
  let local: PlannerEngineClient | null = null;
  let current: PlannerEngineClient = server;
  return {
    load(areas, pins) {
      current = pins.kind === 'server' ? server : (local ??= makeLocal());
      return current.load(areas, pins);
    },
    query: (query) => current.query(query),
    clusters: (filter, bbox, zoom) => current.clusters(filter, bbox, zoom),
    dispose() {
      server.dispose();
      local?.dispose();
    },
  };
}
