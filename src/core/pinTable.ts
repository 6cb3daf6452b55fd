// pins as columns of typed arrays: the shape every fast aggregation loop reads.
import type { Feature } from 'geojson';
import type { Problem } from './types.ts';

/** Kind codes in PinTable.kind. Pins without a kind count as assets. */
export const KIND_ASSET = 0;
export const KIND_PRIORITY = 1;
/** The theme key for pins that have no properties.theme. */
export const NO_THEME = '(none)';

export interface PinTable {
  length: number;
  lng: Float64Array;
  lat: Float64Array;
  /** KIND_ASSET or KIND_PRIORITY */
  kind: Uint8Array;
  /** index into themes */
  theme: Uint16Array;
  /** theme ids, sorted, so every output lists themes in the same order */
  themes: string[];
  /** properties.createdAt as epoch milliseconds, NaN when absent or unreadable */
  time: Float64Array;
  /** index of each row's feature in the input (features with a null geometry have no row) */
  feature: Int32Array;
}

export class PinInputError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`invalid pins: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    this.name = 'PinInputError';
  }
}

const MAX_ERRORS = 20;

/**
 * Validates pins and turns them into typed columns. Throws PinInputError naming each bad feature
 * (first 20); features with a null geometry are skipped with a warning.
 * @example
 * const { table } = buildPinTable({ type: 'FeatureCollection', features: [
 *   { type: 'Feature', geometry: { type: 'Point', coordinates: [-2.24, 53.48] }, properties: { kind: 'priority', theme: 'green' } },
 * ] });
 * table.kind[0] // => KIND_PRIORITY
 */
export function buildPinTable(pins: unknown): { table: PinTable; warnings: Problem[] } {
  if (!isObject(pins) || pins.type !== 'FeatureCollection' || !Array.isArray(pins.features)) {
    throw new PinInputError([{ path: '(root)', rule: 'not-a-feature-collection', message: 'pins must be a GeoJSON FeatureCollection with a "features" array' }]);
  }
  const features = pins.features as unknown[];
  const n = features.length;
  const lng = new Float64Array(n);
  const lat = new Float64Array(n);
  const kind = new Uint8Array(n);
  const themeIds: string[] = new Array(n);
  const time = new Float64Array(n);
  const feature = new Int32Array(n);
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  let rows = 0;
  for (let i = 0; i < n && errors.length < MAX_ERRORS; i++) {
    const f = features[i] as Feature;
    const path = `features[${i}]`;
    if (!isObject(f) || f.type !== 'Feature') {
      errors.push({ feature: i, path, rule: 'not-a-feature', message: 'each pin must be a GeoJSON Feature' });
      continue;
    }
    if (f.geometry === null) {
      warnings.push({ feature: i, path: `${path}.geometry`, rule: 'empty-geometry', message: 'pin has no geometry; skipped' });
      continue;
    }
    const g = f.geometry;
    if (!isObject(g) || g.type !== 'Point' || !Array.isArray(g.coordinates)) {
      errors.push({ feature: i, path: `${path}.geometry`, rule: 'not-a-point', message: `pin geometry must be a Point, got ${isObject(g) ? String(g.type) : typeof g}` });
      continue;
    }
    const [x, y] = g.coordinates as unknown[];
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
      errors.push({ feature: i, path: `${path}.geometry.coordinates`, rule: 'bad-position', message: 'position must be two finite numbers [longitude, latitude]' });
      continue;
    }
    if (x < -180 || x > 180 || y < -90 || y > 90) {
      errors.push({ feature: i, path: `${path}.geometry.coordinates`, rule: 'projected-coordinates', message: `position [${x}, ${y}] is not WGS84 longitude/latitude` });
      continue;
    }
    const props = isObject(f.properties) ? f.properties : {};
    const k = props.kind;
    if (k !== undefined && k !== null && k !== 'asset' && k !== 'priority') {
      errors.push({ feature: i, path: `${path}.properties.kind`, rule: 'invalid-kind', message: `kind must be "asset" or "priority", got ${JSON.stringify(k)}` });
      continue;
    }
    const t = props.theme;
    if (t !== undefined && t !== null && (typeof t !== 'string' || t.trim() === '')) {
      errors.push({ feature: i, path: `${path}.properties.theme`, rule: 'invalid-theme', message: 'theme must be a non-empty string' });
      continue;
    }
    lng[rows] = x;
    lat[rows] = y;
    kind[rows] = k === 'priority' ? KIND_PRIORITY : KIND_ASSET;
    themeIds[rows] = typeof t === 'string' ? t : NO_THEME;
    time[rows] = typeof props.createdAt === 'string' ? Date.parse(props.createdAt) : NaN;
    feature[rows] = i;
    rows++;
  }
  if (errors.length) throw new PinInputError(errors);
  const themes = [...new Set(themeIds.slice(0, rows))].sort();
  if (themes.length > 65_535) throw new PinInputError([{ path: 'features', rule: 'too-many-themes', message: 'more than 65535 distinct themes' }]);
  const themeIndex = new Map(themes.map((id, j) => [id, j]));
  const theme = new Uint16Array(rows);
  for (let r = 0; r < rows; r++) theme[r] = themeIndex.get(themeIds[r]!)!;
  const table: PinTable = {
    length: rows,
    lng: lng.slice(0, rows),
    lat: lat.slice(0, rows),
    kind: kind.slice(0, rows),
    theme,
    themes,
    time: time.slice(0, rows),
    feature: feature.slice(0, rows),
  };
  return { table, warnings };
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
