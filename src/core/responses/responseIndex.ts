// every pin of a consultation as a row of words, prepared once so filtering, sorting and paging 100k of them stays quick.
import type { AreaCollection, PinFeature, PinKind, Theme } from '../types.ts';
import type { ResponseFilter, ResponseQuery, ResponseSortKey, SortDirection } from './responseQuery.ts';

/** one pin as the explorer shows it: its words, where it is and what happened to it */
export interface ResponseRow {
  id: string;
  kind: PinKind;
  theme: string;
  themeLabel: string;
  title: string;
  note: string | null;
  sentiment: string | null;
  area: string;
  areaName: string | null;
  createdAt: string;
  supports: number;
  /** the planners' answer status (`properties.response.status`), null until one is given */
  status: string | null;
  hidden: boolean;
  hiddenReason: string | null;
  /** [lng, lat] */
  position: [number, number];
}

export interface ResponseIndex {
  rows: readonly ResponseRow[];
  /** the pins the rows came from, in the same order (exports write these) */
  pins: readonly PinFeature[];
  /** per row: title, note, theme label and area name, folded for search */
  search: readonly string[];
  /** per row: createdAt in ms, NaN when unreadable */
  times: Float64Array;
}

export interface ResponsePage {
  /** how many pins match the filter (all pages) */
  total: number;
  offset: number;
  rows: ResponseRow[];
}

/** a pin as it may come from the server: with moderation fields and, later, an answer */
type ExplorablePin = PinFeature & { properties: { hidden?: boolean; hiddenReason?: string | null; response?: unknown } };

/**
 * Lower-cases and strips accents and repeated spaces, so "Ysgol Gymraeg", "YSGOL" and "ysgol" match, and "Łąka" matches "laka".
 * @example
 * foldForSearch('  Łąka  Żółta ') // => 'laka zolta'
 */
export function foldForSearch(text: string): string {
  // Ł/ł has no decomposition in Unicode, so it is mapped by hand
  return text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[Łł]/g, 'l').toLocaleLowerCase('und').replace(/\s+/g, ' ').trim();
}

function statusOf(response: unknown): string | null {
  if (typeof response !== 'object' || response === null) return null;
  const status = (response as { status?: unknown }).status;
  return typeof status === 'string' && status !== '' ? status : null;
}

/**
 * Prepares the rows, search text and times of every pin once; themes and areas give the labels and names.
 * @example
 * const index = buildResponseIndex(pins, { themes, areas });
 * index.rows[0].areaName // => 'East Ward'
 */
export function buildResponseIndex(pins: readonly ExplorablePin[], context: { themes: readonly Theme[]; areas: AreaCollection }): ResponseIndex {
  const themeLabels = new Map(context.themes.map((t) => [t.id, t.label]));
  const areaNames = new Map(context.areas.features.map((a) => [String(a.properties.id ?? a.id), a.properties.name]));
  const rows: ResponseRow[] = [];
  const search: string[] = [];
  const times = new Float64Array(pins.length);
  pins.forEach((pin, i) => {
    const p = pin.properties;
    const [lng, lat] = pin.geometry.coordinates;
    const row: ResponseRow = {
      id: pin.id,
      kind: p.kind,
      theme: p.theme,
      themeLabel: themeLabels.get(p.theme) ?? p.theme,
      title: p.title,
      note: p.note ?? null,
      sentiment: p.sentiment ?? null,
      area: p.area,
      areaName: areaNames.get(p.area) ?? null,
      createdAt: p.createdAt,
      supports: p.supports ?? 0,
      status: statusOf(p.response),
      hidden: p.hidden === true,
      hiddenReason: p.hiddenReason ?? null,
      position: [lng!, lat!],
    };
    rows.push(row);
    search.push(foldForSearch([row.title, row.note ?? '', row.themeLabel, row.areaName ?? ''].join('\n')));
    times[i] = Date.parse(p.createdAt);
  });
  return { rows, pins, search, times };
}

const DAY_MS = 86_400_000;
const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);

/**
 * The indices of the rows that pass the filter, in index order. Dates are whole UTC days, both ends inclusive; a pin
 * without a readable date drops out of any date filter. Every word of the text must appear (in any order). The answer
 * filter keeps the unanswered pins or those with one status; the bbox keeps the pins inside it, edges included.
 * @example
 * selectResponses(index, { ...NO_RESPONSE_FILTER, kind: 'priority', text: 'crossing' }) // => [3, 17]
 */
export function selectResponses(index: ResponseIndex, filter: ResponseFilter): number[] {
  const themes = filter.themes ? new Set(filter.themes) : null;
  const from = filter.from ? dayMs(filter.from) : -Infinity;
  const to = filter.to ? dayMs(filter.to) + DAY_MS : Infinity;
  const byDate = filter.from !== null || filter.to !== null;
  const words = foldForSearch(filter.text).split(' ').filter((w) => w !== '');
  const answer = filter.answer ?? null;
  const bbox = filter.bbox ?? null;
  const out: number[] = [];
  const { rows, search, times } = index;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (filter.moderation === 'visible' ? row.hidden : filter.moderation === 'hidden' ? !row.hidden : false) continue;
    if (filter.area !== null && row.area !== filter.area) continue;
    if (themes && !themes.has(row.theme)) continue;
    if (filter.kind !== null && row.kind !== filter.kind) continue;
    if (byDate && !(times[i]! >= from && times[i]! < to)) continue;
    if (answer !== null && (answer === 'unanswered' ? row.status !== null : row.status !== answer)) continue;
    if (bbox !== null && !(row.position[0] >= bbox[0] && row.position[0] <= bbox[2] && row.position[1] >= bbox[1] && row.position[1] <= bbox[3])) continue;
    if (words.length > 0 && !words.every((w) => search[i]!.includes(w))) continue;
    out.push(i);
  }
  return out;
}

const collator = new Intl.Collator('und', { sensitivity: 'base', numeric: true });

function compareBy(index: ResponseIndex, key: ResponseSortKey): (a: number, b: number) => number {
  const { rows, times } = index;
  switch (key) {
    case 'createdAt':
      // undated pins sort as the oldest
      return (a, b) => (Number.isNaN(times[a]!) ? -Infinity : times[a]!) - (Number.isNaN(times[b]!) ? -Infinity : times[b]!);
    case 'supports':
      return (a, b) => rows[a]!.supports - rows[b]!.supports;
    case 'title':
      return (a, b) => collator.compare(rows[a]!.title, rows[b]!.title);
    case 'theme':
      return (a, b) => collator.compare(rows[a]!.themeLabel, rows[b]!.themeLabel);
    case 'kind':
      return (a, b) => collator.compare(rows[a]!.kind, rows[b]!.kind);
    case 'area':
      return (a, b) => collator.compare(rows[a]!.areaName ?? rows[a]!.area, rows[b]!.areaName ?? rows[b]!.area);
    case 'status':
      // pins without an answer come first going up, last going down
      return (a, b) => collator.compare(rows[a]!.status ?? '', rows[b]!.status ?? '');
  }
}

/**
 * A sorted copy of `selected` (row indices): by the key, then newest first, then by id, so equal keys keep one order
 * on every page and on every server. Does not change `selected`.
 * @example
 * sortResponses(index, [0, 1, 2], 'supports', 'desc') // => [2, 0, 1]
 */
export function sortResponses(index: ResponseIndex, selected: readonly number[], key: ResponseSortKey, dir: SortDirection): number[] {
  const by = compareBy(index, key);
  const sign = dir === 'asc' ? 1 : -1;
  const newest = compareBy(index, 'createdAt');
  const { rows } = index;
  return [...selected].sort((a, b) => sign * by(a, b) || newest(b, a) || (rows[a]!.id < rows[b]!.id ? -1 : rows[a]!.id > rows[b]!.id ? 1 : 0));
}

/**
 * One page of the rows that pass the query's filter, in its order, and how many pass in all.
 * @example
 * queryResponses(index, { ...DEFAULT_RESPONSE_QUERY, area: 'east', limit: 2 }) // => { total: 7, offset: 0, rows: [row, row] }
 */
export function queryResponses(index: ResponseIndex, query: ResponseQuery, sorted?: readonly number[]): ResponsePage {
  const order = sorted ?? sortResponses(index, selectResponses(index, query), query.sort, query.dir);
  return { total: order.length, offset: query.offset, rows: order.slice(query.offset, query.offset + query.limit).map((i) => index.rows[i]!) };
}
