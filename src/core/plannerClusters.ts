// the planner's clusters: one supercluster index over all pins, each pin's cluster per zoom assigned once, recounted per filter.
import Supercluster, { type ClusterProperties, type PointFeature } from 'supercluster';
import { STREET_ZOOM, type ClusterMark } from './clusterPins.ts';
import { clusterZoomLevel } from './clusterZoom.ts';
import { pinFilterMasks, type PinFilter } from './countPins.ts';
import type { PinTable } from './pinTable.ts';

/** A cluster mark with its filtered pins split by kind (mix splits them by theme). */
export interface ClusterCountMark extends ClusterMark {
  asset: number;
  priority: number;
  /** a cluster's filtered pins' extent [w, s, e, n] in lng/lat (unset on single pins); staff only, see protectClusterMarks */
  bounds?: [number, number, number, number];
}

export interface PlannerClusters {
  /**
   * Marks in a bbox ([w, s, e, n] in lng/lat) at a zoom, counting only the pins that pass the filter.
   * Clusters without a filtered pin are dropped; a cluster with one filtered pin is that pin, at its own position.
   */
  marks(filter: PinFilter, bbox: [number, number, number, number], zoom: number): ClusterCountMark[];
  /** supercluster's cluster id per table row at a zoom (-1: the pin is on its own there); for tests and benchmarks */
  clusterIdsAt(zoom: number): Int32Array;
}

/** The supercluster options, shared with clusterPins (the rebuild-per-filter reference) so both cluster alike. */
export const CLUSTER_OPTIONS = { radius: 80, maxZoom: STREET_ZOOM - 1 } as const;

interface PointProps {
  row: number;
}

/** Which cluster every pin is in at one zoom. */
interface ClusterLevel {
  /** per table row: the dense index of its cluster at this zoom, -1 when the pin is on its own */
  ids: Int32Array;
  /** per dense index: supercluster's cluster id */
  clusterIds: Int32Array;
  /** per dense index: the zoom at which the cluster splits (supercluster's getClusterExpansionZoom) */
  expansionZoom: Uint8Array;
  /** supercluster's cluster id -> dense index */
  denseOf: Map<number, number>;
}

/** Per-cluster sums of the pins that pass one filter at one zoom. */
interface Recount {
  level: ClusterLevel;
  /** byTheme[cluster * themes * 2 + theme * 2 + kind] */
  byTheme: Uint32Array;
  total: Uint32Array;
  /** sums of spherical-mercator x and y of the counted pins, for their centroid */
  sumX: Float64Array;
  sumY: Float64Array;
  /** the last counted row of each cluster: the pin to draw when it is the only one */
  lastRow: Int32Array;
  /** per cluster: the west, south, east and north edges of its counted pins (4 entries a cluster) */
  extent: Float64Array;
  /** rows that pass the filter and are on their own at this zoom */
  singles: Int32Array;
}

const WORLD: [number, number, number, number] = [-180, -90, 180, 90];
const NO_CLUSTERS: ClusterLevel = { ids: new Int32Array(0), clusterIds: new Int32Array(0), expansionZoom: new Uint8Array(0), denseOf: new Map() };

// the same spherical-mercator [0..1] projection supercluster averages its cluster centres in
const lngX = (lng: number): number => lng / 360 + 0.5;
function latY(lat: number): number {
  const sin = Math.sin((lat * Math.PI) / 180);
  const y = 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI;
  return y < 0 ? 0 : y > 1 ? 1 : y;
}
const xLng = (x: number): number => (x - 0.5) * 360;
const yLat = (y: number): number => (360 * Math.atan(Math.exp(((180 - y * 360) * Math.PI) / 180))) / Math.PI - 90;

/** A lng/lat bbox test that wraps like supercluster's getClusters (a bbox 360° wide or more takes every longitude). */
function bboxTest([w, s, e, n]: [number, number, number, number]): (lng: number, lat: number) => boolean {
  if (e - w >= 360) return (_lng, lat) => lat >= s && lat <= n;
  const west = ((((w + 180) % 360) + 360) % 360) - 180;
  const east = e === 180 ? 180 : ((((e + 180) % 360) + 360) % 360) - 180;
  if (west <= east) return (lng, lat) => lng >= west && lng <= east && lat >= s && lat <= n;
  return (lng, lat) => (lng >= west || lng <= east) && lat >= s && lat <= n;
}

/**
 * Builds one supercluster index over every pin in the table (once per load). Each zoom's pin-to-cluster
 * assignment is worked out the first time that zoom is asked for (walking supercluster's tree through its
 * public getClusters / getChildren) and kept; after that a filter change is one pass over typed arrays.
 * WARNING: clusters are formed from all pins, so a filter does not re-cluster: it recounts each cluster,
 * drops the empty ones and draws each at the centroid of its filtered pins (so marks follow the filter).
 * @example
 * const clusters = createPlannerClusters(table);
 * clusters.marks({ kind: 'priority' }, [-0.3, 53.2, -0.1, 53.4], 12)[0].count // => 1432
 */
export function createPlannerClusters(table: PinTable): PlannerClusters {
  const n = table.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const points = new Array<PointFeature<PointProps>>(n);
  for (let r = 0; r < n; r++) {
    x[r] = lngX(table.lng[r]!);
    y[r] = latY(table.lat[r]!);
    points[r] = { type: 'Feature', properties: { row: r }, geometry: { type: 'Point', coordinates: [table.lng[r]!, table.lat[r]!] } };
  }
  // no map/reduce: theme mixes come from the recount, which keeps the index build cheap
  const index = new Supercluster<PointProps>(CLUSTER_OPTIONS).load(points);
  // levels[z] for z < STREET_ZOOM, filled from the street zoom down (each zoom is built from the one below it)
  const levels: ClusterLevel[] = [];
  const street: ClusterLevel = { ids: new Int32Array(n).fill(-1), clusterIds: new Int32Array(0), expansionZoom: new Uint8Array(0), denseOf: new Map() };
  let last: { level: ClusterLevel; filter: string; recount: Recount } | null = null;

  /** the level at zoom z from the one at z + 1: clusters that carry over keep their pins, new ones take their children's */
  function coarsen(finer: ClusterLevel, z: number): ClusterLevel {
    const clusterIds: number[] = [];
    const expansionZoom: number[] = [];
    const denseOf = new Map<number, number>();
    const parentOfFiner = new Int32Array(finer.clusterIds.length).fill(-1);
    const joined: number[] = []; // pairs of (row, dense index) for pins on their own at z + 1 that join a cluster at z
    let formed = 0;
    for (const feature of index.getClusters(WORLD, z)) {
      const props = feature.properties as Partial<ClusterProperties>;
      if (!props.cluster) continue;
      const id = props.cluster_id!;
      const dense = clusterIds.push(id) - 1;
      denseOf.set(id, dense);
      const same = finer.denseOf.get(id);
      if (same !== undefined) {
        parentOfFiner[same] = dense;
        expansionZoom.push(finer.expansionZoom[same]!);
        continue;
      }
      // a cluster formed here has two or more children at z + 1, so that is where it splits
      expansionZoom.push(z + 1);
      formed++;
      for (const child of index.getChildren(id)) {
        const c = child.properties as Partial<ClusterProperties> & Partial<PointProps>;
        if (c.cluster) parentOfFiner[finer.denseOf.get(c.cluster_id!) ?? -1] = dense;
        else joined.push(c.row!, dense);
      }
    }
    // nothing merged at this zoom: the same clusters hold the same pins
    if (formed === 0 && clusterIds.length === finer.clusterIds.length) return finer;
    if (parentOfFiner.includes(-1)) throw new Error(`cluster tree walk at zoom ${z} lost a cluster of zoom ${z + 1}`);
    const ids = new Int32Array(n);
    for (let r = 0; r < n; r++) {
      const c = finer.ids[r]!;
      ids[r] = c < 0 ? -1 : parentOfFiner[c]!;
    }
    for (let j = 0; j < joined.length; j += 2) ids[joined[j]!] = joined[j + 1]!;
    return { ids, clusterIds: Int32Array.from(clusterIds), expansionZoom: Uint8Array.from(expansionZoom), denseOf };
  }

  function levelAt(zoom: number): ClusterLevel {
    const z = clusterZoomLevel(zoom);
    if (z >= STREET_ZOOM || n === 0) return n === 0 ? NO_CLUSTERS : street;
    for (let zz = STREET_ZOOM - 1; zz >= z; zz--) if (!levels[zz]) levels[zz] = coarsen(levels[zz + 1] ?? street, zz);
    return levels[z]!;
  }

  function recount(filter: PinFilter, level: ClusterLevel): Recount {
    const nThemes = table.themes.length;
    const stride = nThemes * 2;
    const nClusters = level.clusterIds.length;
    const byTheme = new Uint32Array(nClusters * stride);
    const total = new Uint32Array(nClusters);
    const sumX = new Float64Array(nClusters);
    const sumY = new Float64Array(nClusters);
    const lastRow = new Int32Array(nClusters);
    const extent = new Float64Array(nClusters * 4);
    for (let c = 0; c < nClusters; c++) extent.set([Infinity, Infinity, -Infinity, -Infinity], c * 4);
    const singles = new Int32Array(n);
    let nSingles = 0;
    // the same rules as countByGroup / pinFilterTest: theme list, kind, session, createdAt in [from, to)
    const { themeOk, kindOk, sessionOk } = pinFilterMasks(table, filter);
    const byTime = filter.from !== undefined || filter.to !== undefined;
    const from = filter.from ?? -Infinity;
    const to = filter.to ?? Infinity;
    const { theme, kind, time, session } = table;
    const ids = level.ids;
    for (let r = 0; r < n; r++) {
      const t = theme[r]!;
      const k = kind[r]!;
      if (!themeOk[t] || !kindOk[k]) continue;
      if (sessionOk && !sessionOk[session[r]!]) continue;
      // undated pins (NaN, or a table read without times) drop out of any date filter
      if (byTime && !(time && time[r]! >= from && time[r]! < to)) continue;
      const c = ids[r]!;
      if (c < 0) {
        singles[nSingles++] = r;
        continue;
      }
      byTheme[c * stride + t * 2 + k]!++;
      total[c]!++;
      sumX[c]! += x[r]!;
      sumY[c]! += y[r]!;
      lastRow[c] = r;
      const lng = table.lng[r]!;
      const lat = table.lat[r]!;
      const e = c * 4;
      if (lng < extent[e]!) extent[e] = lng;
      if (lat < extent[e + 1]!) extent[e + 1] = lat;
      if (lng > extent[e + 2]!) extent[e + 2] = lng;
      if (lat > extent[e + 3]!) extent[e + 3] = lat;
    }
    return { level, byTheme, total, sumX, sumY, lastRow, extent, singles: singles.slice(0, nSingles) };
  }

  function singleMark(r: number, nThemes: number): ClusterCountMark {
    const mix = new Array<number>(nThemes).fill(0);
    mix[table.theme[r]!] = 1;
    const priority = table.kind[r]!;
    return { lng: table.lng[r]!, lat: table.lat[r]!, count: 1, mix, row: r, clusterId: -1, expansionZoom: -1, asset: 1 - priority, priority };
  }

  return {
    marks(filter, bbox, zoom) {
      const level = levelAt(zoom);
      // panning at the same zoom and filter reuses the recount
      const key = JSON.stringify(filter);
      if (last?.level !== level || last.filter !== key) last = { level, filter: key, recount: recount(filter, level) };
      const { byTheme, total, sumX, sumY, lastRow, extent, singles } = last.recount;
      const inside = bboxTest(bbox);
      const nThemes = table.themes.length;
      const out: ClusterCountMark[] = [];
      for (let c = 0; c < total.length; c++) {
        const count = total[c]!;
        if (count === 0) continue;
        if (count === 1) {
          const r = lastRow[c]!;
          if (inside(table.lng[r]!, table.lat[r]!)) out.push(singleMark(r, nThemes));
          continue;
        }
        const lng = xLng(sumX[c]! / count);
        const lat = yLat(sumY[c]! / count);
        if (!inside(lng, lat)) continue;
        const mix = new Array<number>(nThemes);
        let asset = 0;
        for (let t = 0, j = c * nThemes * 2; t < nThemes; t++, j += 2) {
          mix[t] = byTheme[j]! + byTheme[j + 1]!;
          asset += byTheme[j]!;
        }
        const bounds: [number, number, number, number] = [extent[c * 4]!, extent[c * 4 + 1]!, extent[c * 4 + 2]!, extent[c * 4 + 3]!];
        out.push({ lng, lat, count, mix, row: -1, clusterId: level.clusterIds[c]!, expansionZoom: level.expansionZoom[c]!, asset, priority: count - asset, bounds });
      }
      for (const r of singles) if (inside(table.lng[r]!, table.lat[r]!)) out.push(singleMark(r, nThemes));
      return out;
    },

    clusterIdsAt(zoom) {
      const level = levelAt(zoom);
      return Int32Array.from(level.ids, (c) => (c < 0 ? -1 : level.clusterIds[c]!));
    },
  };
}
