// pins clustered by zoom (supercluster), each cluster carrying its theme mix; single pins at street zoom.
import Supercluster, { type ClusterProperties, type PointFeature } from 'supercluster';
import { clusterZoomLevel } from './clusterZoom.ts';
import type { PinFilter } from './countPins.ts';
import { pinFilterTest } from './pinFilterTest.ts';
import type { PinTable } from './pinTable.ts';

/** One mark on the map: a cluster (row -1) or a single pin (its table row). */
export interface ClusterMark {
  lng: number;
  lat: number;
  count: number;
  /** pins per theme, indexed like table.themes */
  mix: number[];
  /** table row of a single pin, -1 for a cluster */
  row: number;
  /** supercluster's cluster id (for the zoom that splits it), -1 for a single pin */
  clusterId: number;
  /** the zoom at which the cluster splits, for "zoom in" clicks; -1 for a single pin */
  expansionZoom: number;
}

interface PointProps {
  row: number;
}
interface ClusterProps {
  mix: number[];
}

export interface PinClusters {
  /** marks in a bbox at a zoom, in [lng, lat] */
  marks(bbox: [number, number, number, number], zoom: number): ClusterMark[];
}

/** At this zoom and above every pin is drawn on its own (street level). */
export const STREET_ZOOM = 17;

/**
 * Builds a cluster index of the pins that pass the filter. Cost grows with the pins (~100-300 ms for 100k),
 * so build it once per filter, not per pan.
 * @example
 * clusterPins(table, { kind: 'priority' }).marks([-0.3, 53.2, -0.1, 53.4], 12)[0].count // => 1432
 */
export function clusterPins(table: PinTable, filter: PinFilter = {}): PinClusters {
  const passes = pinFilterTest(table, filter);
  const nThemes = table.themes.length;
  const points: Array<PointFeature<PointProps>> = [];
  for (let r = 0; r < table.length; r++) {
    if (!passes(r)) continue;
    points.push({ type: 'Feature', properties: { row: r }, geometry: { type: 'Point', coordinates: [table.lng[r]!, table.lat[r]!] } });
  }
  const index = new Supercluster<PointProps, ClusterProps>({
    radius: 80,
    maxZoom: STREET_ZOOM - 1,
    map: (p) => {
      const mix = new Array<number>(nThemes).fill(0);
      mix[table.theme[p.row]!] = 1;
      return { mix };
    },
    // WARNING: supercluster clones properties shallowly, so the mix array is replaced, never added into
    reduce: (acc, p) => {
      acc.mix = acc.mix.map((v, i) => v + p.mix[i]!);
    },
  });
  index.load(points);
  return {
    marks(bbox, zoom) {
      return index.getClusters(bbox, clusterZoomLevel(zoom)).map((f) => {
        const [lng, lat] = f.geometry.coordinates as [number, number];
        const p = f.properties as Partial<ClusterProperties> & Partial<ClusterProps> & Partial<PointProps>;
        if (p.cluster) {
          const clusterId = p.cluster_id!;
          return { lng, lat, count: p.point_count!, mix: p.mix!.slice(), row: -1, clusterId, expansionZoom: index.getClusterExpansionZoom(clusterId) };
        }
        const mix = new Array<number>(nThemes).fill(0);
        mix[table.theme[p.row!]!] = 1;
        return { lng, lat, count: 1, mix, row: p.row!, clusterId: -1, expansionZoom: -1 };
      });
    },
  };
}
