// the planner engine on the server (GET /api/aggregates/*): figures for any filter without downloading the pins.
import { clusterZoomParam } from '../../core/clusterZoom.ts';
import type { PinFilter } from '../../core/countPins.ts';
import type { PlannerQuery } from '../../core/plannerEngine.ts';
import { plannerClustersFromJson, plannerResultFromJson, plannerSummaryFromJson, PlannerWireError } from '../../core/plannerWire.ts';
import { PlannerEngineError, type PlannerEngineClient } from './plannerEngineClient.ts';

export interface ServerPlannerEngineOptions {
  /** GET a path of the API and return its JSON (the API client's error handling applies) */
  getJson(path: string): Promise<unknown>;
  /** the consultation's API path (HttpRepository.consultationBase); default '/api', the deprecated default consultation */
  consultationBase?: string;
}

function filterParams(filter: PinFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.kind && filter.kind !== 'both') params.set('kind', filter.kind);
  // WARNING: an empty list keeps no theme; a bare `theme=` would mean every theme, so it goes as `theme=,`
  if (filter.themes) params.set('theme', filter.themes.length ? filter.themes.join(',') : ',');
  if (filter.sessions) params.set('session', filter.sessions.join(','));
  if (filter.from !== undefined) params.set('from', new Date(filter.from).toISOString());
  if (filter.to !== undefined) params.set('to', new Date(filter.to).toISOString());
  return params;
}

function asProblems(error: unknown): PlannerEngineError {
  if (error instanceof PlannerWireError) return new PlannerEngineError(error.problems);
  return new PlannerEngineError([error instanceof Error ? error.message : String(error)]);
}

/**
 * A PlannerEngineClient whose engine runs on the server. load() takes the areas the page shows (to name the selected
 * area and to check the server counts in the same ones) and reads the summary; query() and clusters() ask per filter.
 * @example
 * const engine = createServerPlannerEngine({ getJson: (path) => api.getJson(path), consultationBase: api.consultationBase });
 * await engine.load(areas, { kind: 'server' });
 * (await engine.query({ filter: { kind: 'priority' }, hexMetres: 500, area: null, topN: 5 })).areas.total
 */
export function createServerPlannerEngine(options: ServerPlannerEngineOptions): PlannerEngineClient {
  const base = options.consultationBase ?? '/api';
  let areaIds: string[] = [];
  let themes: string[] = [];

  async function get(path: string): Promise<unknown> {
    try {
      return await options.getJson(path);
    } catch (error) {
      throw asProblems(error);
    }
  }

  return {
    async load(areas, source) {
      if (source.kind !== 'server') throw new PlannerEngineError(['the server engine only counts the pins stored on the server']);
      const features = (areas as { features?: Array<{ properties?: { id?: unknown } }> } | null)?.features ?? [];
      try {
        const summary = plannerSummaryFromJson(await get(`${base}/aggregates/summary`));
        if (summary.areas !== features.length) {
          throw new PlannerEngineError([`the server counts in ${summary.areas} areas but this page shows ${features.length}: the areas changed, reload the page`]);
        }
        areaIds = features.map((f) => String(f.properties?.id ?? ''));
        themes = summary.themes;
        return summary;
      } catch (error) {
        throw error instanceof PlannerEngineError ? error : asProblems(error);
      }
    },
    async query(query: PlannerQuery) {
      const params = filterParams(query.filter);
      params.set('hex', String(query.hexMetres));
      params.set('top', String(query.topN));
      if (query.area !== null) params.set('area', areaIds[query.area] ?? '');
      try {
        const result = plannerResultFromJson(await get(`${base}/aggregates/planner?${params}`));
        if (result.areas.nGroups !== areaIds.length) {
          throw new PlannerEngineError([`the server counted ${result.areas.nGroups} areas but this page shows ${areaIds.length}: the areas changed, reload the page`]);
        }
        return result;
      } catch (error) {
        throw error instanceof PlannerEngineError ? error : asProblems(error);
      }
    },
    async clusters(filter, bbox, zoom) {
      const params = filterParams(filter);
      params.set('bbox', bbox.join(','));
      params.set('zoom', clusterZoomParam(zoom));
      try {
        return plannerClustersFromJson(await get(`${base}/aggregates/clusters?${params}`), themes);
      } catch (error) {
        throw error instanceof PlannerEngineError ? error : asProblems(error);
      }
    },
    dispose() {},
  };
}
