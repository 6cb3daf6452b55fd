// the planner's aggregation session: load pins and areas once, assign area and hex ids once, recount per filter;
// single pins change in place afterwards (the server's live consultation), never by loading again.
import { areaOfPoint, type AreaIndex } from './areaIndex.ts';
import { countByGroup, type CountArrays, type PinFilter } from './countPins.ts';
import { engineAreas, type EngineAreas } from './engineAreas.ts';
import { hexLayout, hexOfPoint } from './hexBins.ts';
import { createLivePins, type GroupColumn, type LivePins } from './livePins.ts';
import { loadPlannerPins } from './loadPlannerPins.ts';
import { createPlannerClusters, type ClusterCountMark, type PlannerClusters } from './plannerClusters.ts';
import { isIdentity, orderedTable, presentThemeCodes, projectThemes, rowBefore } from './plannerLiveViews.ts';
import type { PublishedMark } from './protectedCounts.ts';
import type { PublishedSummary } from './protectPlannerSummary.ts';
import { topPinsBySupports, type TopPins } from './topPins.ts';
import { weeklyCounts, type WeeklyCounts } from './weeklyCounts.ts';

export interface PlannerLoadSummary {
  pins: number;
  /** theme ids present in the pins, sorted (the order of every count array) */
  themes: string[];
  areas: number;
  /** earliest and latest createdAt (epoch ms), null when no pin has one */
  timeRange: [number, number] | null;
  /** pins in no area */
  outside: number;
  /** pins per workshop session: '' (made online) first, even with 0 pins, then the session ids sorted */
  sessions: SessionCount[];
  warnings: string[];
  loadMs: number;
  /** set on protected answers (protectPlannerSummary.ts): what each count is, and the k used */
  published?: PublishedSummary;
  protection?: { minCount: number };
}

/** How many pins one workshop session holds ('' = the pins made online). */
export interface SessionCount {
  id: string;
  pins: number;
}

export interface PlannerQuery {
  filter: PinFilter;
  /** hex cell size in metres (250..2000 in the ui) */
  hexMetres: number;
  /** the selected area (index in the areas), for the timeline and top pins; null for all */
  area: number | null;
  /** how many top pins of each kind */
  topN: number;
}

export interface PlannerResult {
  areas: CountArrays;
  hexMetres: number;
  hexes: CountArrays;
  weeks: WeeklyCounts;
  top: TopPins;
  computeMs: number;
  /** set when the figures were protected before they were sent (protectedCounts.ts): the k used */
  protection?: { minCount: number };
}

export interface ClusterMarkWithTitle extends ClusterCountMark {
  /** title of a single pin ('' for clusters) */
  title: string;
  /** 'asset' | 'priority' for a single pin, '' for clusters */
  kind: '' | 'asset' | 'priority';
  /** set on protected answers: the published count and mix (the plain fields hold 0 where hidden) */
  published?: PublishedMark;
}

export interface PlannerEngine {
  /**
   * `maxPins`: refuse more pins than this (default MAX_ANALYSIS_PINS, the planner view's file limit). `prepared`:
   * engineAreas of these very areas, made elsewhere (the server makes it in a worker); the engine owns it after.
   */
  load(areas: unknown, pins: unknown, options?: { maxPins?: number; prepared?: EngineAreas }): PlannerLoadSummary;
  /** the summary of the pins as they are now, changes included (what load would return for them, but loadMs) */
  summary(): PlannerLoadSummary;
  /**
   * A created, edited, moved or restored pin (a GeoJSON pin Feature with an id): replaces the pin with that id, or adds
   * it. Throws PinInputError for a pin load would refuse; a pin without geometry is removed. Amortised O(1) plus its cells.
   */
  putPin(pin: unknown): void;
  /** a hidden or deleted pin leaves every figure; false when the engine did not hold it */
  removePin(id: string): boolean;
  query(query: PlannerQuery): PlannerResult;
  /** query's `areas` alone, for one filter: one pass over the pins, without hexes, weeks or top pins */
  areaCounts(filter: PinFilter): CountArrays;
  clusters(filter: PinFilter, bbox: [number, number, number, number], zoom: number): ClusterMarkWithTitle[];
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

interface Loaded {
  live: LivePins;
  nAreas: number;
  areaIndex: AreaIndex;
  areaIds: GroupColumn;
  bbox: [number, number, number, number];
  hexes: Map<number, { ids: GroupColumn; count: number }>;
  warnings: string[];
  loadMs: number;
  /** false until the first change: rows are then still in load order */
  changed: boolean;
  /** [min, max] createdAt, null when no pin has one; recomputed when a change may have removed an end */
  timeRange: [number, number] | null;
  timeRangeStale: boolean;
  clusters: { index: PlannerClusters; rowOf: Int32Array | null } | null;
}

function scanTimeRange(time: Float64Array): [number, number] | null {
  let min = Infinity;
  let max = -Infinity;
  for (let r = 0; r < time.length; r++) {
    const t = time[r]!;
    if (t < min) min = t;
    if (t > max) max = t;
  }
  return min === Infinity ? null : [min, max];
}

/**
 * A stateful engine (one per worker, one per consultation on the server). load() validates (throws AreaInputError /
 * PinInputError) and assigns every pin its area once; hex ids are assigned once per cell size and cluster ids once per
 * zoom (one supercluster index over all pins, built on the first clusters() call); query() and clusters() only
 * recount. putPin() and removePin() change one pin's row, area and hex ids in place; every figure then equals a
 * fresh load of the same pins in (createdAt, id) order, the order the server reads them in.
 * WARNING: the cluster index depends on row order, so the first clusters() call after a change rebuilds it (O(n log n)).
 * @example
 * const engine = createPlannerEngine();
 * engine.load(areas, pinsText);
 * engine.query({ filter: { kind: 'priority' }, hexMetres: 500, area: null, topN: 5 }).areas.total[0] // => 31
 * engine.putPin(newPin); engine.summary().pins // => one more
 */
export function createPlannerEngine(clock: () => number = now): PlannerEngine {
  let state: Loaded | null = null;

  function loaded(): Loaded {
    if (!state) throw new Error('no pins loaded yet');
    return state;
  }

  function hexesFor(s: Loaded, metres: number): { ids: GroupColumn; count: number } {
    let entry = s.hexes.get(metres);
    if (!entry) {
      const { bbox } = s;
      if (!(bbox[0] < bbox[2] && bbox[1] < bbox[3])) entry = { ids: s.live.addColumn(() => -1), count: 0 };
      else {
        const layout = hexLayout(bbox, metres);
        entry = { ids: s.live.addColumn((x, y) => hexOfPoint(layout, x, y)), count: layout.count };
      }
      s.hexes.set(metres, entry);
    }
    return entry;
  }

  function changing(s: Loaded): void {
    s.changed = true;
    s.clusters = null;
  }

  /** theme codes in a fresh load's order, or null when the live codes already are */
  function themeOrder(s: Loaded): number[] | null {
    const themes = s.live.table().themes;
    const codes = presentThemeCodes(themes, s.live.themeCounts());
    return isIdentity(codes, themes.length) ? null : codes;
  }

  function counted(s: Loaded, counts: CountArrays, codes: number[] | null): CountArrays {
    return codes ? projectThemes(counts, codes, s.live.table().themes) : counts;
  }

  return {
    load(areasInput, pinsInput, options = {}) {
      const started = clock();
      const areas = options.prepared ?? engineAreas(areasInput);
      const next = loadPlannerPins(pinsInput, options.maxPins);
      const live = createLivePins(next);
      const areaIndex = areas.index;
      state = {
        live,
        nAreas: areas.nAreas,
        areaIndex,
        areaIds: live.addColumn((x, y) => areaOfPoint(areaIndex, x, y)),
        bbox: areas.bbox,
        hexes: new Map(),
        warnings: [...areas.warnings, ...next.warnings].map((p) => `${p.path}: ${p.message}`),
        loadMs: 0,
        changed: false,
        timeRange: scanTimeRange(live.table().time!),
        timeRangeStale: false,
        clusters: null,
      };
      state.loadMs = clock() - started;
      return this.summary();
    },

    summary() {
      const s = loaded();
      const table = s.live.table();
      if (s.timeRangeStale) {
        s.timeRange = scanTimeRange(table.time!);
        s.timeRangeStale = false;
      }
      const codes = presentThemeCodes(table.themes, s.live.themeCounts());
      const perSession = s.live.sessionCounts();
      // '' (made online) first, even with no pins, then the sessions that have pins, sorted
      const sessions = table.sessions.flatMap((id, i) => (i === 0 || perSession[i]! > 0 ? [{ id, pins: perSession[i]! }] : []));
      sessions.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return {
        pins: table.length,
        themes: codes.map((c) => table.themes[c]!),
        areas: s.nAreas,
        timeRange: s.timeRange ? [s.timeRange[0], s.timeRange[1]] : null,
        outside: s.areaIds.outside(),
        sessions,
        warnings: s.warnings.slice(),
        loadMs: s.loadMs,
      };
    },

    putPin(pin) {
      const s = loaded();
      const one = loadPlannerPins({ type: 'FeatureCollection', features: [pin] });
      const f = pin as { id?: unknown; properties?: { id?: unknown } | null };
      const id = one.ids[0] ?? (typeof f.id === 'string' ? f.id : typeof f.properties?.id === 'string' ? f.properties.id : '');
      if (id === '') throw new Error('a pin put into the planner engine needs an id');
      if (one.table.length === 0) {
        this.removePin(id);
        return;
      }
      changing(s);
      const before = s.live.rowOf(id);
      if (before !== undefined && s.timeRange && (s.live.table().time![before] === s.timeRange[0] || s.live.table().time![before] === s.timeRange[1])) s.timeRangeStale = true;
      const row = s.live.put(id, one);
      const t = s.live.table().time![row]!;
      if (!s.timeRangeStale && !Number.isNaN(t)) s.timeRange = s.timeRange ? [Math.min(s.timeRange[0], t), Math.max(s.timeRange[1], t)] : [t, t];
    },

    removePin(id) {
      const s = loaded();
      const row = s.live.rowOf(id);
      if (row === undefined) return false;
      changing(s);
      const t = s.live.table().time![row]!;
      if (s.timeRange && (t === s.timeRange[0] || t === s.timeRange[1])) s.timeRangeStale = true;
      return s.live.remove(id);
    },

    query({ filter, hexMetres, area, topN }) {
      const started = clock();
      const s = loaded();
      const hexes = hexesFor(s, hexMetres);
      const table = s.live.table();
      const areaIds = s.areaIds.view();
      const only = area === null ? undefined : { ids: areaIds, group: area };
      const codes = themeOrder(s);
      const before = s.changed ? rowBefore(table.time!, s.live.ids()) : undefined;
      return {
        areas: counted(s, countByGroup(table, areaIds, s.nAreas, filter), codes),
        hexMetres,
        hexes: counted(s, countByGroup(table, hexes.ids.view(), hexes.count, filter), codes),
        weeks: weeklyCounts(table, filter, only),
        top: topPinsBySupports(table, s.live.supports(), s.live.titles(), filter, topN, only, before),
        computeMs: clock() - started,
      };
    },

    areaCounts(filter) {
      const s = loaded();
      return counted(s, countByGroup(s.live.table(), s.areaIds.view(), s.nAreas, filter), themeOrder(s));
    },

    clusters(filter, view, zoom) {
      const s = loaded();
      const table = s.live.table();
      const titles = s.live.titles();
      if (!s.clusters) {
        if (!s.changed) s.clusters = { index: createPlannerClusters(table), rowOf: null };
        else {
          const ordered = orderedTable(table, s.live.ids(), presentThemeCodes(table.themes, s.live.themeCounts()));
          s.clusters = { index: createPlannerClusters(ordered.table), rowOf: ordered.rowOf };
        }
      }
      const { index, rowOf } = s.clusters;
      return index.marks(filter, view, zoom).map((m) => {
        const row = m.row >= 0 && rowOf ? rowOf[m.row]! : m.row;
        return { ...m, row, title: row >= 0 ? titles[row]! : '', kind: row < 0 ? '' : table.kind[row] === 1 ? 'priority' : 'asset' };
      });
    },
  };
}
