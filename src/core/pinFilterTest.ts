// the planner's pin filter as a per-row predicate, for loops that countByGroup does not cover (weeks, top pins).
import type { PinFilter } from './countPins.ts';
import type { PinTable } from './pinTable.ts';

/**
 * Builds a predicate over table rows with exactly countByGroup's rules: theme list, kind, and
 * createdAt in [from, to) (pins without a readable date drop out of any date filter).
 * @example
 * const passes = pinFilterTest(table, { kind: 'priority' });
 * passes(0) // => true when row 0 is a priority
 */
export function pinFilterTest(table: PinTable, filter: PinFilter = {}): (row: number) => boolean {
  const themeOk = new Uint8Array(table.themes.length);
  if (filter.themes) {
    const wanted = new Set(filter.themes);
    table.themes.forEach((t, i) => (themeOk[i] = wanted.has(t) ? 1 : 0));
  } else themeOk.fill(1);
  const kindOk = [filter.kind === 'priority' ? 0 : 1, filter.kind === 'asset' ? 0 : 1];
  const byTime = filter.from !== undefined || filter.to !== undefined;
  const from = filter.from ?? -Infinity;
  const to = filter.to ?? Infinity;
  const { theme, kind } = table;
  // a table built without times has no dates: every pin is undated
  const time = table.time ?? new Float64Array(table.length).fill(NaN);
  return (row) => {
    if (!themeOk[theme[row]!] || !kindOk[kind[row]!]) return false;
    return !byTime || (time[row]! >= from && time[row]! < to);
  };
}
