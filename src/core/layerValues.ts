// what each area or hex shows on a planner layer, with small-count protection applied first.
import { pinCountsOf, type CountArrays, type PinCounts } from './countPins.ts';
import { publishedPriorityGap } from './priorityGap.ts';
import { overallFromPublished } from './protectedCounts.ts';
import { isSuppressed, suppressSmallCounts, type PublishedCount, type PublishedCounts } from './smallCounts.ts';

export type AreaMeasure = 'count' | 'density' | 'share';

/** A shown value: a number, withheld (lessThan set: "fewer than k"), or nothing to show (no pins). */
export type LayerValue =
  | { kind: 'value'; value: number }
  | { kind: 'suppressed'; lessThan?: number }
  | { kind: 'empty' };

const EMPTY: LayerValue = { kind: 'empty' };

function fromPublished(c: PublishedCount | number | null): LayerValue {
  if (c === null) return EMPTY;
  if (typeof c === 'number') return { kind: 'value', value: c };
  return c.lessThan !== undefined ? { kind: 'suppressed', lessThan: c.lessThan } : { kind: 'suppressed' };
}

/**
 * Published counts (small-count protected, see smallCounts.ts) of every group of count arrays.
 * k <= 1 publishes the raw counts.
 * @example
 * publishedGroupCounts(result.areas, 5)[0].total // => 41 or { suppressed: true, lessThan: 5 }
 */
export function publishedGroupCounts(counts: CountArrays, k: number): PublishedCounts[] {
  // a protected answer from the server brings its own published figures (its k, never lowered here)
  if (counts.published) return counts.published.slice(0, counts.nGroups);
  return Array.from({ length: counts.nGroups }, (_, g) => publish(pinCountsOf(counts, g), k));
}

/**
 * The figures for all groups together (the pins outside every group too). Protected (k > 1, or an answer the server
 * protected), it is added up from the published figures, "at least" where some are hidden (overallFromPublished),
 * so it never gives a hidden group away by subtraction.
 * @example
 * overallPublished(result.areas, 1).total // => all filtered pins
 */
export function overallPublished(counts: CountArrays, k: number): PublishedCounts {
  if (counts.published) return overallFromPublished(counts.published);
  if (k <= 1) return overallCounts(counts);
  return overallFromPublished(Array.from({ length: counts.nGroups + 1 }, (_, g) => publish(pinCountsOf(counts, g), k)));
}

/**
 * All filtered pins together (every group plus the pins outside every group), as plain counts.
 * @example
 * overallCounts(result.areas).total // => all filtered pins
 */
export function overallCounts(counts: CountArrays): PinCounts {
  const all = pinCountsOf(counts, 0);
  const out: PinCounts = { total: 0, asset: 0, priority: 0, byTheme: {} };
  for (const t of Object.keys(all.byTheme)) out.byTheme[t] = { asset: 0, priority: 0 };
  for (let g = 0; g <= counts.nGroups; g++) {
    const c = pinCountsOf(counts, g);
    out.total += c.total;
    out.asset += c.asset;
    out.priority += c.priority;
    for (const [t, v] of Object.entries(c.byTheme)) {
      out.byTheme[t]!.asset += v.asset;
      out.byTheme[t]!.priority += v.priority;
    }
  }
  return out;
}

/**
 * Small-count protection of one counts object; k <= 1 publishes it unchanged.
 * @example
 * publish({ total: 3, asset: 3, priority: 0, byTheme: {} }, 5).total // => { suppressed: true, lessThan: 5 }
 */
export function publish(c: PinCounts, k: number): PublishedCounts {
  return k > 1 ? suppressSmallCounts(c, k) : c;
}

/**
 * The choropleth value of each area: pin count, density per km² (areaKm2 from @turf/area) or share of
 * one theme (0..1). Anything computed from a withheld count is withheld.
 * @example
 * areaMeasureValues(published, [2.5], 'density')[0] // => { kind: 'value', value: 16.4 }
 */
export function areaMeasureValues(published: readonly PublishedCounts[], areaKm2: readonly number[], measure: AreaMeasure, shareTheme?: string): LayerValue[] {
  return published.map((c, i) => {
    if (c.total === 0) return EMPTY;
    if (isSuppressed(c.total)) return fromPublished(c.total);
    if (measure === 'count') return { kind: 'value', value: c.total };
    if (measure === 'density') {
      const km2 = areaKm2[i] ?? 0;
      return km2 > 0 ? { kind: 'value', value: c.total / km2 } : EMPTY;
    }
    const t = shareTheme ? c.byTheme[shareTheme] : undefined;
    if (!t) return { kind: 'value', value: 0 };
    if (isSuppressed(t.asset) || isSuppressed(t.priority)) return { kind: 'suppressed' };
    return { kind: 'value', value: (t.asset + t.priority) / c.total };
  });
}

/**
 * The priority gap of each area, (priorities − assets) / (priorities + assets) in [-1, 1], for one theme
 * or all ('all'); withheld when either count is withheld, empty when there are no pins.
 * @example
 * gapValues(published, 'all')[0] // => { kind: 'value', value: 0.25 }
 */
export function gapValues(published: readonly PublishedCounts[], theme: string): LayerValue[] {
  return published.map((c) => {
    const pair = theme === 'all' ? { asset: c.asset, priority: c.priority } : c.byTheme[theme];
    if (!pair) return EMPTY;
    return fromPublished(publishedPriorityGap(pair.asset, pair.priority));
  });
}

/**
 * The count of each hex (all of them, empty ones included) as its exported counts publish it: "fewer than k", or
 * withheld where the hex's kind and theme counts would otherwise give a small one away.
 * @example
 * hexValues(result.hexes, 5)[17] // => { kind: 'suppressed', lessThan: 5 }
 */
export function hexValues(counts: CountArrays, k: number): LayerValue[] {
  const out = new Array<LayerValue>(counts.nGroups);
  for (let h = 0; h < counts.nGroups; h++) {
    const n = counts.total[h]!;
    const sent = counts.published?.[h];
    if (sent) {
      out[h] = sent.total === 0 ? EMPTY : fromPublished(sent.total);
      continue;
    }
    // WARNING: the same suppression as the hex export, not suppressCount alone: a total shown here but withheld there would undo it
    out[h] = n === 0 ? EMPTY : fromPublished(k > 1 ? suppressSmallCounts(pinCountsOf(counts, h), k).total : n);
  }
  return out;
}

/**
 * The largest shown value, for the top of a sequential scale (0 when nothing is shown).
 * @example
 * maxValue([{ kind: 'value', value: 3 }, { kind: 'empty' }]) // => 3
 */
export function maxValue(values: readonly LayerValue[]): number {
  let max = 0;
  for (const v of values) if (v.kind === 'value' && v.value > max) max = v.value;
  return max;
}
