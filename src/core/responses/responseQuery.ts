// the response explorer's query (filters, sort, page) and its one wire codec, used by the browser and the server alike.
import { RESPONSE_STATUSES } from '../dialogue/responseStatus.ts';
import type { ResponseStatus } from '../dialogue/responseStatus.ts';
import { PIN_KINDS } from '../types.ts';
import type { PinKind, Problem } from '../types.ts';

export const RESPONSE_SORT_KEYS = ['createdAt', 'title', 'theme', 'kind', 'area', 'supports', 'status'] as const;
export type ResponseSortKey = (typeof RESPONSE_SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';
/** which pins moderation leaves in: the visible ones (the default), the hidden ones, or both */
export const RESPONSE_MODERATION = ['visible', 'hidden', 'all'] as const;
export type ResponseModeration = (typeof RESPONSE_MODERATION)[number];
/** which pins the planners' answers leave in: those not answered yet, or those with one answer status */
export type ResponseAnswerFilter = 'unanswered' | ResponseStatus;
const ANSWER_FILTERS: readonly string[] = ['unanswered', ...RESPONSE_STATUSES];

/** what the explorer narrows the pins to; every field null (or '') leaves that filter off */
export interface ResponseFilter {
  /** one area's id */
  area: string | null;
  /** pins of any of these themes */
  themes: readonly string[] | null;
  kind: PinKind | null;
  /** inclusive UTC days, YYYY-MM-DD */
  from: string | null;
  to: string | null;
  /** words to find in the title, note, theme label or area name (case and accents ignored) */
  text: string;
  moderation: ResponseModeration;
  /** the planner's answer panel: pins by their answer (absent or null: any) */
  answer?: ResponseAnswerFilter | null;
  /** pins inside [west, south, east, north], edges included (absent or null: anywhere) */
  bbox?: readonly [number, number, number, number] | null;
}

export interface ResponseQuery extends ResponseFilter {
  sort: ResponseSortKey;
  dir: SortDirection;
  offset: number;
  limit: number;
}

export const RESPONSE_PAGE_SIZE = 50;
export const RESPONSE_PAGE_MAX = 500;
export const RESPONSE_TEXT_MAX = 200;

export const NO_RESPONSE_FILTER: ResponseFilter = { area: null, themes: null, kind: null, from: null, to: null, text: '', moderation: 'visible' };
export const DEFAULT_RESPONSE_QUERY: ResponseQuery = { ...NO_RESPONSE_FILTER, sort: 'createdAt', dir: 'desc', offset: 0, limit: RESPONSE_PAGE_SIZE };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (s: string) => DAY.test(s) && Number.isFinite(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/**
 * The query as URL search parameters, leaving out whatever is at its default (so a plain first page is `''`).
 * @example
 * responseQueryToSearch({ ...DEFAULT_RESPONSE_QUERY, kind: 'priority', themes: ['green', 'safety'] }) // => 'theme=green%2Csafety&kind=priority'
 */
export function responseQueryToSearch(query: Partial<ResponseQuery>): string {
  const q = { ...DEFAULT_RESPONSE_QUERY, ...query };
  const params = new URLSearchParams();
  if (q.area !== null) params.set('area', q.area);
  // WARNING: an empty theme list keeps no pin; `theme=` alone would read as no filter, so it goes as `theme=,`
  if (q.themes !== null) params.set('theme', q.themes.length ? q.themes.join(',') : ',');
  if (q.kind !== null) params.set('kind', q.kind);
  if (q.from !== null) params.set('from', q.from);
  if (q.to !== null) params.set('to', q.to);
  if (q.text.trim() !== '') params.set('q', q.text.trim());
  if (q.moderation !== 'visible') params.set('moderation', q.moderation);
  if (q.answer) params.set('answer', q.answer);
  if (q.bbox) params.set('bbox', q.bbox.join(','));
  if (q.sort !== DEFAULT_RESPONSE_QUERY.sort) params.set('sort', q.sort);
  if (q.dir !== DEFAULT_RESPONSE_QUERY.dir) params.set('dir', q.dir);
  if (q.offset !== 0) params.set('offset', String(q.offset));
  if (q.limit !== DEFAULT_RESPONSE_QUERY.limit) params.set('limit', String(q.limit));
  return params.toString();
}

export type ParsedResponseQuery = { ok: true; query: ResponseQuery } | { ok: false; problems: Problem[] };

function wholeNumber(value: string, name: string, min: number, max: number, problems: Problem[]): number | undefined {
  if (!/^\d{1,9}$/.test(value) || Number(value) < min || Number(value) > max) {
    problems.push({ path: name, rule: 'invalid-number', message: `${name} must be a whole number from ${min} to ${max}` });
    return undefined;
  }
  return Number(value);
}

/**
 * Reads a query from URL search parameters (as responseQueryToSearch writes them); each bad value is one problem.
 * @example
 * parseResponseQuery({ kind: 'priority', q: 'bench' }) // => { ok: true, query: { …DEFAULT_RESPONSE_QUERY, kind: 'priority', text: 'bench' } }
 * parseResponseQuery({ sort: 'colour' }).ok // => false
 */
export function parseResponseQuery(params: Readonly<Record<string, unknown>>): ParsedResponseQuery {
  const problems: Problem[] = [];
  const query: ResponseQuery = { ...DEFAULT_RESPONSE_QUERY };
  const text = (name: string): string | undefined => {
    const value = params[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') {
      problems.push({ path: name, rule: 'invalid-value', message: `${name} must be given once, as text` });
      return undefined;
    }
    return value;
  };
  const area = text('area');
  if (area !== undefined) {
    if (area.length < 1 || area.length > 200) problems.push({ path: 'area', rule: 'invalid-value', message: 'area must be an area id (1 to 200 characters)' });
    else query.area = area;
  }
  const theme = text('theme');
  if (theme !== undefined) {
    if (theme.length > 64 * 50) problems.push({ path: 'theme', rule: 'invalid-value', message: 'theme names too many themes' });
    else query.themes = theme.split(',').filter((t) => t !== '');
  }
  const kind = text('kind');
  if (kind !== undefined) {
    if ((PIN_KINDS as readonly string[]).includes(kind)) query.kind = kind as PinKind;
    else problems.push({ path: 'kind', rule: 'invalid-value', message: 'kind must be "asset" or "priority"' });
  }
  for (const name of ['from', 'to'] as const) {
    const day = text(name);
    if (day === undefined) continue;
    if (isDay(day)) query[name] = day;
    else problems.push({ path: name, rule: 'invalid-date', message: `${name} must be a day like 2026-04-01` });
  }
  if (query.from !== null && query.to !== null && query.from > query.to) problems.push({ path: 'from', rule: 'invalid-date', message: 'from is after to' });
  const q = text('q');
  if (q !== undefined) {
    if (q.length > RESPONSE_TEXT_MAX) problems.push({ path: 'q', rule: 'too-long', message: `q must be at most ${RESPONSE_TEXT_MAX} characters` });
    else query.text = q.trim();
  }
  const moderation = text('moderation');
  if (moderation !== undefined) {
    if ((RESPONSE_MODERATION as readonly string[]).includes(moderation)) query.moderation = moderation as ResponseModeration;
    else problems.push({ path: 'moderation', rule: 'invalid-value', message: `moderation must be one of ${RESPONSE_MODERATION.join(', ')}` });
  }
  const answer = text('answer');
  if (answer !== undefined) {
    if (ANSWER_FILTERS.includes(answer)) query.answer = answer as ResponseAnswerFilter;
    else problems.push({ path: 'answer', rule: 'invalid-value', message: `answer must be one of ${ANSWER_FILTERS.join(', ')}` });
  }
  const bbox = text('bbox');
  if (bbox !== undefined) {
    const n = bbox.split(',').map((part) => (part.trim() === '' ? NaN : Number(part)));
    const inRange = n.length === 4 && n.every(Number.isFinite) && n[0]! >= -180 && n[2]! <= 180 && n[1]! >= -90 && n[3]! <= 90;
    if (inRange && n[0]! <= n[2]! && n[1]! <= n[3]!) query.bbox = [n[0]!, n[1]!, n[2]!, n[3]!];
    else problems.push({ path: 'bbox', rule: 'invalid-bbox', message: 'bbox must be four numbers west,south,east,north in degrees, with west <= east and south <= north' });
  }
  const sort = text('sort');
  if (sort !== undefined) {
    if ((RESPONSE_SORT_KEYS as readonly string[]).includes(sort)) query.sort = sort as ResponseSortKey;
    else problems.push({ path: 'sort', rule: 'invalid-value', message: `sort must be one of ${RESPONSE_SORT_KEYS.join(', ')}` });
  }
  const dir = text('dir');
  if (dir !== undefined) {
    if (dir === 'asc' || dir === 'desc') query.dir = dir;
    else problems.push({ path: 'dir', rule: 'invalid-value', message: 'dir must be "asc" or "desc"' });
  }
  const offset = text('offset');
  if (offset !== undefined) query.offset = wholeNumber(offset, 'offset', 0, 100_000_000, problems) ?? 0;
  const limit = text('limit');
  if (limit !== undefined) query.limit = wholeNumber(limit, 'limit', 1, RESPONSE_PAGE_MAX, problems) ?? RESPONSE_PAGE_SIZE;
  return problems.length > 0 ? { ok: false, problems } : { ok: true, query };
}

/**
 * The filter part of a query (what an export applies and states), without sort and page.
 * @example
 * responseFilterOf({ ...DEFAULT_RESPONSE_QUERY, kind: 'asset', offset: 50 }) // => { …NO_RESPONSE_FILTER, kind: 'asset' }
 */
export function responseFilterOf(query: ResponseFilter): ResponseFilter {
  const { area, themes, kind, from, to, text, moderation, answer, bbox } = query;
  return { area, themes, kind, from, to, text, moderation, ...(answer ? { answer } : {}), ...(bbox ? { bbox } : {}) };
}
