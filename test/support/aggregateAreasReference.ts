// the slow, obviously-right Turf version of aggregation: the test oracle the fast path is checked against (tests and bench only).
import { bbox as turfBbox } from '@turf/bbox';
import { featureCollection } from '@turf/helpers';
import { hexGrid } from '@turf/hex-grid';
import { pointsWithinPolygon } from '@turf/points-within-polygon';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import { areasWithCounts, hexesWithCounts, type AggregateOptions, type AggregatedCollection, type HexAggregateOptions } from '../../src/core/aggregateAreas.ts';
import { checkAggregationAreas } from '../../src/core/aggregationAreasInput.ts';
import type { PinCounts, PinFilter } from '../../src/core/countPins.ts';
import { buildPinTable, NO_THEME } from '../../src/core/pinTable.ts';
import { suppressCount } from '../../src/core/smallCounts.ts';

/**
 * Same output as aggregateAreas, computed the naive way: @turf/points-within-polygon for each area over all
 * pins, the first area (input order) that contains a pin keeps it. Seconds at 100k pins: for tests and the benchmark.
 * @example
 * expect(aggregateAreas(areas, pins)).toEqual(aggregateAreasReference(areas, pins));
 */
export function aggregateAreasReference(areas: unknown, pins: unknown, options: AggregateOptions = {}): AggregatedCollection {
  const checked = checkAggregationAreas(areas);
  const { warnings } = buildPinTable(pins); // same validation and warnings as the fast path
  const pinFeatures = usablePins(pins as FeatureCollection<Point>);
  const owner = firstContaining(pinFeatures, checked.areas.features);
  const themes = themesOf(pinFeatures);
  const perArea = checked.areas.features.map(() => emptyCounts(themes));
  const outside = emptyCounts(themes);
  pinFeatures.forEach((pin, i) => {
    if (passes(pin, options.filter)) addPin(owner[i]! >= 0 ? perArea[owner[i]!]! : outside, pin);
  });
  return areasWithCounts(checked.areas, perArea, outside.total, [...checked.warnings, ...warnings], options.minCount);
}

/**
 * Same output as aggregateHexes, from Turf itself: hexGrid over the areas' bbox, then
 * points-within-polygon for each hexagon, first hexagon wins.
 * @example
 * expect(aggregateHexes(areas, pins, { cellMetres: 500 })).toEqual(aggregateHexesReference(areas, pins, { cellMetres: 500 }));
 */
export function aggregateHexesReference(areas: unknown, pins: unknown, options: HexAggregateOptions): AggregatedCollection<Polygon> {
  const checked = checkAggregationAreas(areas);
  const { warnings } = buildPinTable(pins);
  const pinFeatures = usablePins(pins as FeatureCollection<Point>);
  const box = turfBbox(checked.areas, { recompute: true });
  const grid = hexGrid(box, options.cellMetres / 1000);
  const owner = firstContaining(pinFeatures, grid.features);
  const themes = themesOf(pinFeatures);
  const perHex = grid.features.map(() => emptyCounts(themes));
  const outside = emptyCounts(themes);
  pinFeatures.forEach((pin, i) => {
    if (passes(pin, options.filter)) addPin(owner[i]! >= 0 ? perHex[owner[i]!]! : outside, pin);
  });
  const features = hexesWithCounts(perHex, (hex, properties) => ({ ...grid.features[hex]!, properties }), options.minCount);
  const outsideCount = options.minCount !== undefined && options.minCount > 1 ? suppressCount(outside.total, options.minCount) : outside.total;
  return { type: 'FeatureCollection', features, outside: outsideCount, warnings: [...checked.warnings, ...warnings].map((p) => `${p.path}: ${p.message}`) };
}

function usablePins(pins: FeatureCollection<Point>): Feature<Point>[] {
  return pins.features.filter((f) => f.geometry !== null);
}

/** Index of the first polygon (in order) whose points-within-polygon result holds each pin, or -1. */
function firstContaining(pins: Feature<Point>[], polygons: Feature[]): Int32Array {
  const owner = new Int32Array(pins.length).fill(-1);
  const position = new Map(pins.map((p, i) => [p, i]));
  const all = featureCollection(pins);
  polygons.forEach((polygon, a) => {
    if (!polygon.geometry) return;
    const within = pointsWithinPolygon(all, featureCollection([polygon]) as FeatureCollection<Polygon>);
    for (const pin of within.features) {
      const i = position.get(pin as Feature<Point>)!;
      if (owner[i] === -1) owner[i] = a;
    }
  });
  return owner;
}

function themesOf(pins: Feature<Point>[]): string[] {
  return [...new Set(pins.map((p) => themeOf(p)))].sort();
}

function themeOf(pin: Feature<Point>): string {
  const t = pin.properties?.theme;
  return typeof t === 'string' ? t : NO_THEME;
}

function emptyCounts(themes: string[]): PinCounts {
  return { total: 0, asset: 0, priority: 0, byTheme: Object.fromEntries(themes.map((t) => [t, { asset: 0, priority: 0 }])) };
}

function passes(pin: Feature<Point>, filter: PinFilter = {}): boolean {
  const kind = pin.properties?.kind === 'priority' ? 'priority' : 'asset';
  if (filter.kind && filter.kind !== 'both' && filter.kind !== kind) return false;
  if (filter.themes && !filter.themes.includes(themeOf(pin))) return false;
  if (filter.sessions) {
    // '' stands for pins made online, without a workshop session
    const sessionId = pin.properties?.sessionId;
    if (!filter.sessions.includes(typeof sessionId === 'string' ? sessionId : '')) return false;
  }
  if (filter.from !== undefined || filter.to !== undefined) {
    const created = pin.properties?.createdAt;
    const t = typeof created === 'string' ? Date.parse(created) : NaN;
    if (!(t >= (filter.from ?? -Infinity) && t < (filter.to ?? Infinity))) return false;
  }
  return true;
}

function addPin(c: PinCounts, pin: Feature<Point>): void {
  const kind = pin.properties?.kind === 'priority' ? 'priority' : 'asset';
  c.total++;
  c[kind]++;
  c.byTheme[themeOf(pin)]![kind]++;
}
