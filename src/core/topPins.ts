// the most-supported pins of each kind among the filtered pins, overall or in one area.
import type { PinFilter } from './countPins.ts';
import { pinFilterTest } from './pinFilterTest.ts';
import { KIND_PRIORITY, type PinTable } from './pinTable.ts';

export interface TopPin {
  row: number;
  title: string;
  theme: string;
  supports: number;
}

export interface TopPins {
  asset: TopPin[];
  priority: TopPin[];
}

/**
 * The `n` pins of each kind with the most supports (ties: earlier row first, or first by `before` when given), among
 * pins that pass the filter and, when `only` is given, lie in that group. Pins with no supports are not listed.
 * @example
 * topPinsBySupports(table, supports, titles, {}, 5).priority[0] // => { row: 812, title: 'Fix the crossing', theme: 'safety', supports: 40 }
 */
export function topPinsBySupports(
  table: PinTable,
  supports: Uint32Array,
  titles: readonly string[],
  filter: PinFilter,
  n: number,
  only?: { ids: Int32Array; group: number },
  before?: (a: number, b: number) => boolean,
): TopPins {
  // nothing asked for: no pass over every row (the public summary asks for the areas alone)
  if (n <= 0) return { asset: [], priority: [] };
  const passes = pinFilterTest(table, filter);
  const best: [number[], number[]] = [[], []];
  for (let r = 0; r < table.length; r++) {
    const s = supports[r]!;
    if (s === 0) continue;
    const list = best[table.kind[r] === KIND_PRIORITY ? 1 : 0];
    if (list.length === n && (supports[list[n - 1]!]! > s || (supports[list[n - 1]!]! === s && !before?.(r, list[n - 1]!)))) continue;
    if (only && only.ids[r] !== only.group) continue;
    if (!passes(r)) continue;
    // insertion into a short sorted list: n is small (5-10)
    let at = list.length;
    while (at > 0 && (supports[list[at - 1]!]! < s || (before !== undefined && supports[list[at - 1]!]! === s && before(r, list[at - 1]!)))) at--;
    list.splice(at, 0, r);
    if (list.length > n) list.pop();
  }
  const describe = (row: number): TopPin => ({ row, title: titles[row] ?? '', theme: table.themes[table.theme[row]!]!, supports: supports[row]! });
  return { asset: best[0].map(describe), priority: best[1].map(describe) };
}
