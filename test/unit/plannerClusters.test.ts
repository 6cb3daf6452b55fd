// the planner's cluster recount (one index, cluster ids per zoom assigned once) against supercluster rebuilt per filter.
import Supercluster from 'supercluster';
import { describe, expect, it } from 'vitest';
import { clusterPins, STREET_ZOOM } from '../../src/core/clusterPins.ts';
import type { PinFilter } from '../../src/core/countPins.ts';
import { createPlannerClusters, CLUSTER_OPTIONS, type ClusterCountMark } from '../../src/core/plannerClusters.ts';
import { buildPinTable, type PinTable } from '../../src/core/pinTable.ts';
import { pinFilterTest } from '../../src/core/pinFilterTest.ts';
import { protectClusterMarks } from '../../src/core/protectPlannerAnswer.ts';
import { mulberry32 as seeded } from '../../src/core/mulberry32.ts';

const THEMES = ['green-space', 'safety', 'housing', 'play-youth', 'transport'];
const TOWN: [number, number, number, number] = [-0.236, 53.246, -0.1, 53.315];
const WORLD: [number, number, number, number] = [-180, -85, 180, 85];


/** pins spread over the town with a few tight hot spots, so every zoom has big, small and one-pin clusters */
function townPins(n: number, seed: number): PinTable {
  const random = seeded(seed);
  const spots = Array.from({ length: 6 }, () => [TOWN[0] + (TOWN[2] - TOWN[0]) * random(), TOWN[1] + (TOWN[3] - TOWN[1]) * random()]);
  const features = Array.from({ length: n }, () => {
    const spot = random() < 0.3 ? spots[Math.floor(random() * spots.length)]! : null;
    const lng = spot ? spot[0]! + (random() - 0.5) * 0.004 : TOWN[0] + (TOWN[2] - TOWN[0]) * random();
    const lat = spot ? spot[1]! + (random() - 0.5) * 0.003 : TOWN[1] + (TOWN[3] - TOWN[1]) * random();
    const dated = random() < 0.9;
    return {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lng, lat] },
      properties: {
        kind: random() < 0.45 ? 'priority' : 'asset',
        theme: THEMES[Math.floor(random() * THEMES.length)],
        createdAt: dated ? new Date(Date.UTC(2026, 0, 5) + Math.floor(random() * 60 * 86_400_000)).toISOString() : undefined,
      },
    };
  });
  return buildPinTable({ type: 'FeatureCollection', features }).table;
}

/** supercluster over all pins, built the same way as the planner's index, to read each cluster's leaves independently */
function referenceIndex(table: PinTable): Supercluster<{ row: number }> {
  const points = Array.from({ length: table.length }, (_, r) => ({
    type: 'Feature' as const,
    properties: { row: r },
    geometry: { type: 'Point' as const, coordinates: [table.lng[r]!, table.lat[r]!] },
  }));
  return new Supercluster<{ row: number }>(CLUSTER_OPTIONS).load(points);
}

const FILTERS: PinFilter[] = [
  {},
  { kind: 'priority' },
  { themes: ['safety', 'housing'] },
  { themes: ['transport'], kind: 'asset', from: Date.UTC(2026, 0, 20), to: Date.UTC(2026, 1, 10) },
];
const ZOOMS = Array.from({ length: STREET_ZOOM + 2 }, (_, z) => z); // 0..18

const sum = (marks: { count: number }[]) => marks.reduce((n, m) => n + m.count, 0);

// mercator helpers for the viewport bounds test (same projection as supercluster)
const lngX = (lng: number) => lng / 360 + 0.5;
const latY = (lat: number) => 0.5 - (0.25 * Math.log((1 + Math.sin((lat * Math.PI) / 180)) / (1 - Math.sin((lat * Math.PI) / 180)))) / Math.PI;
const xLng = (x: number) => (x - 0.5) * 360;
const yLat = (y: number) => (360 * Math.atan(Math.exp(((180 - y * 360) * Math.PI) / 180))) / Math.PI - 90;

describe('createPlannerClusters', () => {
  const table = townPins(4000, 3);
  const clusters = createPlannerClusters(table);
  const reference = referenceIndex(table);

  it.each(FILTERS)('counts every filtered pin exactly once at every zoom, in the cluster supercluster puts it in (filter %j)', (filter) => {
    const passes = pinFilterTest(table, filter);
    const filtered = Array.from({ length: table.length }, (_, r) => r).filter(passes);
    expect(filtered.length).toBeGreaterThan(50);
    const key = (m: { row: number; clusterId: number; count: number; mix: number[]; priority: number }) => `${m.row}|${m.clusterId}|${m.count}|${m.mix.join(',')}|${m.priority}`;
    for (const z of ZOOMS) {
      // what the marks must be, read from supercluster over all pins: its clusters' filtered leaves
      const expected: string[] = [];
      for (const f of reference.getClusters(WORLD, z)) {
        const p = f.properties as { cluster?: boolean; cluster_id?: number; row?: number };
        const rows = p.cluster ? reference.getLeaves(p.cluster_id!, Infinity).map((leaf) => leaf.properties.row).filter(passes) : [p.row!].filter(passes);
        if (rows.length === 0) continue;
        const mix = new Array<number>(table.themes.length).fill(0);
        for (const r of rows) mix[table.theme[r]!]!++;
        const priority = rows.filter((r) => table.kind[r] === 1).length;
        expected.push(key(rows.length === 1 ? { row: rows[0]!, clusterId: -1, count: 1, mix, priority } : { row: -1, clusterId: p.cluster_id!, count: rows.length, mix, priority }));
      }
      const marks = clusters.marks(filter, WORLD, z);
      expect(marks.map(key).sort()).toEqual(expected.sort());
      for (const m of marks) {
        expect(m.asset + m.priority).toBe(m.count);
        expect(m.expansionZoom).toBe(m.row < 0 ? reference.getClusterExpansionZoom(m.clusterId) : -1);
      }
      expect(sum(marks)).toBe(filtered.length);
      if (z >= STREET_ZOOM) expect(new Set(marks.map((m) => m.row)).size).toBe(filtered.length);
    }
  });

  it.each(FILTERS)('has the same total per viewport as rebuilding supercluster over the filtered pins (filter %j)', (filter) => {
    const rebuilt = clusterPins(table, filter);
    const passes = pinFilterTest(table, filter);
    const padded: [number, number, number, number] = [TOWN[0] - 0.5, TOWN[1] - 0.5, TOWN[2] + 0.5, TOWN[3] + 0.5];
    for (const z of ZOOMS) {
      for (const view of [WORLD, padded]) expect(sum(clusters.marks(filter, view, z))).toBe(sum(rebuilt.marks(view, z)));
    }
    // a part of the town: at street zoom exactly the same pins; at cluster zooms both lie within the pins near the edges
    const part: [number, number, number, number] = [-0.2, 53.26, -0.15, 53.29];
    for (const z of [STREET_ZOOM, STREET_ZOOM + 1]) {
      const rows = (marks: { row: number }[]) => marks.map((m) => m.row).sort((a, b) => a - b);
      expect(rows(clusters.marks(filter, part, z))).toEqual(rows(rebuilt.marks(part, z)));
    }
    for (const z of [12, 13, 14, 15, 16]) {
      // a pin is at most ~4 cluster radii from its cluster's centre, so 8 radii bound the filtered centroid too
      const margin = (8 * CLUSTER_OPTIONS.radius) / (512 * 2 ** z);
      const grow = (d: number): [number, number, number, number] => [xLng(lngX(part[0]) - d), yLat(latY(part[1]) + d), xLng(lngX(part[2]) + d), yLat(latY(part[3]) - d)];
      const within = (b: number[]) => {
        let count = 0;
        for (let r = 0; r < table.length; r++) if (passes(r) && table.lng[r]! >= b[0]! && table.lng[r]! <= b[2]! && table.lat[r]! >= b[1]! && table.lat[r]! <= b[3]!) count++;
        return count;
      };
      const [low, high] = [within(grow(-margin)), within(grow(margin))];
      for (const total of [sum(clusters.marks(filter, part, z)), sum(rebuilt.marks(part, z))]) {
        expect(total).toBeGreaterThanOrEqual(low);
        expect(total).toBeLessThanOrEqual(high);
      }
    }
  });

  it("puts a cluster at supercluster's centre without a filter and at its filtered pins' centroid with one", () => {
    for (const z of [10, 13, 15]) {
      const centres = new Map(reference.getClusters(WORLD, z).map((f) => [(f.properties as { cluster_id?: number }).cluster_id, f.geometry.coordinates]));
      for (const m of clusters.marks({}, WORLD, z).filter((m) => m.row < 0)) {
        const [lng, lat] = centres.get(m.clusterId)!;
        // supercluster truncates its centres to 2^-30 of the world at every level: about a metre at most
        expect(m.lng).toBeCloseTo(lng!, 5);
        expect(m.lat).toBeCloseTo(lat!, 5);
      }
      const passes = pinFilterTest(table, { kind: 'asset' });
      for (const m of clusters.marks({ kind: 'asset' }, WORLD, z).filter((m) => m.row < 0)) {
        const rows = reference.getLeaves(m.clusterId, Infinity).map((f) => f.properties.row).filter(passes);
        expect(m.lng).toBeCloseTo(xLng(rows.reduce((s, r) => s + lngX(table.lng[r]!), 0) / rows.length), 6);
        expect(m.lat).toBeCloseTo(yLat(rows.reduce((s, r) => s + latY(table.lat[r]!), 0) / rows.length), 6);
      }
    }
  });

  it("gives each cluster the extent of its filtered pins, and protected answers leave it out", () => {
    for (const filter of [{}, { kind: 'priority' as const }]) {
      const passes = pinFilterTest(table, filter);
      for (const z of [10, 14]) {
        for (const m of clusters.marks(filter, WORLD, z)) {
          if (m.row >= 0) {
            expect(m.bounds).toBeUndefined();
            continue;
          }
          const rows = reference.getLeaves(m.clusterId, Infinity).map((f) => f.properties.row).filter(passes);
          const lngs = rows.map((r) => table.lng[r]!);
          const lats = rows.map((r) => table.lat[r]!);
          expect(m.bounds).toEqual([Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)]);
        }
      }
    }
    const marks = clusters.marks({}, WORLD, 12).map((m) => ({ ...m, title: '', kind: '' as const }));
    expect(marks.some((m) => m.bounds)).toBe(true);
    for (const k of [1, 5]) expect(protectClusterMarks(marks, k).some((m) => 'bounds' in m)).toBe(false);
  });

  it('gives the same marks whatever order zooms and filters are asked in', () => {
    const fresh = createPlannerClusters(table);
    const order = [14, 3, 16, 0, 18, 9];
    const first = order.map((z) => fresh.marks({ kind: 'asset' }, TOWN, z));
    const again = [...order].reverse().map((z) => createPlannerClusters(table).marks({ kind: 'asset' }, TOWN, z)).reverse();
    expect(first).toEqual(again);
    expect(fresh.marks({}, TOWN, 14)).toEqual(clusters.marks({}, TOWN, 14));
    expect(fresh.marks({ kind: 'asset' }, TOWN, 14)).toEqual(first[0]);
    expect(fresh.marks({ kind: 'asset' }, TOWN, 14.4)).toEqual(first[0]);
  });

  it('assigns each pin the cluster supercluster has it in at each zoom', () => {
    for (const z of [4, 12, 15, 16]) {
      const ids = clusters.clusterIdsAt(z);
      for (const f of reference.getClusters(WORLD, z)) {
        const p = f.properties as { cluster?: boolean; cluster_id?: number; row?: number };
        if (!p.cluster) expect(ids[p.row!]).toBe(-1);
        else for (const leaf of reference.getLeaves(p.cluster_id!, Infinity)) expect(ids[leaf.properties.row]).toBe(p.cluster_id);
      }
    }
    expect(Array.from(clusters.clusterIdsAt(STREET_ZOOM)).every((c) => c === -1)).toBe(true);
  });
});

describe('createPlannerClusters on hand-made pins', () => {
  const pin = (lng: number, lat: number, theme: string, kind = 'asset', createdAt?: string) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lng, lat] }, properties: { theme, kind, createdAt } });

  it('draws a cluster with one filtered pin as that pin, at its own position, and drops empty clusters', () => {
    const { table } = buildPinTable({
      type: 'FeatureCollection',
      features: [pin(-0.2, 53.3, 'safety'), pin(-0.2001, 53.3001, 'safety', 'priority'), pin(-0.2002, 53.2999, 'housing', 'priority')],
    });
    const clusters = createPlannerClusters(table);
    const all = clusters.marks({}, TOWN, 10);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ count: 3, row: -1, asset: 1, priority: 2 });
    expect(all[0]!.expansionZoom).toBeGreaterThan(10);
    const housing = clusters.marks({ themes: ['housing'] }, TOWN, 10);
    expect(housing).toEqual([{ lng: -0.2002, lat: 53.2999, count: 1, mix: [1, 0], row: 2, clusterId: -1, expansionZoom: -1, asset: 0, priority: 1 }]);
    expect(clusters.marks({ themes: ['parks'] }, TOWN, 10)).toEqual([]);
    expect(clusters.marks({}, [0, 0, 1, 1], 10)).toEqual([]);
  });

  it('drops undated pins from a date filter and wraps a bbox across the antimeridian', () => {
    const { table } = buildPinTable({
      type: 'FeatureCollection',
      features: [pin(179.9, 0, 'safety', 'asset', '2026-02-01T10:00:00Z'), pin(-179.9, 0.1, 'safety'), pin(10, 10, 'safety', 'asset', '2026-02-01T10:00:00Z')],
    });
    const clusters = createPlannerClusters(table);
    const rows = (marks: ClusterCountMark[]) => marks.map((m) => m.row).sort();
    expect(rows(clusters.marks({}, [170, -5, 190, 5], 18))).toEqual([0, 1]);
    expect(rows(clusters.marks({}, [170, -5, -170, 5], 18))).toEqual([0, 1]);
    expect(rows(clusters.marks({ from: Date.UTC(2026, 0, 1) }, [-180, -85, 180, 85], 18))).toEqual([0, 2]);
  });

  it('has no marks for no pins', () => {
    const { table } = buildPinTable({ type: 'FeatureCollection', features: [] });
    expect(createPlannerClusters(table).marks({}, WORLD, 12)).toEqual([]);
  });
});
