// the planner view's state: layer choices, filters, the shared area/theme selection and the latest aggregation.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { areaSizesKm2 } from '../core/areaSizes.ts';
import type { PinFilter } from '../core/countPins.ts';
import type { AreaMeasure } from '../core/layerValues.ts';
import type { ClusterMarkWithTitle, PlannerLoadSummary, PlannerResult } from '../core/plannerEngine.ts';
import { PLANNER_HEX_SIZES } from '../core/plannerWire.ts';
import { DEFAULT_MIN_COUNT } from '../core/smallCounts.ts';
import type { AreaCollection, PinFeature } from '../core/types.ts';
import type { PlannerEngineClient, PlannerPinSource } from '../persistence/plannerEngine/plannerEngineClient.ts';

export type PlannerLayer = 'areas' | 'gaps' | 'hex' | 'clusters';
export const PLANNER_LAYERS: readonly PlannerLayer[] = ['areas', 'gaps', 'hex', 'clusters'];
export const HEX_SIZES: readonly number[] = PLANNER_HEX_SIZES;
export const TOP_N = 5;

export interface PlannerFilter {
  /** theme ids to show; null shows every theme */
  themes: string[] | null;
  kind: 'both' | 'asset' | 'priority';
  /** inclusive dates YYYY-MM-DD (UTC days), '' for open ends */
  from: string;
  to: string;
  /** null: every pin; '': the pins made online; otherwise one workshop session id */
  session: string | null;
}

export interface PlannerView {
  bbox: [number, number, number, number];
  zoom: number;
}

export interface PlannerState {
  status: 'idle' | 'loading' | 'ready' | 'failed';
  /** app: the map's pins, counted here; server: the consultation's pins, counted on the server; file: a file opened for analysis */
  source: { kind: 'app'; count: number } | { kind: 'server' } | { kind: 'file'; name: string } | null;
  /** why the last load or query failed, one sentence each */
  problems: string[];
  /** why the last clusters answer failed; it belongs to the clusters layer and goes when another layer is chosen */
  clusterProblems: string[];
  summary: PlannerLoadSummary | null;
  areas: AreaCollection;
  areaKm2: number[];
  layer: PlannerLayer;
  areaMeasure: AreaMeasure;
  shareTheme: string;
  /** 'all' or a theme id */
  gapTheme: string;
  hexMetres: number;
  minCount: number;
  filter: PlannerFilter;
  filterProblem: string | null;
  selectedArea: number | null;
  selectedTheme: string | null;
  result: PlannerResult | null;
  clusters: ClusterMarkWithTitle[] | null;
  view: PlannerView | null;
  /** performance.now() of the latest change the map must repaint for (the layer reports how long it took) */
  changedAt: number;
  /** whether an answer for the latest change is still on its way from the engine */
  pending: boolean;

  appPinsLoaded(areas: AreaCollection, pins: readonly PinFeature[]): Promise<void>;
  /** counts the consultation's pins on the server (the engine must route `{ kind: 'server' }` there) */
  serverPinsLoaded(areas: AreaCollection): Promise<void>;
  /** pins changed on the server: re-reads the summary and the figures in place, keeping every choice */
  serverPinsChanged(): Promise<void>;
  fileOpened(file: Blob, name: string): Promise<void>;
  layerChosen(layer: PlannerLayer): void;
  areaMeasureChosen(measure: AreaMeasure): void;
  shareThemeChosen(theme: string): void;
  gapThemeChosen(theme: string): void;
  hexSizeChosen(metres: number): void;
  minCountChanged(k: number): void;
  filterChanged(changes: Partial<PlannerFilter>): void;
  areaSelected(index: number | null): void;
  themeSelected(theme: string | null): void;
  viewChanged(view: PlannerView): void;
}

export type PlannerStore = StoreApi<PlannerState>;

const DAY = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function dayStart(date: string): number | undefined {
  if (!DATE.test(date)) return undefined;
  const t = Date.parse(`${date}T00:00:00.000Z`);
  return Number.isFinite(t) ? t : undefined;
}

/**
 * The core filter for the current choices: a selected theme narrows the theme filter to that theme;
 * dates are whole UTC days, "to" inclusive; a chosen workshop session ('' = online) keeps only its pins.
 * @example
 * effectiveFilter({ filter: { themes: null, kind: 'priority', from: '2026-04-01', to: '', session: null }, selectedTheme: null })
 * // => { kind: 'priority', from: 1775001600000 }
 */
export function effectiveFilter(state: Pick<PlannerState, 'filter' | 'selectedTheme'>): PinFilter {
  const { filter, selectedTheme } = state;
  const out: PinFilter = {};
  if (selectedTheme) out.themes = [selectedTheme];
  else if (filter.themes) out.themes = filter.themes;
  if (filter.kind !== 'both') out.kind = filter.kind;
  const from = dayStart(filter.from);
  const to = dayStart(filter.to);
  if (from !== undefined) out.from = from;
  if (to !== undefined) out.to = to + DAY;
  if (filter.session !== null) out.sessions = [filter.session];
  return out;
}

function dateProblem(filter: PlannerFilter): string | null {
  for (const [name, value] of [['from', filter.from], ['to', filter.to]] as const) {
    if (value !== '' && dayStart(value) === undefined) return `the ${name} date must be a date like 2026-04-01`;
  }
  if (filter.from && filter.to && filter.from > filter.to) return 'the start date is after the end date';
  return null;
}

const emptyAreas: AreaCollection = { type: 'FeatureCollection', features: [] };

/**
 * A planner store over an aggregation engine (the web worker in the app, the core in-process in tests).
 * @example
 * const store = createPlannerStore(createWorkerEngine());
 * await store.getState().appPinsLoaded(areas, pins);
 * store.getState().result?.areas.total // => pins per area
 */
export function createPlannerStore(engine: PlannerEngineClient, clock: () => number = () => performance.now()): PlannerStore {
  let querySeq = 0;
  let clusterSeq = 0;
  let loadSeq = 0;

  return createStore<PlannerState>()((set, get) => {
    function failed(error: unknown): string[] {
      const problems = (error as { problems?: unknown } | null)?.problems;
      if (!Array.isArray(problems) || problems.length === 0) return [error instanceof Error ? error.message : String(error)];
      // the worker sends sentences; the core in-process throws { path, message } problems
      return problems.map((p: unknown) => (typeof p === 'string' ? p : `${String((p as { path?: unknown }).path)}: ${String((p as { message?: unknown }).message)}`));
    }

    async function requery(): Promise<void> {
      const state = get();
      if (state.status !== 'ready' || state.filterProblem) return;
      const seq = ++querySeq;
      const filter = effectiveFilter(state);
      set({ pending: true });
      // on the clusters layer both requests go at once (the worker answers them in order): no second round trip
      const view = state.layer === 'clusters' ? state.view : null;
      const clusterSeqNow = view ? ++clusterSeq : -1;
      try {
        const [result, clusters] = await Promise.all([
          engine.query({ filter, hexMetres: state.hexMetres, area: state.selectedArea, topN: TOP_N }),
          // a clusters answer that fails does not take the counts with it
          view ? engine.clusters(filter, view.bbox, view.zoom).then(clustersArrived, clustersFailed) : null,
        ]);
        // an older answer arriving late must not overwrite a newer one
        if (seq !== querySeq) return;
        if (clusters && clusterSeqNow === clusterSeq) set({ result, ...clusters, pending: false });
        else if (get().layer === 'clusters' && get().view) {
          set({ result });
          await reclusters();
        } else set({ result, pending: false });
      } catch (error) {
        if (seq === querySeq) set({ problems: failed(error), pending: false });
      }
    }

    async function reclusters(): Promise<void> {
      const state = get();
      if (state.status !== 'ready' || state.layer !== 'clusters' || !state.view || state.filterProblem) return;
      const seq = ++clusterSeq;
      set({ pending: true });
      const answer = await engine.clusters(effectiveFilter(state), state.view.bbox, state.view.zoom).then(clustersArrived, clustersFailed);
      if (seq === clusterSeq) set({ ...answer, pending: false });
    }

    function clustersArrived(clusters: ClusterMarkWithTitle[]): Pick<PlannerState, 'clusters' | 'clusterProblems'> {
      return { clusters, clusterProblems: [] };
    }

    /** the clusters on screen stay; the problem is shown only while the clusters layer is (the answer may come after a switch) */
    function clustersFailed(error: unknown): Pick<PlannerState, 'clusterProblems'> {
      return { clusterProblems: get().layer === 'clusters' ? failed(error) : [] };
    }

    async function load(areas: AreaCollection, pins: PlannerPinSource, source: PlannerState['source']): Promise<void> {
      const seq = ++loadSeq;
      set({ status: 'loading', problems: [], clusterProblems: [], source, result: null, clusters: null, selectedArea: null, changedAt: clock() });
      try {
        const summary = await engine.load(areas, pins);
        if (seq !== loadSeq) return;
        set({ status: 'ready', summary, areas, areaKm2: areaSizesKm2(areas), ...choicesFor(summary), selectedTheme: null, changedAt: clock() });
        await requery();
      } catch (error) {
        if (seq === loadSeq) set({ status: 'failed', problems: failed(error), pending: false });
      }
    }

    /** the theme and session choices that still make sense for these pins */
    function choicesFor(summary: PlannerLoadSummary): Pick<PlannerState, 'shareTheme' | 'gapTheme' | 'filter'> {
      const { themes } = summary;
      const shareTheme = themes.includes(get().shareTheme) ? get().shareTheme : (themes[0] ?? '');
      const gapTheme = get().gapTheme === 'all' || themes.includes(get().gapTheme) ? get().gapTheme : 'all';
      // a session chosen for the previous pins may not be in these: show every pin rather than none
      const session = get().filter.session;
      const filter = session === null || summary.sessions.some((s) => s.id === session) ? get().filter : { ...get().filter, session: null };
      return { shareTheme, gapTheme, filter };
    }

    async function refreshServerPins(): Promise<void> {
      const state = get();
      if (state.status !== 'ready' || state.source?.kind !== 'server') return;
      const seq = ++loadSeq;
      try {
        const summary = await engine.load(state.areas, { kind: 'server' });
        if (seq !== loadSeq) return;
        // unlike a load, nothing is cleared: the figures on screen stay until the new ones arrive
        const selectedTheme = state.selectedTheme && summary.themes.includes(state.selectedTheme) ? state.selectedTheme : null;
        set({ summary, ...choicesFor(summary), selectedTheme, problems: [], changedAt: clock() });
        await requery();
      } catch (error) {
        if (seq === loadSeq) set({ problems: failed(error) });
      }
    }

    /** a change the map repaints for; `query` when it needs new counts from the engine */
    function changed(patch: Partial<PlannerState>, query: boolean): void {
      set({ ...patch, changedAt: clock() });
      if (query) void requery();
    }

    return {
      status: 'idle',
      source: null,
      problems: [],
      clusterProblems: [],
      summary: null,
      areas: emptyAreas,
      areaKm2: [],
      layer: 'areas',
      areaMeasure: 'count',
      shareTheme: '',
      gapTheme: 'all',
      hexMetres: 500,
      minCount: DEFAULT_MIN_COUNT,
      filter: { themes: null, kind: 'both', from: '', to: '', session: null },
      filterProblem: null,
      selectedArea: null,
      selectedTheme: null,
      result: null,
      clusters: null,
      view: null,
      changedAt: 0,
      pending: false,

      appPinsLoaded: (areas, pins) => load(areas, { kind: 'features', features: pins.slice() }, { kind: 'app', count: pins.length }),
      serverPinsLoaded: (areas) => load(areas, { kind: 'server' }, { kind: 'server' }),
      serverPinsChanged: refreshServerPins,
      fileOpened: (file, name) => load(get().areas.features.length ? get().areas : emptyAreas, { kind: 'file', file }, { kind: 'file', name }),

      layerChosen(layer) {
        changed(layer === 'clusters' ? { layer } : { layer, clusterProblems: [] }, false);
        if (layer === 'clusters') void reclusters();
      },
      areaMeasureChosen: (areaMeasure) => changed({ areaMeasure }, false),
      shareThemeChosen: (shareTheme) => changed({ shareTheme }, false),
      gapThemeChosen: (gapTheme) => changed({ gapTheme }, false),
      hexSizeChosen(metres) {
        if (!HEX_SIZES.includes(metres)) throw new RangeError(`hex cells must be one of ${HEX_SIZES.join(', ')} m, got ${metres}`);
        changed({ hexMetres: metres }, true);
      },
      minCountChanged(k) {
        if (!Number.isInteger(k) || k < 1 || k > 100) return;
        changed({ minCount: k }, false);
      },
      filterChanged(changes) {
        const filter = { ...get().filter, ...changes };
        changed({ filter, filterProblem: dateProblem(filter) }, true);
      },
      areaSelected(index) {
        if (index === get().selectedArea) return;
        changed({ selectedArea: index }, true);
      },
      themeSelected(theme) {
        changed({ selectedTheme: theme === get().selectedTheme ? null : theme }, true);
      },
      viewChanged(view) {
        set({ view, changedAt: clock() });
        void reclusters();
      },
    };
  });
}
