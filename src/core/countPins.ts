// recounting pins per area or hex from ids assigned once, with the planner's filters.
import { KIND_PRIORITY, type PinTable } from './pinTable.ts';
import type { PublishedCounts } from './smallCounts.ts';
import type { PinKind } from './types.ts';

/** Which pins to count. Absent fields do not filter. */
export interface PinFilter {
  /** theme ids to keep */
  themes?: readonly string[];
  /** 'both' (default) or one kind */
  kind?: PinKind | 'both';
  /** keep pins created at or after this time (epoch ms); pins without a readable createdAt are then dropped */
  from?: number;
  /** keep pins created before this time (epoch ms, exclusive) */
  to?: number;
  /** workshop session ids to keep; '' (NO_SESSION) keeps the pins made online, which have no sessionId */
  sessions?: readonly string[];
}

/** A filter's theme, kind and session rules as lookup tables over a pin table's codes. */
export interface PinFilterMasks {
  /** per theme index: 1 to keep */
  themeOk: Uint8Array;
  /** per kind code: 1 to keep */
  kindOk: Uint8Array;
  /** per session index: 1 to keep; null when the filter does not look at sessions */
  sessionOk: Uint8Array | null;
}

/**
 * The theme, kind and session parts of a filter as per-code lookups, so every counting loop applies the same rules.
 * @example
 * const { sessionOk } = pinFilterMasks(table, { sessions: [''] });
 * sessionOk?.[0] // => 1 (index 0 is always "made online")
 */
export function pinFilterMasks(table: PinTable, filter: PinFilter): PinFilterMasks {
  const themeOk = new Uint8Array(table.themes.length);
  if (filter.themes) {
    const wanted = new Set(filter.themes);
    table.themes.forEach((t, i) => (themeOk[i] = wanted.has(t) ? 1 : 0));
  } else themeOk.fill(1);
  const kindOk = new Uint8Array([filter.kind === 'priority' ? 0 : 1, filter.kind === 'asset' ? 0 : 1]);
  let sessionOk: Uint8Array | null = null;
  if (filter.sessions) {
    const wanted = new Set(filter.sessions);
    sessionOk = new Uint8Array(table.sessions.length);
    table.sessions.forEach((s, i) => (sessionOk![i] = wanted.has(s) ? 1 : 0));
  }
  return { themeOk, kindOk, sessionOk };
}

/** Counts per group (area or hex) in typed arrays; group `n` is "in no group" (outside). */
export interface CountArrays {
  nGroups: number;
  themes: string[];
  /** pins per group; index nGroups holds the pins outside every group */
  total: Uint32Array;
  asset: Uint32Array;
  priority: Uint32Array;
  /** byTheme[(group * themes.length + theme) * 2 + kind] with kind 0 = asset, 1 = priority */
  byTheme: Uint32Array;
  /** set on answers with small-count protection (protectedCounts.ts): each group's published figures, hidden cells 0 above */
  published?: PublishedCounts[];
}

/** What one area or hex says, as plain JSON. */
export interface PinCounts {
  total: number;
  asset: number;
  priority: number;
  byTheme: Record<string, { asset: number; priority: number }>;
}

/**
 * Counts pins per group from ids assigned once (assignAreas / assignHexes; -1 = in no group), keeping only
 * pins that pass the filter. Linear in the number of pins, no geometry: this is what runs on a filter change.
 * @example
 * const counts = countByGroup(table, areaIds, areas.features.length, { kind: 'priority', themes: ['green'] });
 * counts.total[3] // => priorities about "green" in area 3
 * countByGroup(table, areaIds, areas.features.length, { sessions: [''] }).total[3] // => pins made online in area 3
 */
export function countByGroup(table: PinTable, ids: Int32Array, nGroups: number, filter: PinFilter = {}): CountArrays {
  if (ids.length !== table.length) throw new Error(`ids has ${ids.length} entries for ${table.length} pins`);
  const nThemes = table.themes.length;
  const byTheme = new Uint32Array((nGroups + 1) * nThemes * 2);
  const { themeOk, kindOk, sessionOk } = pinFilterMasks(table, filter);
  const from = filter.from ?? -Infinity;
  const to = filter.to ?? Infinity;
  const byTime = filter.from !== undefined || filter.to !== undefined;
  if (byTime && !table.time) throw new Error('a date filter needs a pin table built with times (buildPinTable(pins, { time: true }))');
  const { theme, kind, time, session } = table;
  const stride = nThemes * 2;
  const outsideBase = nGroups * stride;
  for (let p = 0; p < ids.length; p++) {
    const t = theme[p]!;
    const k = kind[p]!;
    if (!themeOk[t] || !kindOk[k]) continue;
    if (sessionOk && !sessionOk[session[p]!]) continue;
    // NaN times fail both comparisons, so undated pins drop out of any date filter
    if (byTime && !(time![p]! >= from && time![p]! < to)) continue;
    const g = ids[p]!;
    byTheme[(g < 0 || g >= nGroups ? outsideBase : g * stride) + t * 2 + k]!++;
  }
  const total = new Uint32Array(nGroups + 1);
  const asset = new Uint32Array(nGroups + 1);
  const priority = new Uint32Array(nGroups + 1);
  for (let g = 0; g <= nGroups; g++) {
    let a = 0;
    let pr = 0;
    for (let j = g * stride; j < (g + 1) * stride; j += 2) {
      a += byTheme[j]!;
      pr += byTheme[j + 1]!;
    }
    asset[g] = a;
    priority[g] = pr;
    total[g] = a + pr;
  }
  return { nGroups, themes: table.themes, total, asset, priority, byTheme };
}

/**
 * The counts of one group as plain JSON, every theme listed (zeros included) in sorted order.
 * Pass `counts.nGroups` for the pins outside every group.
 * @example
 * pinCountsOf(counts, 0) // => { total: 3, asset: 2, priority: 1, byTheme: { green: { asset: 2, priority: 1 } } }
 */
export function pinCountsOf(counts: CountArrays, group: number): PinCounts {
  const byTheme: PinCounts['byTheme'] = {};
  const stride = counts.themes.length * 2;
  counts.themes.forEach((t, i) => {
    byTheme[t] = { asset: counts.byTheme[group * stride + i * 2]!, priority: counts.byTheme[group * stride + i * 2 + KIND_PRIORITY]! };
  });
  return { total: counts.total[group]!, asset: counts.asset[group]!, priority: counts.priority[group]!, byTheme };
}
