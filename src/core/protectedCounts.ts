// small-count protection of whole planner answers (areas, hexes, weeks, clusters) and of the totals drawn from them.
import { pinCountsOf, type CountArrays, type PinCounts } from './countPins.ts';
import { isSuppressed, suppressSmallCounts, type PublishedCount, type PublishedCounts } from './smallCounts.ts';
import type { WeeklyCounts } from './weeklyCounts.ts';

/**
 * Count arrays as a protected answer carries them: every group (the outside group too) through suppressSmallCounts,
 * the published figures in `published` and each hidden cell 0 in the arrays, so the raw count never leaves.
 * @example
 * protectCountArrays(result.areas, 5).published?.[0]?.total // => 41 or { suppressed: true, lessThan: 5 }
 */
export function protectCountArrays(counts: CountArrays, k: number): CountArrays {
  const n = counts.nGroups + 1;
  const nThemes = counts.themes.length;
  const out: CountArrays = {
    nGroups: counts.nGroups,
    themes: counts.themes,
    total: new Uint32Array(n),
    asset: new Uint32Array(n),
    priority: new Uint32Array(n),
    byTheme: new Uint32Array(n * nThemes * 2),
    published: [],
  };
  const shown = (c: PublishedCount) => (isSuppressed(c) ? 0 : c);
  for (let g = 0; g < n; g++) {
    const p = suppressSmallCounts(pinCountsOf(counts, g), k);
    out.published!.push(p);
    out.total[g] = shown(p.total);
    out.asset[g] = shown(p.asset);
    out.priority[g] = shown(p.priority);
    counts.themes.forEach((t, i) => {
      out.byTheme[(g * nThemes + i) * 2] = shown(p.byTheme[t]!.asset);
      out.byTheme[(g * nThemes + i) * 2 + 1] = shown(p.byTheme[t]!.priority);
    });
  }
  return out;
}

/**
 * Parts of a total everyone knows (pins per week and the undated ones add up to the figure shown for all areas):
 * counts from 1 to k-1 become "fewer than k", and more parts are withheld until none of those can be worked out by
 * subtraction (exactly: each could still be two numbers). Where nothing is left to hide, it is withheld instead.
 * @example
 * suppressPartition([40, 3], 5) // => [{ suppressed: true }, { suppressed: true, lessThan: 5 }]
 * suppressPartition([40, 7], 5) // => [40, 7]
 */
export function suppressPartition(parts: readonly number[], k: number): PublishedCount[] {
  if (k <= 1) return parts.slice();
  const hidden = parts.map((v) => v > 0 && v < k);
  const small = hidden.slice();
  for (let round = 0; round <= parts.length; round++) {
    const sum = parts.reduce((s, v, i) => (hidden[i] ? s + v : s), 0);
    const m = small.filter(Boolean).length;
    const withheld = hidden.some((h, i) => h && !small[i]);
    // a "fewer than k" lies in 1..k-1; the hidden sum is known, so it lies in [sum - the others' most, sum - the others' least]
    const exposed = parts.findIndex((_, i) => {
      if (!small[i]) return false;
      const hi = Math.min(k - 1, sum - (m - 1));
      const lo = withheld ? 1 : Math.max(1, sum - (m - 1) * (k - 1));
      return hi - lo < 1;
    });
    if (exposed < 0) break;
    const open = parts.map((v, i) => i).filter((i) => !hidden[i] && parts[i]! > 0);
    open.sort((a, b) => parts[a]! - parts[b]! || a - b);
    if (open.length) hidden[open[0]!] = true;
    else small[exposed] = false;
  }
  return parts.map((v, i) => (!hidden[i] ? v : small[i] ? { suppressed: true, lessThan: k } : { suppressed: true }));
}

/** published week totals and undated pins of a protected answer */
export interface PublishedWeeks {
  weeks: PublishedCount[];
  undated: PublishedCount;
}

/**
 * The weekly chart of a protected answer: only each week's total (asset and priority sent as 0), through suppressPartition.
 * @example
 * protectWeeks(result.weeks, 5).published?.weeks[0] // => 12 or { suppressed: true, lessThan: 5 }
 */
export function protectWeeks(weeks: WeeklyCounts, k: number): WeeklyCounts {
  const totals = Array.from(weeks.asset, (a, w) => a + weeks.priority[w]!);
  const published = suppressPartition([...totals, weeks.undated], k);
  const n = totals.length;
  const undated = published[n]!;
  return {
    firstWeek: weeks.firstWeek,
    asset: Uint32Array.from(published.slice(0, n), (c) => (isSuppressed(c) ? 0 : c)),
    priority: new Uint32Array(n),
    undated: isSuppressed(undated) ? 0 : undated,
    published: { weeks: published.slice(0, n), undated },
  };
}

/**
 * The figures for all areas together, from per-group figures (the areas and the pins outside them): each one the plain
 * sum where every part is shown, else "at least" the sum of the shown parts (withheld when that is 0), since an exact
 * total beside the shown parts would give the hidden ones away by subtraction. Everything here is worked out from the
 * published figures alone, so it reveals nothing they do not.
 * @example
 * overallFromPublished([{ total: 9, asset: 9, priority: 0, byTheme: {} }, { total: { suppressed: true, lessThan: 5 }, asset: { suppressed: true, lessThan: 5 }, priority: 0, byTheme: {} }]).total
 * // => { suppressed: true, atLeast: 9 }
 */
export function overallFromPublished(groups: readonly PublishedCounts[]): PublishedCounts {
  const themes = Object.keys(groups[0]?.byTheme ?? {});
  const sum = (cells: readonly PublishedCount[]): PublishedCount => {
    let shown = 0;
    let hidden = false;
    for (const c of cells) {
      if (isSuppressed(c)) hidden = true;
      else shown += c;
    }
    if (!hidden) return shown;
    return shown > 0 ? { suppressed: true, atLeast: shown } : { suppressed: true };
  };
  const byTheme: PublishedCounts['byTheme'] = {};
  for (const t of themes) byTheme[t] = { asset: sum(groups.map((g) => g.byTheme[t]?.asset ?? 0)), priority: sum(groups.map((g) => g.byTheme[t]?.priority ?? 0)) };
  return { total: sum(groups.map((g) => g.total)), asset: sum(groups.map((g) => g.asset)), priority: sum(groups.map((g) => g.priority)), byTheme };
}

/** a cluster's published figures: its count and its per-theme mix */
export interface PublishedMark {
  count: PublishedCount;
  mix: PublishedCount[];
}

/**
 * A cluster's count and theme mix with small-count protection: the count is the sum of the mix, so a hidden theme is
 * never the count minus the shown ones (suppressSmallCounts over count = Σ mix).
 * @example
 * publishMark(12, [10, 2], 5) // => { count: 12, mix: [{ suppressed: true }, { suppressed: true, lessThan: 5 }] }
 */
export function publishMark(count: number, mix: readonly number[], k: number): PublishedMark {
  if (k <= 1) return { count, mix: mix.slice() };
  const byTheme: PinCounts['byTheme'] = {};
  mix.forEach((n, i) => (byTheme[String(i)] = { asset: n, priority: 0 }));
  // the mix as the asset column, so the one relation that matters (count = Σ mix) is the one checked
  const p = suppressSmallCounts({ total: count, asset: count, priority: 0, byTheme }, k);
  return { count: p.total, mix: mix.map((_, i) => p.byTheme[String(i)]!.asset) };
}
