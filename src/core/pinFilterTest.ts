// the planner's pin filter as a per-row predicate, for loops that countByGroup does not cover (weeks, top pins).
import { pinFilterMasks, type PinFilter } from './countPins.ts';
import type { PinTable } from './pinTable.ts';

/**
 * Builds a predicate over table rows with exactly countByGroup's rules: theme list, kind, workshop
 * session, and createdAt in [from, to) (pins without a readable date drop out of any date filter).
 * @example
 * const passes = pinFilterTest(table, { kind: 'priority' });
 * passes(0) // => true when row 0 is a priority
 */
export function pinFilterTest(table: PinTable, filter: PinFilter = {}): (row: number) => boolean {
  const { themeOk, kindOk, sessionOk } = pinFilterMasks(table, filter);
  const byTime = filter.from !== undefined || filter.to !== undefined;
  const from = filter.from ?? -Infinity;
  const to = filter.to ?? Infinity;
  const { theme, kind, session } = table;
  // a table built without times has no dates: every pin is undated
  const time = table.time ?? new Float64Array(table.length).fill(NaN);
  return (row) => {
    if (!themeOk[theme[row]!] || !kindOk[kind[row]!]) return false;
    if (sessionOk && !sessionOk[session[row]!]) return false;
    return !byTime || (time[row]! >= from && time[row]! < to);
  };
}
