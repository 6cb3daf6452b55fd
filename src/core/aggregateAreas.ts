// pins counted per area (choropleth, priority gaps) and per hex, as GeoJSON ready to draw or export.
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { checkAggregationAreas } from './aggregationAreasInput.ts';
import { assignAreas, buildAreaIndex } from './areaIndex.ts';
import { countByGroup, pinCountsOf, type PinCounts, type PinFilter } from './countPins.ts';
import { assignHexes, hexFeature, hexLayout } from './hexBins.ts';
import { buildPinTable } from './pinTable.ts';
import { suppressCount, suppressSmallCounts, type PublishedCount, type PublishedCounts } from './smallCounts.ts';
import type { Problem } from './types.ts';

export interface AggregateOptions {
  /** publish counts from 1 to minCount-1 as "fewer than minCount" (see smallCounts.ts); default: no suppression */
  minCount?: number;
  /** count only some pins */
  filter?: PinFilter;
}

export interface HexAggregateOptions extends AggregateOptions {
  /** hex cell size in metres (Turf hexGrid's cellSide, in km = metres / 1000) */
  cellMetres: number;
}

/** Counts as they appear on each output feature: plain numbers, or markers when minCount is set. */
export type FeatureCounts = PinCounts | PublishedCounts;

export type AggregatedCollection<G extends Feature['geometry'] = Feature['geometry']> = FeatureCollection<G> & {
  /** pins in no area (no hex), after the filter */
  outside: PublishedCount;
  /** what was skipped and why (empty geometries, pins without geometry), one sentence each */
  warnings: string[];
};

/**
 * The input areas, in input order, geometry and properties unchanged, each with an added `counts`
 * property `{ total, asset, priority, byTheme: { <theme>: { asset, priority } } }`. A pin on a boundary shared
 * by several areas counts once, in the first of them; pins in no area are counted in `outside`. Accepts
 * clockwise rings, holes, MultiPolygons; empty geometries get zero counts and a warning.
 * Throws AreaInputError / PinInputError (with a `problems` list) for invalid input.
 * @example
 * const out = aggregateAreas(wards, pins, { minCount: 5 });
 * out.features[0].properties.counts // => { total: 41, asset: 30, priority: 11, byTheme: { green: {...}, ... } }
 * out.outside // => 3
 */
export function aggregateAreas(areas: unknown, pins: unknown, options: AggregateOptions = {}): AggregatedCollection {
  const checked = checkAggregationAreas(areas);
  const { table, warnings } = buildPinTable(pins, { time: needsTime(options.filter) });
  const n = checked.areas.features.length;
  const ids = assignAreas(table, buildAreaIndex(checked.areas));
  const counts = countByGroup(table, ids, n, options.filter);
  const perArea = Array.from({ length: n }, (_, i) => pinCountsOf(counts, i));
  return areasWithCounts(checked.areas, perArea, counts.total[n]!, [...checked.warnings, ...warnings], options.minCount);
}

/**
 * Puts per-area counts onto copies of the area features (shared by the fast path and the Turf reference).
 * @example
 * areasWithCounts(areas, [counts0, counts1], 4, [], 5).features[1].properties.counts.total // => { suppressed: true, lessThan: 5 }
 */
export function areasWithCounts(
  areas: FeatureCollection,
  perArea: PinCounts[],
  outside: number,
  problems: Problem[],
  minCount?: number,
): AggregatedCollection {
  const features = areas.features.map((f, i) => ({
    ...f,
    properties: { ...(f.properties ?? {}), counts: publish(perArea[i]!, minCount) },
  }));
  return { ...areas, features, outside: publishOne(outside, minCount), warnings: problems.map(describe) };
}

/**
 * Pins counted per hexagon of Turf's hexGrid over the areas' bbox. Only hexagons holding at least one
 * (filtered) pin are returned, each with properties `{ hex, counts }` where `hex` is its index in
 * hexGrid(bbox, cellMetres / 1000).features; a pin on an edge shared by two hexagons counts in the first.
 * Pins in no hexagon (outside the grid) are counted in `outside`.
 * @example
 * aggregateHexes(wards, pins, { cellMetres: 500 }).features[0].properties // => { hex: 17, counts: {...} }
 */
export function aggregateHexes(areas: unknown, pins: unknown, options: HexAggregateOptions): AggregatedCollection<Polygon> {
  const checked = checkAggregationAreas(areas);
  const { table, warnings } = buildPinTable(pins, { time: needsTime(options.filter) });
  const layout = hexLayout(areasBbox(checked.areas), options.cellMetres);
  const ids = assignHexes(table, layout);
  const counts = countByGroup(table, ids, layout.count, options.filter);
  const perHex = Array.from({ length: layout.count }, (_, i) => pinCountsOf(counts, i));
  const features = hexesWithCounts(perHex, (hex, properties) => hexFeature(layout, hex, properties), options.minCount);
  const problems = [...checked.warnings, ...warnings].map(describe);
  return { type: 'FeatureCollection', features, outside: publishOne(counts.total[layout.count]!, options.minCount), warnings: problems };
}

/**
 * The non-empty hexagons as features, in grid order (shared by the fast path and the Turf reference).
 * @example
 * hexesWithCounts(perHex, (hex, props) => hexFeature(layout, hex, props)).length // => hexes holding pins
 */
export function hexesWithCounts(
  perHex: PinCounts[],
  polygonOf: (hex: number, properties: { hex: number; counts: FeatureCounts }) => Feature<Polygon, { hex: number; counts: FeatureCounts }>,
  minCount?: number,
): Feature<Polygon, { hex: number; counts: FeatureCounts }>[] {
  const out: Feature<Polygon, { hex: number; counts: FeatureCounts }>[] = [];
  perHex.forEach((c, hex) => {
    if (c.total > 0) out.push(polygonOf(hex, { hex, counts: publish(c, minCount) }));
  });
  return out;
}

/**
 * The bbox of the areas' coordinates (what @turf/bbox computes, ignoring a stored `bbox` member).
 * @example
 * areasBbox(wards) // => [-2.31992, 53.34012, -2.14686, 53.54461]
 */
export function areasBbox(areas: FeatureCollection): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of areas.features) {
    const g = f.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) continue;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const poly of polys) {
      for (const ring of poly) {
        for (const [x, y] of ring) {
          if (x! < b[0]) b[0] = x!;
          if (y! < b[1]) b[1] = y!;
          if (x! > b[2]) b[2] = x!;
          if (y! > b[3]) b[3] = y!;
        }
      }
    }
  }
  return b;
}

function needsTime(filter?: PinFilter): boolean {
  return filter?.from !== undefined || filter?.to !== undefined;
}

function publish(c: PinCounts, minCount?: number): FeatureCounts {
  return minCount !== undefined && minCount > 1 ? suppressSmallCounts(c, minCount) : c;
}

function publishOne(n: number, minCount?: number): PublishedCount {
  return minCount !== undefined && minCount > 1 ? suppressCount(n, minCount) : n;
}

function describe(p: Problem): string {
  return `${p.path}: ${p.message}`;
}
