// the slow, obviously-right Turf version of aggregation: the test oracle the fast path is checked against (tests and bench only).
// WARNING: it shares no code with src/core's aggregation (validation, counting, suppression, output shape): a bug
// there must not be copied here. Only Turf, and the published names ('(none)' for pins without a theme), are common.
import { bbox as turfBbox } from '@turf/bbox';
import { featureCollection } from '@turf/helpers';
import { hexGrid } from '@turf/hex-grid';
import { pointsWithinPolygon } from '@turf/points-within-polygon';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import type { AggregateOptions, AggregatedCollection, HexAggregateOptions } from '../../src/core/aggregateAreas.ts';
import type { PinCounts, PinFilter } from '../../src/core/countPins.ts';
import type { PublishedCount, PublishedCounts } from '../../src/core/smallCounts.ts';
import { referencePublish, referencePublishOne } from './smallCountsReference.ts';

const NO_THEME = '(none)';

/**
 * Same output as aggregateAreas, computed the naive way: @turf/points-within-polygon for each area over all
 * pins, the first area (input order) that contains a pin keeps it. Seconds at 100k pins: for tests and the benchmark.
 * Throws a plain Error for input aggregateAreas would refuse (its tests check those errors; this one only needs valid input).
 * @example
 * expect(aggregateAreas(areas, pins)).toEqual(aggregateAreasReference(areas, pins));
 */
export function aggregateAreasReference(areas: unknown, pins: unknown, options: AggregateOptions = {}): AggregatedCollection {
  const { collection, warnings: areaWarnings } = readAreas(areas);
  const { usable, warnings: pinWarnings } = readPins(pins);
  const owner = firstContaining(usable, collection.features);
  const themes = themesOf(usable);
  const perArea = collection.features.map(() => emptyCounts(themes));
  const outside = emptyCounts(themes);
  usable.forEach((pin, i) => {
    if (passes(pin, options.filter)) addPin(owner[i]! >= 0 ? perArea[owner[i]!]! : outside, pin);
  });
  const features = collection.features.map((f, i) => ({ ...f, properties: { ...(f.properties ?? {}), counts: publishAll(perArea[i]!, options.minCount) } }));
  return { ...collection, features, outside: publishTotal(outside.total, options.minCount), warnings: [...areaWarnings, ...pinWarnings] };
}

/**
 * Same output as aggregateHexes, from Turf itself: hexGrid over the areas' bbox, then
 * points-within-polygon for each hexagon, first hexagon wins.
 * @example
 * expect(aggregateHexes(areas, pins, { cellMetres: 500 })).toEqual(aggregateHexesReference(areas, pins, { cellMetres: 500 }));
 */
export function aggregateHexesReference(areas: unknown, pins: unknown, options: HexAggregateOptions): AggregatedCollection<Polygon> {
  const { collection, warnings: areaWarnings } = readAreas(areas);
  const { usable, warnings: pinWarnings } = readPins(pins);
  const box = turfBbox(collection, { recompute: true });
  const grid = hexGrid(box, options.cellMetres / 1000);
  const owner = firstContaining(usable, grid.features);
  const themes = themesOf(usable);
  const perHex = grid.features.map(() => emptyCounts(themes));
  const outside = emptyCounts(themes);
  usable.forEach((pin, i) => {
    if (passes(pin, options.filter)) addPin(owner[i]! >= 0 ? perHex[owner[i]!]! : outside, pin);
  });
  const features: Feature<Polygon>[] = [];
  perHex.forEach((c, hex) => {
    if (c.total > 0) features.push({ ...grid.features[hex]!, properties: { hex, counts: publishAll(c, options.minCount) } });
  });
  return { type: 'FeatureCollection', features, outside: publishTotal(outside.total, options.minCount), warnings: [...areaWarnings, ...pinWarnings] };
}

function publishAll(c: PinCounts, minCount: number | undefined): PinCounts | PublishedCounts {
  return minCount !== undefined && minCount > 1 ? referencePublish(c, minCount) : c;
}

function publishTotal(n: number, minCount: number | undefined): PublishedCount {
  return minCount !== undefined && minCount > 1 ? referencePublishOne(n, minCount) : n;
}

/** The areas as given, with a warning for each area that can hold no pin; anything that is not a valid area throws. */
function readAreas(input: unknown): { collection: FeatureCollection; warnings: string[] } {
  const collection = input as FeatureCollection;
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) throw new Error('reference: areas must be a FeatureCollection');
  const warnings: string[] = [];
  collection.features.forEach((f, i) => {
    const g = f.geometry;
    if (g === null) {
      warnings.push(`features[${i}].geometry: area has a null geometry; it is kept in the output with zero counts`);
      return;
    }
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') throw new Error(`reference: area ${i} is a ${g.type}`);
    const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
    if (rings.length === 0) warnings.push(`features[${i}].geometry: area geometry has no rings; it is kept in the output with zero counts`);
    for (const ring of rings) {
      const [first, last] = [ring[0], ring[ring.length - 1]];
      if (ring.length < 4 || first?.[0] !== last?.[0] || first?.[1] !== last?.[1]) throw new Error(`reference: area ${i} has an open or short ring`);
      for (const [x, y] of ring) if (!(Math.abs(x!) <= 180 && Math.abs(y!) <= 90)) throw new Error(`reference: area ${i} is not in longitude/latitude`);
    }
  });
  return { collection, warnings };
}

/** Pins with a geometry, and a warning for each without one; a pin that is not a valid Point throws. */
function readPins(input: unknown): { usable: Feature<Point>[]; warnings: string[] } {
  const collection = input as FeatureCollection;
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) throw new Error('reference: pins must be a FeatureCollection');
  const usable: Feature<Point>[] = [];
  const warnings: string[] = [];
  collection.features.forEach((f, i) => {
    if (f.geometry === null) {
      warnings.push(`features[${i}].geometry: pin has no geometry; skipped`);
      return;
    }
    if (f.geometry.type !== 'Point') throw new Error(`reference: pin ${i} is a ${f.geometry.type}`);
    const [x, y] = f.geometry.coordinates;
    if (!(Math.abs(x!) <= 180 && Math.abs(y!) <= 90)) throw new Error(`reference: pin ${i} is not in longitude/latitude`);
    const kind = f.properties?.kind;
    if (kind !== undefined && kind !== null && kind !== 'asset' && kind !== 'priority') throw new Error(`reference: pin ${i} has kind ${String(kind)}`);
    usable.push(f as Feature<Point>);
  });
  return { usable, warnings };
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
