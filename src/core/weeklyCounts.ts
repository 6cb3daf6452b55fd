// pins over time: filtered pins counted per week (weeks start on Monday, UTC).
import type { PinFilter } from './countPins.ts';
import { pinFilterTest } from './pinFilterTest.ts';
import type { PublishedCount } from './smallCounts.ts';
import { KIND_PRIORITY, type PinTable } from './pinTable.ts';

const DAY = 86_400_000;
const WEEK = 7 * DAY;

export interface WeeklyCounts {
  /** epoch ms of the Monday 00:00 UTC starting the first week; NaN when no pin has a date */
  firstWeek: number;
  asset: Uint32Array;
  priority: Uint32Array;
  /** filtered pins without a readable createdAt (not in any week) */
  undated: number;
  /** set on answers with small-count protection: the published week totals (asset holds them, priority is 0) */
  published?: { weeks: PublishedCount[]; undated: PublishedCount };
}

/**
 * The Monday 00:00 UTC on or before a time.
 * @example
 * new Date(weekStart(Date.UTC(2026, 3, 2))).toISOString() // => '2026-03-30T00:00:00.000Z'
 */
export function weekStart(time: number): number {
  const day = Math.floor(time / DAY);
  // 1970-01-01 was a Thursday: day 0 is weekday 3 counting from Monday = 0
  const weekday = (day + 3) % 7;
  return (day - weekday) * DAY;
}

/**
 * Counts filtered pins per week, every week from the earliest to the latest dated pin of the whole table
 * (so the axis stays put while filters change). Optionally only pins whose group id (`ids`) is `group`.
 * @example
 * const weeks = weeklyCounts(table, { kind: 'priority' });
 * weeks.priority[0] // => priorities made in the first week
 */
export function weeklyCounts(table: PinTable, filter: PinFilter = {}, only?: { ids: Int32Array; group: number }): WeeklyCounts {
  const time = table.time ?? new Float64Array(table.length).fill(NaN);
  let min = Infinity;
  let max = -Infinity;
  for (let r = 0; r < table.length; r++) {
    const t = time[r]!;
    if (t < min) min = t;
    if (t > max) max = t;
  }
  if (min === Infinity) return { firstWeek: NaN, asset: new Uint32Array(0), priority: new Uint32Array(0), undated: countUndated(table, filter, only) };
  const firstWeek = weekStart(min);
  const weeks = Math.floor((max - firstWeek) / WEEK) + 1;
  const asset = new Uint32Array(weeks);
  const priority = new Uint32Array(weeks);
  const passes = pinFilterTest(table, filter);
  let undated = 0;
  for (let r = 0; r < table.length; r++) {
    if (only && only.ids[r] !== only.group) continue;
    if (!passes(r)) continue;
    const t = time[r]!;
    if (Number.isNaN(t)) {
      undated++;
      continue;
    }
    const w = Math.floor((t - firstWeek) / WEEK);
    if (table.kind[r] === KIND_PRIORITY) priority[w]!++;
    else asset[w]!++;
  }
  return { firstWeek, asset, priority, undated };
}

function countUndated(table: PinTable, filter: PinFilter, only?: { ids: Int32Array; group: number }): number {
  const passes = pinFilterTest(table, filter);
  let n = 0;
  for (let r = 0; r < table.length; r++) if ((!only || only.ids[r] === only.group) && passes(r)) n++;
  return n;
}
