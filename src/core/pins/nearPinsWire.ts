// the pins near a point (GET …/pins/near): its query and its answer, one codec for the server and the browser.
import '../zodJitless.ts';
import { z } from 'zod';
import { ASSETS_NEAR_METRES } from '../budget/projectPlaces.ts';
import { PIN_KINDS } from '../types.ts';
import type { LngLat, PinKind, Problem } from '../types.ts';

/** the widest circle one question may draw, in metres: a neighbourhood's, not a city's */
export const NEAR_RADIUS_MAX = 2000;
export const NEAR_LIMIT_DEFAULT = 50;
export const NEAR_LIMIT_MAX = 200;

export interface NearQuery {
  position: LngLat;
  /** metres */
  radius: number;
  kind: PinKind;
  limit: number;
}

/** one pin near the point: what a planner's list shows of it */
export interface NearPin {
  id: string;
  kind: PinKind;
  theme: string;
  title: string;
  /** [lng, lat] */
  position: LngLat;
  /** whole metres from the point */
  metres: number;
}

export interface NearAnswer {
  pins: NearPin[];
  /** more pins are within the radius than `limit` let through (the nearest came) */
  truncated: boolean;
}

/**
 * The query as URL search parameters (`lon`, `lat`, `radius`, `kind`, `limit`).
 * @example
 * nearQueryToSearch({ position: [-2.1, 53.4], radius: 300, kind: 'asset', limit: 5 }) // => 'lon=-2.1&lat=53.4&radius=300&kind=asset&limit=5'
 */
export function nearQueryToSearch(query: NearQuery): string {
  const [lon, lat] = query.position;
  return new URLSearchParams({ lon: String(lon), lat: String(lat), radius: String(query.radius), kind: query.kind, limit: String(query.limit) }).toString();
}

function numberParam(params: Readonly<Record<string, unknown>>, name: string, problems: Problem[], range: { min: number; max: number; whole?: boolean }, fallback?: number): number | undefined {
  const value = params[name];
  if (value === undefined && fallback !== undefined) return fallback;
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n) || n < range.min || n > range.max || (range.whole && !Number.isInteger(n))) {
    const what = range.whole ? 'a whole number' : 'a number';
    problems.push({ path: name, rule: value === undefined ? 'required' : 'invalid-number', message: `${name} must be ${what} from ${range.min} to ${range.max}` });
    return undefined;
  }
  return n;
}

/**
 * Reads the query from URL search parameters; `lon` and `lat` are required, `radius` defaults to 300 m, `kind` to
 * asset, `limit` to 50. Each bad or missing value is one problem.
 * @example
 * parseNearQuery({ lon: '-2.1', lat: '53.4' }) // => { ok: true, query: { position: [-2.1, 53.4], radius: 300, kind: 'asset', limit: 50 } }
 * parseNearQuery({ lon: 'NaN', lat: '53.4', radius: '1e9' }).ok // => false
 */
export function parseNearQuery(params: Readonly<Record<string, unknown>>): { ok: true; query: NearQuery } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const lon = numberParam(params, 'lon', problems, { min: -180, max: 180 });
  const lat = numberParam(params, 'lat', problems, { min: -90, max: 90 });
  const radius = numberParam(params, 'radius', problems, { min: 1, max: NEAR_RADIUS_MAX }, ASSETS_NEAR_METRES);
  const limit = numberParam(params, 'limit', problems, { min: 1, max: NEAR_LIMIT_MAX, whole: true }, NEAR_LIMIT_DEFAULT);
  const kind = params.kind ?? 'asset';
  if (typeof kind !== 'string' || !(PIN_KINDS as readonly string[]).includes(kind)) problems.push({ path: 'kind', rule: 'invalid-value', message: 'kind must be "asset" or "priority"' });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, query: { position: [lon!, lat!], radius: radius!, kind: kind as PinKind, limit: limit! } };
}

const answerSchema = z.object({
  pins: z.array(z.object({
    id: z.string().min(1),
    kind: z.enum(PIN_KINDS as [PinKind, ...PinKind[]]),
    theme: z.string(),
    title: z.string(),
    position: z.tuple([z.number(), z.number()]),
    metres: z.number().nonnegative(),
  })),
  truncated: z.boolean(),
});

/**
 * Reads the server's answer to GET …/pins/near, or says what is wrong with it.
 * @example
 * nearAnswerFromJson({ pins: [], truncated: false }) // => { ok: true, answer: { pins: [], truncated: false } }
 */
export function nearAnswerFromJson(json: unknown): { ok: true; answer: NearAnswer } | { ok: false; message: string } {
  const parsed = answerSchema.safeParse(json);
  if (parsed.success) return { ok: true, answer: parsed.data as NearAnswer };
  const first = parsed.error.issues[0];
  return { ok: false, message: `The pins-near answer is not valid at ${first?.path.join('.') || '(top)'}: ${first?.message ?? 'unknown'}` };
}
