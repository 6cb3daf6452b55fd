// the planner's aggregation session: load pins and areas once, assign area and hex ids once, recount per filter.
import { areasBbox } from './aggregateAreas.ts';
import { checkAggregationAreas } from './aggregationAreasInput.ts';
import { assignAreas, buildAreaIndex } from './areaIndex.ts';
import { countByGroup, type CountArrays, type PinFilter } from './countPins.ts';
import { assignHexes, hexLayout } from './hexBins.ts';
import { loadPlannerPins, type PlannerPins } from './loadPlannerPins.ts';
import { createPlannerClusters, type ClusterCountMark, type PlannerClusters } from './plannerClusters.ts';
import type { PublishedMark } from './protectedCounts.ts';
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
  load(areas: unknown, pins: unknown): PlannerLoadSummary;
  query(query: PlannerQuery): PlannerResult;
  clusters(filter: PinFilter, bbox: [number, number, number, number], zoom: number): ClusterMarkWithTitle[];
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * A stateful engine (one per worker). load() validates (throws AreaInputError / PinInputError) and assigns
 * every pin its area once; hex ids are assigned once per cell size and cluster ids once per zoom (one
 * supercluster index over all pins, built on the first clusters() call); query() and clusters() only recount.
 * @example
 * const engine = createPlannerEngine();
 * engine.load(areas, pinsText);
 * engine.query({ filter: { kind: 'priority' }, hexMetres: 500, area: null, topN: 5 }).areas.total[0] // => 31
 */
export function createPlannerEngine(clock: () => number = now): PlannerEngine {
  let pins: PlannerPins | null = null;
  let nAreas = 0;
  let areaIds: Int32Array = new Int32Array(0);
  let bbox: [number, number, number, number] | null = null;
  const hexIds = new Map<number, { ids: Int32Array; count: number }>();
  // built on the first clusters() call after a load, then kept: filter changes only recount
  let clusterIndex: PlannerClusters | null = null;

  function loaded(): PlannerPins {
    if (!pins) throw new Error('no pins loaded yet');
    return pins;
  }

  function hexesFor(metres: number): { ids: Int32Array; count: number } {
    let entry = hexIds.get(metres);
    if (!entry) {
      const table = loaded().table;
      if (!bbox || !(bbox[0] < bbox[2] && bbox[1] < bbox[3])) entry = { ids: new Int32Array(table.length).fill(-1), count: 0 };
      else {
        const layout = hexLayout(bbox, metres);
        entry = { ids: assignHexes(table, layout), count: layout.count };
      }
      hexIds.set(metres, entry);
    }
    return entry;
  }

  return {
    load(areasInput, pinsInput) {
      const started = clock();
      const checked = checkAggregationAreas(areasInput);
      const next = loadPlannerPins(pinsInput);
      pins = next;
      nAreas = checked.areas.features.length;
      areaIds = assignAreas(next.table, buildAreaIndex(checked.areas));
      bbox = areasBbox(checked.areas);
      hexIds.clear();
      clusterIndex = null;
      let min = Infinity;
      let max = -Infinity;
      let outside = 0;
      const { time, session } = next.table;
      const perSession = new Uint32Array(next.table.sessions.length);
      for (let r = 0; r < next.table.length; r++) {
        const t = time ? time[r]! : NaN;
        if (t < min) min = t;
        if (t > max) max = t;
        if (areaIds[r]! < 0) outside++;
        perSession[session[r]!]!++;
      }
      return {
        pins: next.table.length,
        themes: next.table.themes.slice(),
        areas: nAreas,
        timeRange: min === Infinity ? null : [min, max],
        outside,
        sessions: next.table.sessions.map((id, i) => ({ id, pins: perSession[i]! })),
        warnings: [...checked.warnings, ...next.warnings].map((p) => `${p.path}: ${p.message}`),
        loadMs: clock() - started,
      };
    },

    query({ filter, hexMetres, area, topN }) {
      const started = clock();
      const { table, supports, titles } = loaded();
      const hexes = hexesFor(hexMetres);
      const only = area === null ? undefined : { ids: areaIds, group: area };
      return {
        areas: countByGroup(table, areaIds, nAreas, filter),
        hexMetres,
        hexes: countByGroup(table, hexes.ids, hexes.count, filter),
        weeks: weeklyCounts(table, filter, only),
        top: topPinsBySupports(table, supports, titles, filter, topN, only),
        computeMs: clock() - started,
      };
    },

    clusters(filter, view, zoom) {
      const { table, titles } = loaded();
      clusterIndex ??= createPlannerClusters(table);
      return clusterIndex.marks(filter, view, zoom).map((m) => ({
        ...m,
        title: m.row >= 0 ? titles[m.row]! : '',
        kind: m.row < 0 ? '' : table.kind[m.row] === 1 ? 'priority' : 'asset',
      }));
    },
  };
}
