// writes pins out as GeoJSON (for GIS and re-import) and CSV (for spreadsheets, safe against formula injection).
import type { AreaCollection, PinFeature, PinProperties, Theme } from './types.ts';

const PROPERTY_ORDER: (keyof PinProperties)[] = ['id', 'kind', 'theme', 'title', 'note', 'sentiment', 'area', 'createdAt', 'updatedAt', 'author', 'supports', 'sessionId', 'response'];
/** the UTF-8 byte-order mark every CSV we write starts with, so spreadsheets read Welsh, Polish and Urdu text as UTF-8 */
export const CSV_BOM = '\uFEFF';
export const CSV_HEADER = ['id', 'kind', 'theme', 'theme_label', 'title', 'note', 'sentiment', 'area_id', 'area_name', 'longitude', 'latitude', 'created_at', 'updated_at', 'supports', 'response_status', 'response_text', 'response_at'] as const;

/** rounds to 7 decimals (about 1 cm), plenty for a pin and what RFC 7946 §11.2 suggests */
function round7(n: number): number {
  return Math.round(n * 1e7) / 1e7;
}

/**
 * Serialises pins as a pretty-printed RFC 7946 FeatureCollection with clean properties (no styling),
 * coordinates rounded to 7 decimals. parsePins reads it back. With `provenance`, the collection carries it as the
 * foreign member `coplan` (RFC 7946 §6.1), which GIS software and parsePins ignore.
 * WARNING: `author` (an anonymous device token) is included so a round trip keeps ownership; strip it before publishing openly.
 * @example
 * pinsToGeoJson([pin]) // => '{\n  "type": "FeatureCollection",\n  "features": [\n    {\n      "type": "Feature",\n      "id": "p1", …'
 */
export function pinsToGeoJson(pins: readonly PinFeature[], provenance?: object): string {
  const features = pins.map((pin) => {
    const properties: Record<string, unknown> = {};
    for (const key of PROPERTY_ORDER) {
      if (pin.properties[key] !== undefined) properties[key] = pin.properties[key];
    }
    const [lng, lat] = pin.geometry.coordinates;
    return { type: 'Feature', id: pin.id, geometry: { type: 'Point', coordinates: [round7(lng!), round7(lat!)] }, properties };
  });
  return `${JSON.stringify({ type: 'FeatureCollection', ...(provenance ? { coplan: provenance } : {}), features }, null, 2)}\n`;
}

/**
 * Serialises pins as RFC 4180 CSV (CRLF line ends, quoted where needed, UTF-8 with a byte-order mark) with theme
 * labels and area names looked up.
 * Text cells that a spreadsheet would run as a formula (starting with = + - @ tab or carriage return) get a leading '
 * (OWASP CSV injection advice). Numeric columns (longitude, latitude, supports) are written by us as plain numbers
 * and never prefixed, so -2.24 stays a number.
 * @example
 * pinsToCsv([pin], { themes, areas })
 * // => '\uFEFFid,kind,theme,theme_label,title,…\r\np1,asset,green,Green space,"Park, with pond",…,-2.24,53.48,…\r\n'
 */
export function pinsToCsv(pins: readonly PinFeature[], context: { themes: Theme[]; areas: AreaCollection }): string {
  const themeLabels = new Map(context.themes.map((t) => [t.id, t.label]));
  const areaNames = new Map(context.areas.features.map((a) => [String(a.id ?? a.properties.id), a.properties.name]));
  const rows = pins.map((pin) => {
    const p = pin.properties;
    const [lng, lat] = pin.geometry.coordinates;
    return [
      textCell(p.id),
      textCell(p.kind),
      textCell(p.theme),
      textCell(themeLabels.get(p.theme)),
      textCell(p.title),
      textCell(p.note),
      textCell(p.sentiment),
      textCell(p.area),
      textCell(areaNames.get(p.area)),
      numberCell(round7(lng!)),
      numberCell(round7(lat!)),
      textCell(p.createdAt),
      textCell(p.updatedAt),
      numberCell(p.supports),
      textCell(p.response?.status),
      textCell(p.response?.text),
      textCell(p.response?.at),
    ].join(',');
  });
  return CSV_BOM + [CSV_HEADER.join(','), ...rows].map((line) => `${line}\r\n`).join('');
}

/** a user-supplied text cell: neutralise formula starts, then quote per RFC 4180 */
export function textCell(value: string | undefined): string {
  if (value === undefined || value === '') return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function numberCell(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '' : String(value);
}
