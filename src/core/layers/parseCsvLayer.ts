// reads an uploaded CSV context layer (a header row, then one point per row in WGS84 longitude/latitude columns).
import type { Problem } from '../types.ts';
import { findKey, layerProperties } from './layerProperties.ts';
import { MAX_LAYER_ERRORS, MAX_LAYER_FEATURES } from './layerTypes.ts';
import type { LayerFeature, LayerMapping, LayerParse } from './layerTypes.ts';
import { capErrors } from './parseGeoJsonLayer.ts';
import { parseCsvRows } from './parseCsvRows.ts';

// WARNING: only longitude/latitude names: x/y or easting/northing are usually projected metres (British National Grid)
const LON_KEYS = ['lon', 'lng', 'long', 'longitude', 'dł', 'długość', 'hydred'];
const LAT_KEYS = ['lat', 'latitude', 'szer', 'szerokość', 'lledred'];

const refuse = (rule: string, message: string, path = '(root)'): LayerParse => ({ ok: false, errors: [{ path, rule, message }] });

/** a coordinate cell: a plain decimal, with a decimal comma accepted when the separator is ';' (Polish, Welsh Excel) */
function readNumber(cell: string, separator: ',' | ';'): number | null {
  const text = separator === ';' ? cell.trim().replace(/^(-?\d+),(\d+)$/, '$1.$2') : cell.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return null;
  return Number(text);
}

/**
 * All-or-nothing: every data row becomes a point feature `{ id, geometry, properties: { name, category, theme? } }`,
 * or the answer is every problem (up to 50), each naming the spreadsheet row (`row 3` is the second data row) and the
 * rule. Columns are found by common names (any case) unless the mapping names them.
 * @example
 * parseCsvLayer('name;category;lat;lon\nBiblioteka;kultura;52,23;21,01', { themeByCategory: { kultura: 'culture' } })
 * // => { ok: true, value: { type: 'FeatureCollection', features: [{ type: 'Feature', id: '1', geometry: { type: 'Point', coordinates: [21.01, 52.23] }, properties: { name: 'Biblioteka', category: 'kultura', theme: 'culture' } }] } }
 */
export function parseCsvLayer(text: string, mapping: LayerMapping = {}): LayerParse {
  if (typeof text !== 'string' || text.replace(/^\uFEFF/, '').trim() === '') return refuse('empty-file', 'the file is empty: expected a header row and data rows');
  const parsed = parseCsvRows(text);
  if (!parsed.ok) return refuse('invalid-csv', parsed.message, `line ${parsed.line}`);
  const [header, ...rows] = parsed.rows;
  const columns = header!.fields.map((f) => f.trim());
  const lonKey = findKey(columns, mapping.lon, LON_KEYS);
  const latKey = findKey(columns, mapping.lat, LAT_KEYS);
  if (lonKey === undefined || latKey === undefined) {
    const missing = [lonKey === undefined ? `longitude (${mapping.lon ?? LON_KEYS.join('/')})` : '', latKey === undefined ? `latitude (${mapping.lat ?? LAT_KEYS.join('/')})` : ''].filter(Boolean).join(' and ');
    return refuse('missing-coordinates-column', `the header has no ${missing} column; name them in mapping.lon and mapping.lat`, 'row 1');
  }
  for (const [field, key] of [['name', mapping.name], ['category', mapping.category]] as const) {
    if (key !== undefined && !columns.includes(key)) return refuse('unknown-column', `mapping.${field} names the column "${key}", which the header does not have`, 'row 1');
  }
  if (rows.length === 0) return refuse('no-features', 'the file has a header but no data rows');
  if (rows.length > MAX_LAYER_FEATURES) return refuse('too-many-features', `the file has ${rows.length} rows; at most ${MAX_LAYER_FEATURES}`);
  const lonAt = columns.indexOf(lonKey);
  const latAt = columns.indexOf(latKey);
  const errors: Problem[] = [];
  const features: LayerFeature[] = [];
  rows.forEach((row, i) => {
    if (errors.length > MAX_LAYER_ERRORS) return; // one past the cap, so capErrors can say there were more
    const path = `row ${i + 2}`;
    const where = { path, feature: i };
    if (row.fields.length !== columns.length) {
      errors.push({ ...where, rule: 'wrong-field-count', message: `${path} (line ${row.line}): has ${row.fields.length} fields; the header has ${columns.length}` });
      return;
    }
    const record = Object.fromEntries(columns.map((c, j) => [c, row.fields[j]!]));
    const lng = readNumber(row.fields[lonAt]!, parsed.separator);
    const lat = readNumber(row.fields[latAt]!, parsed.separator);
    if (lng === null || lat === null) {
      errors.push({ ...where, rule: 'invalid-coordinates', message: `${path}: ${lonKey} "${row.fields[lonAt]}" / ${latKey} "${row.fields[latAt]}" are not both numbers` });
    } else if (Math.abs(lng) > 180 || Math.abs(lat) > 90) {
      errors.push({ ...where, rule: 'out-of-range', message: `${path}: [${lng}, ${lat}] is outside longitude ±180 / latitude ±90 (projected coordinates, or the columns swapped?)` });
    }
    const { properties, problems } = layerProperties(record, mapping, where);
    errors.push(...problems);
    if (lng !== null && lat !== null) features.push({ type: 'Feature', id: String(i + 1), geometry: { type: 'Point', coordinates: [lng, lat] }, properties });
  });
  if (errors.length) return { ok: false, errors: capErrors(errors) };
  return { ok: true, value: { type: 'FeatureCollection', features } };
}
