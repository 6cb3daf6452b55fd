// pins as columns of typed arrays: the shape every fast aggregation loop reads.
import type { Feature } from 'geojson';
import type { Problem } from './types.ts';

/** Kind codes in PinTable.kind. Pins without a kind count as assets. */
export const KIND_ASSET = 0;
export const KIND_PRIORITY = 1;
/** The theme key for pins that have no properties.theme. */
export const NO_THEME = '(none)';
/** The session key for pins made online (no properties.sessionId): index 0 of PinTable.sessions. */
export const NO_SESSION = '';

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
  /** index into sessions; 0 = made online (no sessionId, or one that is not a non-empty string) */
  session: Uint16Array;
  /** NO_SESSION ('') first, then the workshop session ids, sorted */
  sessions: string[];
  /** properties.createdAt as epoch milliseconds, NaN when absent or unreadable; null when not read (options.time false) */
  time: Float64Array | null;
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

export interface PinTableOptions {
  /** read properties.createdAt (default true). Parsing dates is half the cost of loading, so skip it when no date filter is needed. */
  time?: boolean;
}

/**
 * Validates pins and turns them into typed columns. Throws PinInputError naming each bad feature
 * (first 20); features with a null geometry are skipped with a warning.
 * @example
 * const { table } = buildPinTable({ type: 'FeatureCollection', features: [
 *   { type: 'Feature', geometry: { type: 'Point', coordinates: [-2.24, 53.48] }, properties: { kind: 'priority', theme: 'green' } },
 * ] });
 * table.kind[0] // => KIND_PRIORITY
 * table.sessions // => [''] (no pin came from a workshop session)
 */
export function buildPinTable(pins: unknown, options: PinTableOptions = {}): { table: PinTable; warnings: Problem[] } {
  const readTime = options.time ?? true;
  if (!isObject(pins) || pins.type !== 'FeatureCollection' || !Array.isArray(pins.features)) {
    throw new PinInputError([{ path: '(root)', rule: 'not-a-feature-collection', message: 'pins must be a GeoJSON FeatureCollection with a "features" array' }]);
  }
  const features = pins.features as unknown[];
  const n = features.length;
  const lng = new Float64Array(n);
  const lat = new Float64Array(n);
  const kind = new Uint8Array(n);
  const seen = new Map<string, number>(); // theme -> provisional index, by first appearance
  const provisional = new Uint16Array(n);
  const sessionSeen = new Map<string, number>([[NO_SESSION, 0]]); // session id -> provisional index, by first appearance
  const sessionProvisional = new Uint16Array(n);
  const time = new Float64Array(readTime ? n : 0);
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
    const x = (g.coordinates as unknown[])[0];
    const y = (g.coordinates as unknown[])[1];
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
    if (t !== undefined && t !== null && (typeof t !== 'string' || (!(t.charCodeAt(0) > 32) && t.trim() === ''))) {
      errors.push({ feature: i, path: `${path}.properties.theme`, rule: 'invalid-theme', message: 'theme must be a non-empty string' });
      continue;
    }
    lng[rows] = x;
    lat[rows] = y;
    kind[rows] = k === 'priority' ? KIND_PRIORITY : KIND_ASSET;
    const id = typeof t === 'string' ? t : NO_THEME;
    let ti = seen.get(id);
    if (ti === undefined) {
      if (seen.size === 65_535) throw new PinInputError([{ path: 'features', rule: 'too-many-themes', message: 'more than 65535 distinct themes' }]);
      seen.set(id, (ti = seen.size));
    }
    provisional[rows] = ti;
    // WARNING: a sessionId that is not a non-empty string is not an error: the pin counts as made online
    const sid = props.sessionId;
    if (typeof sid === 'string' && sid !== NO_SESSION) {
      let si = sessionSeen.get(sid);
      if (si === undefined) {
        if (sessionSeen.size === 65_535) throw new PinInputError([{ path: 'features', rule: 'too-many-sessions', message: 'more than 65534 distinct workshop sessions' }]);
        sessionSeen.set(sid, (si = sessionSeen.size));
      }
      sessionProvisional[rows] = si;
    }
    if (readTime) time[rows] = typeof props.createdAt === 'string' ? parseIsoTime(props.createdAt) : NaN;
    feature[rows] = i;
    rows++;
  }
  if (errors.length) throw new PinInputError(errors);
  const themes = [...seen.keys()].sort();
  const sortedIndex = new Uint16Array(seen.size);
  for (const [id, ti] of seen) sortedIndex[ti] = themes.indexOf(id);
  const theme = new Uint16Array(rows);
  for (let r = 0; r < rows; r++) theme[r] = sortedIndex[provisional[r]!]!;
  // '' sorts before every other string, so "online" stays at index 0
  const sessions = [...sessionSeen.keys()].sort();
  const session = new Uint16Array(rows);
  if (sessions.length > 1) {
    const sessionIndex = new Uint16Array(sessionSeen.size);
    for (const [id, si] of sessionSeen) sessionIndex[si] = sessions.indexOf(id);
    for (let r = 0; r < rows; r++) session[r] = sessionIndex[sessionProvisional[r]!]!;
  }
  const table: PinTable = {
    length: rows,
    lng: lng.slice(0, rows),
    lat: lat.slice(0, rows),
    kind: kind.slice(0, rows),
    theme,
    themes,
    session,
    sessions,
    time: readTime ? time.slice(0, rows) : null,
    feature: feature.slice(0, rows),
  };
  return { table, warnings };
}

const DIGITS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22];
const two = (s: string, i: number): number => (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48;

/**
 * Date.parse, with a fast path for the canonical "YYYY-MM-DDTHH:MM:SS.sssZ" that toISOString writes
 * (Date.parse was most of the cost of loading 100k pins). Anything unusual goes to Date.parse.
 * @example
 * parseIsoTime('2025-03-01T12:00:00.000Z') // => 1740830400000
 */
export function parseIsoTime(s: string): number {
  if (s.length !== 24 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58 || s.charCodeAt(19) !== 46 || s.charCodeAt(23) !== 90) {
    return Date.parse(s);
  }
  for (let j = 0; j < DIGITS.length; j++) {
    if ((s.charCodeAt(DIGITS[j]!) - 48) >>> 0 > 9) return Date.parse(s);
  }
  const month = two(s, 5);
  const day = two(s, 8);
  const hour = two(s, 11);
  const minute = two(s, 14);
  const second = two(s, 17);
  // days past 28 and out-of-range fields are Date.parse's business (it rejects some, rolls none over)
  if (month < 1 || month > 12 || day < 1 || day > 28 || hour > 23 || minute > 59 || second > 59) return Date.parse(s);
  // days from 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil), exact in doubles
  const y = two(s, 0) * 100 + two(s, 2) - (month <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const days = era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
  const millis = (s.charCodeAt(20) - 48) * 100 + two(s, 21);
  return days * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + millis;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
