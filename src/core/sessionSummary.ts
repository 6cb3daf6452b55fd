// "what we heard": a session's pins counted by theme and neighbourhood, with the places raised most often.
import type { PinFeature, PinKind } from './types.ts';

export interface KindCounts {
  asset: number;
  priority: number;
  total: number;
}

export interface SummaryRow extends KindCounts {
  /** theme id or area id */
  id: string;
}

/** A theme raised in one neighbourhood, with how often and the notes people left. */
export interface TopItem {
  theme: string;
  area: string;
  count: number;
  notes: string[];
}

/** Words someone left on a pin, with what and where it was about. */
export interface SummaryQuote {
  pinId: string;
  note: string;
  theme: string;
  area: string;
}

export interface SessionSummary {
  sessionId: string;
  counts: KindCounts;
  byTheme: SummaryRow[];
  byArea: SummaryRow[];
  topPriorities: TopItem[];
  topAssets: TopItem[];
  /** notes quoted as people wrote them, kept apart by kind, oldest first */
  quotes: { asset: SummaryQuote[]; priority: SummaryQuote[] };
}

export interface SessionSummaryOptions {
  /** pins hidden by the facilitator are left out */
  hiddenIds?: ReadonlySet<string> | readonly string[];
  /** how many top items per kind (default 3) */
  top?: number;
  /** at most this many notes kept per top item (default 3) */
  notesPerItem?: number;
  /** at most this many quotes per kind (default 4) */
  quotes?: number;
}

const emptyCounts = (): KindCounts => ({ asset: 0, priority: 0, total: 0 });

function add(counts: KindCounts, kind: PinKind): void {
  counts[kind] += 1;
  counts.total += 1;
}

function rows(map: Map<string, KindCounts>): SummaryRow[] {
  return [...map.entries()]
    .map(([id, c]) => ({ id, ...c }))
    .sort((a, b) => b.total - a.total || b.priority - a.priority || a.id.localeCompare(b.id));
}

function topItems(pins: readonly PinFeature[], kind: PinKind, top: number, notesPerItem: number): TopItem[] {
  const groups = new Map<string, TopItem & { first: string }>();
  for (const pin of pins) {
    if (pin.properties.kind !== kind) continue;
    const { theme, area, note, createdAt } = pin.properties;
    const key = JSON.stringify([theme, area]);
    let group = groups.get(key);
    if (!group) {
      group = { theme, area, count: 0, notes: [], first: createdAt };
      groups.set(key, group);
    }
    group.count += 1;
    if (createdAt < group.first) group.first = createdAt;
    if (note && group.notes.length < notesPerItem) group.notes.push(note);
  }
  return [...groups.values()]
    // ties go to whatever was raised first in the session, then by ids so the order is stable
    .sort((a, b) => b.count - a.count || a.first.localeCompare(b.first) || a.theme.localeCompare(b.theme) || a.area.localeCompare(b.area))
    .slice(0, top)
    .map(({ theme, area, count, notes }) => ({ theme, area, count, notes }));
}

/**
 * Summarises the pins of one session (pins of other sessions and hidden pins are ignored). Rows are sorted by
 * total, then priorities, then id; top items group pins of one kind by theme and neighbourhood.
 * @example
 * const s = summariseSession(pins, 'session-1', { top: 2 });
 * s.counts // => { asset: 3, priority: 5, total: 8 }
 * s.topPriorities[0] // => { theme: 'transport-streets', area: 'old-town', count: 3, notes: ['Crossing by the school'] }
 * s.quotes.asset[0] // => { pinId: 'p4', note: 'The oak', theme: 'green-space', area: 'old-town' }
 */
export function summariseSession(pins: readonly PinFeature[], sessionId: string, options: SessionSummaryOptions = {}): SessionSummary {
  const top = options.top ?? 3;
  const notesPerItem = options.notesPerItem ?? 3;
  const quotes = options.quotes ?? 4;
  if (!Number.isInteger(top) || top < 0) throw new RangeError(`top must be a whole number >= 0, got ${top}`);
  if (!Number.isInteger(quotes) || quotes < 0) throw new RangeError(`quotes must be a whole number >= 0, got ${quotes}`);
  const hidden = new Set(options.hiddenIds ?? []);
  const mine = sessionPins(pins, sessionId, hidden);
  const counts = emptyCounts();
  const byTheme = new Map<string, KindCounts>();
  const byArea = new Map<string, KindCounts>();
  for (const pin of mine) {
    const { kind, theme, area } = pin.properties;
    add(counts, kind);
    if (!byTheme.has(theme)) byTheme.set(theme, emptyCounts());
    if (!byArea.has(area)) byArea.set(area, emptyCounts());
    add(byTheme.get(theme)!, kind);
    add(byArea.get(area)!, kind);
  }
  return {
    sessionId,
    counts,
    byTheme: rows(byTheme),
    byArea: rows(byArea),
    topPriorities: topItems(mine, 'priority', top, notesPerItem),
    topAssets: topItems(mine, 'asset', top, notesPerItem),
    quotes: { asset: quotesOf(mine, 'asset', quotes), priority: quotesOf(mine, 'priority', quotes) },
  };
}

function quotesOf(pins: readonly PinFeature[], kind: PinKind, max: number): SummaryQuote[] {
  const out: SummaryQuote[] = [];
  for (const pin of pins) {
    const note = pin.properties.note?.trim();
    if (pin.properties.kind !== kind || !note || out.length >= max) continue;
    out.push({ pinId: pin.id, note, theme: pin.properties.theme, area: pin.properties.area });
  }
  return out;
}

/**
 * The pins made in a session, oldest first, without hidden ones.
 * @example
 * sessionPins(pins, 'session-1', new Set(['p3'])).map((p) => p.id) // => ['p1', 'p2']
 */
export function sessionPins(pins: readonly PinFeature[], sessionId: string, hidden: ReadonlySet<string> = new Set()): PinFeature[] {
  return pins
    .filter((p) => p.properties.sessionId === sessionId && !hidden.has(p.id))
    .sort((a, b) => a.properties.createdAt.localeCompare(b.properties.createdAt) || a.id.localeCompare(b.id));
}
