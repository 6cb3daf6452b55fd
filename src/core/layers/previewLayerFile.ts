// what a planner sees of a layer file before uploading it: its columns (CSV header or GeoJSON property names), the
// first rows, and the values of a column (for the category → theme step). The server still checks everything.
import { parseCsvRows } from './parseCsvRows.ts';
import type { LayerFormat } from './layerTypes.ts';

export interface LayerFilePreview {
  format: LayerFormat;
  columns: string[];
  /** the first rows, each cell as text */
  rows: Record<string, string>[];
  count: number;
  /** every row's cells, for the category values (capped by `maxRows`) */
  all: Record<string, string>[];
}

const cell = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/**
 * The format a file is in: by its name's ending, else by its first character.
 * @example
 * layerFormatOf('assets.CSV', 'name,lon,lat') // => 'csv'
 * layerFormatOf('export', ' {"type":"FeatureCollection"}') // => 'geojson'
 */
export function layerFormatOf(fileName: string, text: string): LayerFormat {
  if (/\.csv$/i.test(fileName)) return 'csv';
  if (/\.(geo)?json$/i.test(fileName)) return 'geojson';
  return /^\uFEFF?\s*[[{]/.test(text) ? 'geojson' : 'csv';
}

/**
 * Columns and first rows of a CSV or GeoJSON layer file, or the reason it cannot be read at all.
 * @example
 * previewLayerFile('name;lat;lon\nLibrary;53,2;-0,1', 'csv', { shown: 5 })
 * // => { ok: true, value: { format: 'csv', columns: ['name', 'lat', 'lon'], rows: [{ name: 'Library', lat: '53,2', lon: '-0,1' }], count: 1, all: [...] } }
 */
export function previewLayerFile(text: string, format: LayerFormat, options: { shown?: number; maxRows?: number } = {}): { ok: true; value: LayerFilePreview } | { ok: false; message: string } {
  const shown = options.shown ?? 5;
  const maxRows = options.maxRows ?? 20_000;
  if (format === 'csv') {
    const parsed = parseCsvRows(text);
    if (!parsed.ok) return { ok: false, message: `line ${parsed.line}: ${parsed.message}` };
    const [header, ...rest] = parsed.rows;
    if (!header) return { ok: false, message: 'the file is empty' };
    const columns = header.fields.map((f) => f.trim());
    const all = rest.slice(0, maxRows).map((r) => Object.fromEntries(columns.map((c, i) => [c, r.fields[i] ?? ''])));
    return { ok: true, value: { format, columns, rows: all.slice(0, shown), count: rest.length, all } };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const features = (json as { features?: unknown } | null)?.features;
  if (!Array.isArray(features)) return { ok: false, message: 'not a GeoJSON FeatureCollection (no "features" list)' };
  const columns: string[] = [];
  const all = features.slice(0, maxRows).map((f) => {
    const properties = (f as { properties?: unknown } | null)?.properties;
    const record = properties && typeof properties === 'object' ? (properties as Record<string, unknown>) : {};
    for (const key of Object.keys(record)) if (!columns.includes(key)) columns.push(key);
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, cell(v)]));
  });
  return { ok: true, value: { format, columns, rows: all.slice(0, shown), count: features.length, all } };
}

/**
 * The distinct non-empty values of a column, in order of first appearance, at most `limit`.
 * @example
 * columnValues([{ type: 'Library' }, { type: 'Hall' }, { type: 'Library' }], 'type') // => ['Library', 'Hall']
 */
export function columnValues(rows: readonly Record<string, string>[], column: string, limit = 50): string[] {
  const seen = new Set<string>();
  for (const row of rows) {
    const v = (row[column] ?? '').trim();
    if (v !== '') seen.add(v);
    if (seen.size >= limit) break;
  }
  return [...seen];
}
