// the planner dashboard's tables: per-area rows, top themes, theme bars and weeks, all from published counts.
import { publishedPriorityGap } from './priorityGap.ts';
import { suppressPartition } from './protectedCounts.ts';
import { isSuppressed, type PublishedCount, type PublishedCounts, type SuppressedCount } from './smallCounts.ts';
import type { WeeklyCounts } from './weeklyCounts.ts';

export interface AreaRow {
  index: number;
  id: string;
  name: string;
  total: PublishedCount;
  asset: PublishedCount;
  priority: PublishedCount;
  /** pins per km², withheld with the total */
  density: number | SuppressedCount | null;
  /** priority gap over all themes in [-1, 1]; null without pins */
  gap: number | null | SuppressedCount;
}

export type AreaSortKey = 'name' | 'total' | 'asset' | 'priority' | 'density' | 'gap';

/**
 * One row per area from its published counts.
 * @example
 * areaRows([{ id: 'a', name: 'Old Town' }], [published], [2])[0].density // => 20.5
 */
export function areaRows(areas: ReadonlyArray<{ id: string; name: string }>, published: readonly PublishedCounts[], areaKm2: readonly number[]): AreaRow[] {
  return areas.map((a, index) => {
    const c = published[index]!;
    const km2 = areaKm2[index] ?? 0;
    const density = isSuppressed(c.total) ? c.total : km2 > 0 ? c.total / km2 : null;
    return { index, id: a.id, name: a.name, total: c.total, asset: c.asset, priority: c.priority, density, gap: publishedPriorityGap(c.asset, c.priority) };
  });
}

/**
 * A sort key for a published figure that never orders withheld values by their hidden size:
 * "fewer than k" sorts as k/2 (between 0 and any published count), other withheld figures as k.
 * @example
 * publishedSortKey({ suppressed: true, lessThan: 5 }, 5) // => 2.5
 */
export function publishedSortKey(v: number | null | SuppressedCount, k: number): number {
  if (v === null) return -Infinity;
  if (typeof v === 'number') return v;
  return v.lessThan !== undefined ? v.lessThan / 2 : k;
}

/**
 * Rows sorted by a column (stable; names by locale), without changing the input.
 * @example
 * sortAreaRows(rows, 'total', 'desc', 5)[0].name // => the busiest area
 */
export function sortAreaRows(rows: readonly AreaRow[], key: AreaSortKey, direction: 'asc' | 'desc', k: number): AreaRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  const sorted = rows.slice();
  if (key === 'name') return sorted.sort((a, b) => sign * a.name.localeCompare(b.name) || a.index - b.index);
  // gaps can be withheld without a lessThan and lie in [-1, 1]: withheld sorts after every real gap
  const keyOf = (r: AreaRow) => (key === 'gap' && r.gap !== null && typeof r.gap === 'object' ? Infinity : publishedSortKey(r[key], k));
  return sorted.sort((a, b) => {
    const d = keyOf(a) - keyOf(b);
    return (Number.isNaN(d) ? 0 : sign * d) || a.index - b.index;
  });
}

export interface ThemeCount {
  theme: string;
  count: PublishedCount;
}

/**
 * Themes with the most pins of one kind (non-zero only), most first; withheld counts sort by publishedSortKey.
 * @example
 * topThemes(published, 'priority', 3, 5) // => [{ theme: 'safety', count: 40 }, ...]
 */
export function topThemes(counts: PublishedCounts, kind: 'asset' | 'priority', n: number, k: number): ThemeCount[] {
  return Object.entries(counts.byTheme)
    .map(([theme, c]) => ({ theme, count: c[kind] }))
    .filter((t) => t.count !== 0)
    .sort((a, b) => publishedSortKey(b.count, k) - publishedSortKey(a.count, k) || a.theme.localeCompare(b.theme))
    .slice(0, n);
}

export interface ThemeBar {
  theme: string;
  asset: PublishedCount;
  priority: PublishedCount;
}

/**
 * One bar per theme (in the counts' theme order), for the bar chart.
 * @example
 * themeBars(published)[0] // => { theme: 'community-spaces', asset: 12, priority: { suppressed: true, lessThan: 5 } }
 */
export function themeBars(counts: PublishedCounts): ThemeBar[] {
  return Object.entries(counts.byTheme).map(([theme, c]) => ({ theme, asset: c.asset, priority: c.priority }));
}

export interface WeekRow {
  /** YYYY-MM-DD of the Monday starting the week (UTC) */
  week: string;
  total: PublishedCount;
}

/**
 * Pins per week as published figures: a protected answer's own, else with k > 1 "fewer than k" for 1..k-1 and more
 * weeks withheld where the weeks and the undated pins would give one away against the total (suppressPartition).
 * @example
 * weekRows(weeks, 5)[0] // => { week: '2026-03-30', total: 12 }
 */
export function weekRows(weeks: WeeklyCounts, k: number): WeekRow[] {
  const totals = Array.from(weeks.asset, (a, w) => a + weeks.priority[w]!);
  const published = weeks.published?.weeks ?? (k > 1 ? suppressPartition([...totals, weeks.undated], k).slice(0, totals.length) : totals);
  return published.map((total, w) => ({ week: new Date(weeks.firstWeek + w * 7 * 86_400_000).toISOString().slice(0, 10), total }));
}
