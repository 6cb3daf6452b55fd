// area (and hex) layers for GIS: nested counts flattened into one integer column each, with a `_hidden` companion.
import type { Feature, FeatureCollection } from 'geojson';
import { CSV_BOM, textCell } from './exportPins.ts';
import type { PinCounts } from './countPins.ts';
import type { PublishedCount, PublishedCounts } from './smallCounts.ts';

/** what a flat column holds: GDAL reads numbers as Integer/Real, booleans as Integer(Boolean), the rest as String */
export type FlatValue = string | number | boolean | null;
export type FlatProperties = Record<string, FlatValue>;
export type FlatLayerCollection<M extends object = object> = FeatureCollection<Feature['geometry'], FlatProperties> & M;

export interface FlatLayerOptions {
  /** the consultation's theme ids, in its order: each gets `<theme>_asset` and `<theme>_priority` even with no pins */
  themes: readonly string[];
  /** more columns per feature, by feature index (e.g. the planner's layer value and fill); they come after the counts */
  extra?: ReadonlyArray<FlatProperties | undefined>;
}

/**
 * The count columns, in order: total, asset, priority, then each theme's asset and priority.
 * @example
 * countColumns(['green']) // => ['total', 'asset', 'priority', 'green_asset', 'green_priority']
 */
export function countColumns(themes: readonly string[]): string[] {
  return ['total', 'asset', 'priority', ...themes.flatMap((t) => [`${t}_asset`, `${t}_priority`])];
}

/** a JSON-able property as one flat value: nested objects and arrays become their JSON text */
function flatValue(v: unknown): FlatValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  return JSON.stringify(v);
}

function cell(c: PublishedCount | undefined): [number | null, boolean] {
  if (c === undefined) return [0, false];
  return typeof c === 'number' ? [c, false] : [null, true];
}

/**
 * Features carrying a nested `counts` property (aggregateAreas, areasWithCounts, hexesWithCounts; raw or
 * protected) as features with flat properties, geometry and id unchanged, inputs untouched: first the feature's own
 * properties (nested values as JSON text; one named like a count column is kept as `area_<name>`), then for each
 * count column its integer, or null where small-count protection hides it, and `<column>_hidden` (true exactly
 * there), then `options.extra`. Foreign members of the input (e.g. `outside`, `warnings`) are not copied.
 * @example
 * flatLayerFeatures({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: null,
 *   properties: { id: 'a1', name: 'Old Town', counts: { total: 7, asset: 7, priority: 0, byTheme: {} } } }] }, { themes: [] })
 *   .features[0].properties // => { id: 'a1', name: 'Old Town', total: 7, total_hidden: false, asset: 7, asset_hidden: false, priority: 0, priority_hidden: false }
 */
export function flatLayerFeatures(collection: FeatureCollection, options: FlatLayerOptions): FlatLayerCollection {
  const first = collection.features[0]?.properties as { counts?: PinCounts | PublishedCounts } | null | undefined;
  const themes = [...options.themes, ...Object.keys(first?.counts?.byTheme ?? {}).filter((t) => !options.themes.includes(t))];
  const columns = countColumns(themes);
  const reserved = new Set(columns.flatMap((c) => [c, `${c}_hidden`]));
  const features = collection.features.map((f, i) => {
    const { counts, ...own } = (f.properties ?? {}) as { counts?: PinCounts | PublishedCounts } & Record<string, unknown>;
    const properties: FlatProperties = {};
    for (const [key, value] of Object.entries(own)) properties[reserved.has(key) ? `area_${key}` : key] = flatValue(value);
    const cells: Array<PublishedCount | undefined> = [counts?.total, counts?.asset, counts?.priority, ...themes.flatMap((t) => [counts?.byTheme[t]?.asset, counts?.byTheme[t]?.priority])];
    columns.forEach((column, c) => {
      const [value, hidden] = cell(cells[c]);
      properties[column] = value;
      properties[`${column}_hidden`] = hidden;
    });
    Object.assign(properties, options.extra?.[i] ?? {});
    const out: Feature<Feature['geometry'], FlatProperties> = { type: 'Feature', geometry: f.geometry, properties };
    if (f.id !== undefined) out.id = f.id;
    return out;
  });
  return { type: 'FeatureCollection', features };
}

/** the columns of a flat layer: every property name, in order of first appearance */
function columnsOf(collection: FlatLayerCollection): string[] {
  const seen = new Set<string>();
  for (const f of collection.features) for (const key of Object.keys(f.properties ?? {})) seen.add(key);
  return [...seen];
}

function csvCell(v: FlatValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(Math.round(v * 1e6) / 1e6);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return textCell(v);
}

/**
 * A flat layer as CSV for spreadsheets and GIS (RFC 4180, CRLF, UTF-8 with a byte-order mark): one row per feature,
 * one column per property, no geometry (join it to the areas' GeoJSON by `id`). Numbers and booleans we wrote are
 * written bare; text (area names, theme ids in the header) is protected against spreadsheet formulas.
 * @example
 * flatLayerCsv(flatLayerFeatures(areas, { themes: ['green'] }))
 * // => '\uFEFFid,name,total,total_hidden,…\r\na1,Old Town,7,false,…\r\n'
 */
export function flatLayerCsv(collection: FlatLayerCollection): string {
  const columns = columnsOf(collection);
  const rows = collection.features.map((f) => columns.map((c) => csvCell(f.properties?.[c])).join(','));
  return CSV_BOM + [columns.map((c) => textCell(c)).join(','), ...rows].map((line) => `${line}\r\n`).join('');
}

/**
 * GDAL's `.csvt` sidecar for `flatLayerCsv`: each column's type, so QGIS/ogrinfo read counts as Integer and
 * `_hidden` as Integer(Boolean) even where every value of a column is empty. A column with any text or JSON is String;
 * with whole numbers only, Integer (Integer64 past 2^31); with other numbers, Real.
 * @example
 * flatLayerCsvt(flatLayerFeatures(areas, { themes: [] })) // => '"String","String","Integer","Integer(Boolean)",…\r\n'
 */
export function flatLayerCsvt(collection: FlatLayerCollection): string {
  const types = columnsOf(collection).map((c) => {
    const values = collection.features.map((f) => f.properties?.[c]).filter((v) => v !== null && v !== undefined);
    if (values.length > 0 && values.every((v) => typeof v === 'boolean')) return 'Integer(Boolean)';
    if (values.every((v) => typeof v === 'number')) {
      if (!values.every((v) => Number.isInteger(v))) return 'Real';
      return values.every((v) => Math.abs(v as number) < 2 ** 31) ? 'Integer' : 'Integer64';
    }
    return 'String';
  });
  return `${types.map((t) => `"${t}"`).join(',')}\r\n`;
}
