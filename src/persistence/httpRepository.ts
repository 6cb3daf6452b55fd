// typed client of the Coplan server's JSON API: every answer is validated, every failure is a NetworkError or an ApiRequestError.
import '../core/zodJitless.ts';
import { RESPONSE_STATUSES } from '../core/dialogue/responseStatus.ts';
import { z } from 'zod/mini';
import { PIN_KINDS, SENTIMENTS } from '../core/types.ts';
import type { AreaCollection, PinFeature, PinKind, PinProperties, Sentiment, Theme } from '../core/types.ts';
import { lngLatSchema } from '../core/validatePin.ts';
import { ApiRequestError, NetworkError } from './apiErrors.ts';

export { ApiRequestError, NetworkError, isTransient } from './apiErrors.ts';

/** A pin as the server shows it to this device: `mine` becomes `author: deviceToken`, moderation state is kept apart. */
export interface RemotePin {
  pin: PinFeature;
  hidden: boolean;
  hiddenReason?: string;
}

export interface PinPageQuery {
  /** [west, south, east, north] */
  bbox?: readonly [number, number, number, number];
  limit?: number;
  /** only this device's own pins */
  mine?: boolean;
}

export interface HttpRepositoryOptions {
  deviceToken: string;
  /** '' for the page's own origin */
  baseUrl?: string;
  /**
   * the API path of the consultation the pins, areas, themes, aggregates and events belong to, from consultationBase();
   * default '/api', the deprecated unscoped routes of the server's default consultation
   */
  consultationBase?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface ReplaceResponse {
  ok: true;
  count: number;
  reassigned?: number;
}

/** a JSON answer as it came, for callers that validate it themselves (staffApi) */
export interface RawAnswer {
  status: number;
  headers: Headers;
  json: unknown;
  text: string;
}

export interface HttpRepository {
  /** where this client's consultation lives in the API, e.g. '/api/consultations/park-2026' */
  readonly consultationBase: string;
  health(): Promise<{ ok: true; storage: 'sqlite' | 'postgres' }>;
  /** GET any API path and return its JSON unchecked: the caller validates it (e.g. the planner's aggregates) */
  getJson(path: string): Promise<unknown>;
  /** any request to any API path; refusals throw ApiRequestError, no answer NetworkError; `text` keeps a non-JSON answer */
  send(method: string, path: string, init?: { body?: unknown; text?: boolean }): Promise<RawAnswer>;
  getAreas(): Promise<AreaCollection>;
  getThemes(): Promise<Theme[]>;
  listPins(options?: { includeHidden?: boolean }): Promise<RemotePin[]>;
  /**
   * A part of the pins (all of them with an empty query): in a bbox, this device's own, at most `limit` (then
   * `truncated` says whether more matched), and the live-event id they were read at (null from an older server).
   */
  listPinsPage(query: PinPageQuery): Promise<{ pins: RemotePin[]; truncated: boolean; eventId: string | null }>;
  getPin(id: string): Promise<RemotePin>;
  /** POST …/pins with the pin's own id (and an Idempotency-Key): sending the same id or key again returns the same stored pin */
  createPin(pin: PinFeature, idempotencyKey: string): Promise<RemotePin & { replayed: boolean }>;
  updatePin(id: string, pin: PinFeature): Promise<RemotePin>;
  deletePin(id: string): Promise<void>;
  supportPin(id: string): Promise<{ added: boolean } & RemotePin>;
  /** DELETE …/support: takes this device's support back; `removed` is false when there was none to take */
  unsupportPin(id: string): Promise<{ removed: boolean } & RemotePin>;
  moderatePin(id: string, action: 'hide' | 'restore', reason: string): Promise<RemotePin>;
  replaceAreas(areas: AreaCollection): Promise<ReplaceResponse>;
  replaceThemes(themes: Theme[]): Promise<ReplaceResponse>;
  /** planners: every visible pin as a GeoJSON or CSV file's text */
  exportPins(format: 'geojson' | 'csv'): Promise<string>;
}

const remotePinSchema = z.object({
  type: z.literal('Feature'),
  id: z.string().check(z.minLength(1)),
  geometry: z.object({ type: z.literal('Point'), coordinates: lngLatSchema }),
  properties: z.object({
    id: z.string().check(z.minLength(1)),
    kind: z.enum(PIN_KINDS as [PinKind, ...PinKind[]]),
    theme: z.string().check(z.minLength(1)),
    title: z.string(),
    note: z.nullish(z.string()),
    sentiment: z.nullish(z.enum(SENTIMENTS as [Sentiment, ...Sentiment[]])),
    area: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    supports: z.nullish(z.number().check(z.int(), z.nonnegative())),
    sessionId: z.nullish(z.string()),
    mine: z.optional(z.boolean()),
    hidden: z.optional(z.boolean()),
    hiddenReason: z.nullish(z.string()),
    response: z.nullish(z.object({ status: z.enum(RESPONSE_STATUSES), text: z.string(), at: z.string() })),
  }),
});
const collectionSchema = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) });
const pageSchema = z.extend(collectionSchema, { truncated: z.optional(z.boolean()) });
const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.optional(z.unknown()) }) });
const healthSchema = z.object({ ok: z.literal(true), storage: z.enum(['sqlite', 'postgres']) });
const themeSchema = z.array(z.looseObject({ id: z.string(), label: z.string(), colour: z.string(), icon: z.string() }));
const replaceSchema = z.object({ ok: z.literal(true), areas: z.optional(z.number()), themes: z.optional(z.number()), reassigned: z.optional(z.number()) });

function invalidAnswer(what: string, error: z.core.$ZodError): ApiRequestError {
  const first = error.issues[0];
  return new ApiRequestError(502, 'invalid-response', `The server's answer to ${what} is not what the API promises (${first ? `${first.path.join('.')}: ${first.message}` : 'unknown shape'}).`);
}

/**
 * Reads one pin from the server into the app's shape.
 * @example
 * toRemotePin({ type: 'Feature', id: 'p1', geometry: { type: 'Point', coordinates: [-2, 53] }, properties: { …, mine: true } }, 'dev')
 * // => { pin: { …, properties: { …, author: 'dev' } }, hidden: false }
 */
export function toRemotePin(raw: unknown, deviceToken: string): RemotePin {
  const parsed = remotePinSchema.safeParse(raw);
  if (!parsed.success) throw invalidAnswer('a pin request', parsed.error);
  const { mine, hidden, hiddenReason, note, sentiment, supports, sessionId, response, ...rest } = parsed.data.properties;
  const properties: PinProperties = { ...rest, supports: supports ?? 0 };
  if (response) properties.response = response;
  if (note) properties.note = note;
  if (sentiment) properties.sentiment = sentiment;
  if (sessionId) properties.sessionId = sessionId;
  if (mine) properties.author = deviceToken;
  const [lng, lat] = parsed.data.geometry.coordinates;
  const pin: PinFeature = { type: 'Feature', id: parsed.data.id, geometry: { type: 'Point', coordinates: [lng!, lat!] }, properties };
  return hiddenReason ? { pin, hidden: hidden ?? false, hiddenReason } : { pin, hidden: hidden ?? false };
}

/** the editable fields of a pin as an API body; null clears an optional field on PATCH */
function pinBody(pin: PinFeature, forPatch: boolean): unknown {
  const p = pin.properties;
  const properties: Record<string, unknown> = { kind: p.kind, theme: p.theme, title: p.title };
  if (p.note !== undefined || forPatch) properties.note = p.note ?? null;
  if (p.sentiment !== undefined || forPatch) properties.sentiment = p.sentiment ?? null;
  if (p.sessionId && !forPatch) properties.sessionId = p.sessionId;
  const feature = { type: 'Feature', geometry: { type: 'Point', coordinates: [...pin.geometry.coordinates] }, properties };
  // a new pin keeps the id the device made for it: the server stores it under that id and answers a repeat with it
  return forPatch ? feature : { ...feature, id: pin.id };
}

/**
 * The API path of one consultation's pins, areas, themes, aggregates and live events.
 * @example
 * consultationBase('park-2026') // => '/api/consultations/park-2026'
 */
export function consultationBase(slug: string): string {
  return `/api/consultations/${encodeURIComponent(slug)}`;
}

/**
 * Creates the API client. All requests carry X-Device-Token; staff sessions ride on the server's httpOnly cookie.
 * @example
 * const api = createHttpRepository({ deviceToken: getDeviceToken() });
 * const { pin } = await api.createPin(draftPin, draftPin.id); // same key again => the same stored pin
 */
export function createHttpRepository(options: HttpRepositoryOptions): HttpRepository {
  const base = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  const timeoutMs = options.timeoutMs ?? 15_000;
  const token = options.deviceToken;
  const scope = options.consultationBase ?? '/api';

  async function request(method: string, path: string, init: { body?: unknown; headers?: Record<string, string>; timeoutMs?: number; text?: boolean } = {}): Promise<{ status: number; headers: Headers; json: unknown; text: string }> {
    const headers: Record<string, string> = { accept: 'application/json', 'x-device-token': token, ...init.headers };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        credentials: 'same-origin',
        cache: 'no-store',
        signal: AbortSignal.timeout(init.timeoutMs ?? timeoutMs),
      });
    } catch (error) {
      throw new NetworkError(`No answer from the server for ${method} ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const text = await response.text().catch(() => '');
    let json: unknown = undefined;
    if (text) {
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
    }
    if (!response.ok) {
      const body = errorSchema.safeParse(json);
      const retryAfter = Number(response.headers.get('retry-after'));
      if (body.success) {
        const { code, message, details } = body.data.error;
        throw new ApiRequestError(response.status, code, message, details, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined);
      }
      throw new ApiRequestError(response.status, `http-${response.status}`, `${method} ${path} failed with HTTP ${response.status}.`);
    }
    if (text && json === undefined && !init.text) throw new ApiRequestError(502, 'invalid-response', `The answer to ${method} ${path} is not JSON.`);
    return { status: response.status, headers: response.headers, json, text };
  }

  function parse<T>(schema: z.ZodMiniType<T>, value: unknown, what: string): T {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw invalidAnswer(what, parsed.error);
    return parsed.data;
  }
  const pinPath = (id: string) => `${scope}/pins/${encodeURIComponent(id)}`;

  return {
    consultationBase: scope,
    async getJson(path) {
      return (await request('GET', path)).json;
    },
    send(method, path, init = {}) {
      return request(method, path, init);
    },
    async health() {
      return parse(healthSchema, (await request('GET', '/api/health', { timeoutMs: Math.min(timeoutMs, 4000) })).json, 'GET /api/health');
    },
    async getAreas() {
      // the server validated areas with parseAreas when they were stored; the shape is checked here, the geometry trusted
      return parse(collectionSchema, (await request('GET', `${scope}/areas`)).json, 'GET …/areas') as unknown as AreaCollection;
    },
    async getThemes() {
      return parse(themeSchema, (await request('GET', `${scope}/themes`)).json, 'GET …/themes') as Theme[];
    },
    async listPins(filter = {}) {
      const query = filter.includeHidden ? '?includeHidden=true' : '';
      const body = parse(collectionSchema, (await request('GET', `${scope}/pins${query}`)).json, 'GET …/pins');
      return body.features.map((f) => toRemotePin(f, token));
    },
    async listPinsPage(query) {
      const params = new URLSearchParams();
      if (query.bbox) params.set('bbox', query.bbox.join(','));
      if (query.limit !== undefined) params.set('limit', String(query.limit));
      if (query.mine) params.set('mine', 'true');
      const res = await request('GET', `${scope}/pins${params.size ? `?${params}` : ''}`);
      const body = parse(pageSchema, res.json, 'GET …/pins');
      const eventId = res.headers.get('x-last-event-id');
      return { pins: body.features.map((f) => toRemotePin(f, token)), truncated: body.truncated ?? false, eventId: eventId && /^\d{1,20}$/.test(eventId) ? eventId : null };
    },
    async getPin(id) {
      return toRemotePin((await request('GET', pinPath(id))).json, token);
    },
    async createPin(pin, idempotencyKey) {
      const res = await request('POST', `${scope}/pins`, { body: pinBody(pin, false), headers: { 'idempotency-key': idempotencyKey } });
      return { ...toRemotePin(res.json, token), replayed: res.headers.get('idempotent-replayed') === 'true' };
    },
    async updatePin(id, pin) {
      return toRemotePin((await request('PATCH', pinPath(id), { body: pinBody(pin, true) })).json, token);
    },
    async deletePin(id) {
      await request('DELETE', pinPath(id));
    },
    async supportPin(id) {
      const res = await request('POST', `${pinPath(id)}/support`, { body: {} });
      const added = z.object({ added: z.boolean(), pin: z.unknown() }).safeParse(res.json);
      if (!added.success) throw invalidAnswer('POST …/support', added.error);
      return { added: added.data.added, ...toRemotePin(added.data.pin, token) };
    },
    async unsupportPin(id) {
      const res = await request('DELETE', `${pinPath(id)}/support`);
      const removed = z.object({ removed: z.boolean(), pin: z.unknown() }).safeParse(res.json);
      if (!removed.success) throw invalidAnswer('DELETE …/support', removed.error);
      return { removed: removed.data.removed, ...toRemotePin(removed.data.pin, token) };
    },
    async moderatePin(id, action, reason) {
      return toRemotePin((await request('POST', `${pinPath(id)}/${action}`, { body: { reason } })).json, token);
    },
    async replaceAreas(areas) {
      const body = parse(replaceSchema, (await request('PUT', `${scope}/areas`, { body: areas, timeoutMs: 120_000 })).json, 'PUT …/areas');
      return { ok: true, count: body.areas ?? areas.features.length, reassigned: body.reassigned ?? 0 };
    },
    async replaceThemes(themes) {
      const body = parse(replaceSchema, (await request('PUT', `${scope}/themes`, { body: themes })).json, 'PUT …/themes');
      return { ok: true, count: body.themes ?? themes.length };
    },
    async exportPins(format) {
      return (await request('GET', `${scope}/export/pins.${format}`, { text: true, timeoutMs: 120_000 })).text;
    },
  };
}
