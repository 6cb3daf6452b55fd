// reads an exported pins file back in (all or nothing), re-deriving each pin's area from the current boundaries.
import './zodJitless.ts';
import { z } from 'zod/mini';
import { createAreaLocator } from './createAreaLocator.ts';
import { describe } from './checkAreaGeometry.ts';
import { parseJson } from './parseJson.ts';
import { storableText } from './storableText.ts';
import { lngLatSchema, pinFieldsSchema, zodProblems } from './validatePin.ts';
import type { AreaCollection, PinFeature, PinProperties, Problem, Theme, Validated } from './types.ts';

export interface PinImportContext {
  areas: AreaCollection;
  themes: Theme[];
  /** ISO 8601 time for pins without timestamps; defaults to the current time */
  now?: string;
  /** makes ids for pins without one; defaults to crypto.randomUUID */
  makeId?: () => string;
}

const MAX_ERRORS = 50;
const isoTime = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time such as "2025-03-01T12:00:00Z"' });
const optionalText = (what: string) =>
  z.optional(
    z.string({ error: `${what} must be text` }).check(z.trim(), z.minLength(1, `${what} must not be empty`), z.maxLength(128, `${what} must be at most 128 characters`), z.superRefine(storableText(what))),
  );

const importedPropertiesSchema = z.extend(pinFieldsSchema, {
  id: optionalText('id'),
  createdAt: z.optional(isoTime),
  updatedAt: z.optional(isoTime),
  author: optionalText('author'),
  supports: z.optional(z.number({ error: 'supports must be a number' }).check(z.int('supports must be a whole number'), z.gte(0, 'supports must not be negative'))),
  sessionId: optionalText('sessionId'),
});

/**
 * Parses a FeatureCollection of Point pins (the format pinsToGeoJson writes). Any stored `area` is ignored and
 * re-derived from `areas`; a pin outside every area, an unknown theme or any invalid field fails the whole import.
 * @example
 * parsePins(pinsToGeoJson(pins), { areas, themes }) // => { ok: true, value: pins, warnings: [] }
 * parsePins('{"type":"FeatureCollection","features":[]}', { areas, themes }) // => { ok: true, value: [], warnings: [] }
 */
export function parsePins(text: string, context: PinImportContext): Validated<PinFeature[]> {
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, errors: [parsed.error], warnings: [] };
  const root = parsed.value as { type?: unknown; features?: unknown } | null;
  if (typeof root !== 'object' || root === null || Array.isArray(root) || root.type !== 'FeatureCollection') {
    return { ok: false, errors: [{ path: '(root)', rule: 'invalid-root', message: 'expected a GeoJSON FeatureCollection of pins, as exported from Coplan' }], warnings: [] };
  }
  if (!Array.isArray(root.features)) {
    return { ok: false, errors: [{ path: 'features', rule: 'missing-features', message: `a FeatureCollection needs a "features" array, found ${describe(root.features)}` }], warnings: [] };
  }
  const locate = createAreaLocator(context.areas);
  const themeIds = new Set(context.themes.map((t) => t.id));
  const now = context.now ?? new Date().toISOString();
  const makeId = context.makeId ?? (() => globalThis.crypto.randomUUID());
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const pins: PinFeature[] = [];
  const ids = new Map<string, number>();
  let droppedZ = 0;

  root.features.forEach((raw: unknown, index) => {
    const path = `features[${index}]`;
    const feature = (typeof raw === 'object' && raw !== null ? raw : {}) as { type?: unknown; id?: unknown; geometry?: { type?: unknown; coordinates?: unknown } | null; properties?: unknown };
    if (feature.type !== 'Feature') {
      errors.push({ feature: index, path: `${path}.type`, rule: 'invalid-feature-type', message: `feature ${index} must have "type": "Feature", found ${describe(feature.type)}` });
      return;
    }
    if (feature.geometry?.type !== 'Point') {
      errors.push({ feature: index, path: `${path}.geometry`, rule: 'not-a-point', message: `feature ${index}: a pin's geometry must be a Point, found ${describe(feature.geometry?.type ?? feature.geometry)}` });
      return;
    }
    const position = lngLatSchema.safeParse(feature.geometry.coordinates);
    const properties = importedPropertiesSchema.safeParse(feature.properties);
    if (!position.success) errors.push(...zodProblems(position.error, `${path}.geometry.coordinates`, index).map((p) => ({ ...p, rule: 'invalid-position' })));
    if (!properties.success) errors.push(...zodProblems(properties.error, `${path}.properties`, index));
    if (!position.success || !properties.success) return;
    const [lng, lat, ...extra] = position.data;
    if (extra.length > 0) droppedZ++;
    const p = properties.data;
    const title = `feature ${index} ("${p.title}")`;
    if (!themeIds.has(p.theme)) {
      errors.push({ feature: index, path: `${path}.properties.theme`, rule: 'unknown-theme', message: `${title}: theme "${p.theme}" is not one of this map's themes` });
    }
    const area = locate([lng!, lat!]);
    if (area === null) {
      errors.push({ feature: index, path: `${path}.geometry.coordinates`, rule: 'outside-areas', message: `${title} at [${lng}, ${lat}] is outside every area of this map` });
    }
    const stored = typeof feature.id === 'string' || typeof feature.id === 'number' ? String(feature.id) : undefined;
    const id = p.id ?? stored ?? makeId();
    const first = ids.get(id);
    if (first !== undefined) {
      errors.push({ feature: index, path: `${path}.properties.id`, rule: 'duplicate-id', message: `${title} repeats the id "${id}" of feature ${first}` });
    }
    ids.set(id, index);
    if (area === null || errors.length > 0) return;
    const pin: PinProperties = { id, kind: p.kind, theme: p.theme, title: p.title, area, createdAt: p.createdAt ?? now, updatedAt: p.updatedAt ?? p.createdAt ?? now };
    if (p.note) pin.note = p.note;
    if (p.sentiment) pin.sentiment = p.sentiment;
    if (p.author) pin.author = p.author;
    if (p.supports !== undefined) pin.supports = p.supports;
    if (p.sessionId) pin.sessionId = p.sessionId;
    pins.push({ type: 'Feature', id, geometry: { type: 'Point', coordinates: [lng!, lat!] }, properties: pin });
  });

  if (droppedZ > 0) warnings.push({ path: 'features', rule: 'dropped-z', message: `${droppedZ} pins had a third (elevation) value; only longitude and latitude were kept` });
  if (errors.length > 0) {
    const shown = errors.length > MAX_ERRORS ? [...errors.slice(0, MAX_ERRORS), { path: '(root)', rule: 'too-many-errors', message: `${errors.length - MAX_ERRORS} more problems were found and not listed` }] : errors;
    return { ok: false, errors: shown, warnings };
  }
  return { ok: true, value: pins, warnings };
}
