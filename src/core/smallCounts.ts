// small-count protection (k-anonymity style suppression) for every published count.
import type { PinCounts } from './countPins.ts';
import { feasibleRanges, rangeSize } from './countIntervals.ts';

/**
 * The one marker used everywhere (map labels, tables, GeoJSON and CSV exports) in place of a number:
 * - `{ suppressed: true, lessThan: k }`: the true count is between 1 and k-1 ("fewer than k");
 * - `{ suppressed: true }`: withheld so that a count below k cannot be worked out from the others
 *   (complementary suppression). It says nothing about its own size: 0, below k or k and more.
 * - `{ suppressed: true, atLeast: n }`: a total over figures of which some are withheld: the sum of the shown ones.
 * Zero is published as 0: it singles out nobody.
 */
export interface SuppressedCount {
  suppressed: true;
  lessThan?: number;
  atLeast?: number;
}
export type PublishedCount = number | SuppressedCount;

export interface PublishedCounts {
  total: PublishedCount;
  asset: PublishedCount;
  priority: PublishedCount;
  byTheme: Record<string, { asset: PublishedCount; priority: PublishedCount }>;
}

export const DEFAULT_MIN_COUNT = 5;

/**
 * Whether a published count is withheld.
 * @example
 * isSuppressed({ suppressed: true, lessThan: 5 }) // => true
 */
export function isSuppressed(c: PublishedCount): c is SuppressedCount {
  return typeof c === 'object';
}

/**
 * Text for a published count in files and logs: the number, "<k" for fewer than k, "≥n" for at least n, "hidden" for withheld.
 * (Screens say why in words: src/ui/planner/formatPublished.ts.)
 * @example
 * formatPublishedCount({ suppressed: true, lessThan: 5 }) // => '<5'
 */
export function formatPublishedCount(c: PublishedCount): string {
  if (!isSuppressed(c)) return String(c);
  if (c.lessThan !== undefined) return `<${c.lessThan}`;
  return c.atLeast !== undefined ? `≥${c.atLeast}` : 'hidden';
}

/**
 * One count alone: a count from 1 to k-1 becomes `{ suppressed: true, lessThan: k }`.
 * @example
 * suppressCount(3, 5) // => { suppressed: true, lessThan: 5 }
 * suppressCount(0, 5) // => 0
 */
export function suppressCount(n: number, k: number): PublishedCount {
  return n > 0 && n < k ? { suppressed: true, lessThan: k } : n;
}

/**
 * Replaces counts from 1 to k-1 by "fewer than k", then withholds further counts so that no suppressed
 * count can be recovered from the published sums. The sums published inside one `counts` object are
 * total = asset + priority, asset = sum of byTheme[t].asset and priority = sum of byTheme[t].priority;
 * in each of them either nothing or at least two members end up suppressed (the extra one is the
 * smallest published non-zero part, else the sum), and then more until every count published as "fewer than k"
 * could, by exact reasoning over all three sums, still be at least two different numbers (where nothing is left
 * to hide, that count is published as withheld instead of "fewer than k").
 * WARNING: grand totals over several areas (or `outside` plus all areas) are further sums: publish
 * them from suppressed figures too, or not at all, or a single suppressed area could be recovered.
 * k <= 1 suppresses nothing.
 * @example
 * suppressSmallCounts({ total: 12, asset: 10, priority: 2, byTheme: { green: { asset: 10, priority: 2 } } }, 5)
 * // => { total: 12, asset: { suppressed: true }, priority: { suppressed: true, lessThan: 5 },
 * //      byTheme: { green: { asset: { suppressed: true }, priority: { suppressed: true, lessThan: 5 } } } }
 */
export function suppressSmallCounts(counts: PinCounts, k: number = DEFAULT_MIN_COUNT): PublishedCounts {
  const themes = Object.keys(counts.byTheme);
  // flat cells: 0 total, 1 asset, 2 priority, then per theme asset and priority
  const values = [counts.total, counts.asset, counts.priority];
  for (const t of themes) values.push(counts.byTheme[t]!.asset, counts.byTheme[t]!.priority);
  const hidden = values.map((v) => v > 0 && v < k);
  const relations: Array<{ sum: number; parts: number[] }> = [
    { sum: 0, parts: [1, 2] },
    { sum: 1, parts: themes.map((_, i) => 3 + i * 2) },
    { sum: 2, parts: themes.map((_, i) => 4 + i * 2) },
  ];
  // the smallest shown non-zero part, else the sum, else any shown part
  const nextToHide = (sum: number, parts: number[]): number | undefined => {
    const open = parts.filter((m) => !hidden[m]);
    const nonZero = open.filter((m) => values[m]! > 0).sort((a, b) => values[a]! - values[b]! || a - b);
    return nonZero[0] ?? (!hidden[sum] ? sum : open[0]);
  };
  // a published sum with a single hidden member gives it away by subtraction: hide one more member
  const pairUp = () => {
    for (let changed = true; changed; ) {
      changed = false;
      for (const { sum, parts } of relations) {
        const members = [sum, ...parts];
        if (members.filter((m) => hidden[m]).length !== 1) continue;
        const pick = nextToHide(sum, parts);
        if (pick === undefined) continue;
        hidden[pick] = true;
        changed = true;
      }
    }
  };
  // two hidden members are not always enough: "total 8, assets <5, priorities <5" says both are 4. Check every
  // "fewer than k" exactly and hide more beside it until each could be two numbers; where nothing is left to hide
  // ("assets <3" over "green <3" and "play <3" is 2), publish that one as withheld, which says nothing of its size.
  // WARNING: the unknown counts are bounded by cap only to keep the sets finite; a smaller cap only makes this more cautious.
  const small = hidden.slice();
  const cap = 2 * counts.total + 2 * k;
  pairUp();
  for (let rounds = 0; rounds <= 2 * values.length && small.includes(true); rounds++) {
    const feasible = feasibleRanges(values, hidden, small, k, cap);
    const exposed = values.findIndex((_, i) => small[i] && rangeSize(feasible[i]!) < 2);
    if (exposed < 0) break;
    const around = relations.filter(({ sum, parts }) => sum === exposed || parts.includes(exposed));
    const pick = around.map(({ sum, parts }) => nextToHide(sum, parts)).find((m) => m !== undefined);
    if (pick !== undefined) hidden[pick] = true;
    else small[exposed] = false;
    pairUp();
  }
  const publish = (i: number): PublishedCount => {
    if (!hidden[i]) return values[i]!;
    return small[i] ? { suppressed: true, lessThan: k } : { suppressed: true };
  };
  const byTheme: PublishedCounts['byTheme'] = {};
  themes.forEach((t, i) => (byTheme[t] = { asset: publish(3 + i * 2), priority: publish(4 + i * 2) }));
  return { total: publish(0), asset: publish(1), priority: publish(2), byTheme };
}
