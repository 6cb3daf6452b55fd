// what a changed planner engine shows as a fresh load would: themes in sorted order without unused ones, rows in (createdAt, id) order.
import type { CountArrays } from './countPins.ts';
import type { PinTable } from './pinTable.ts';

/**
 * The theme codes a fresh load would list, in its order (sorted by name), leaving out themes no pin uses now.
 * @example
 * presentThemeCodes(['safety', 'green', 'play'], [2, 0, 1]) // => [1, 0] (green, safety; play has no pins)
 */
export function presentThemeCodes(themes: readonly string[], counts: readonly number[]): number[] {
  const codes: number[] = [];
  for (let c = 0; c < themes.length; c++) if (counts[c]! > 0) codes.push(c);
  return codes.sort((a, b) => (themes[a]! < themes[b]! ? -1 : themes[a]! > themes[b]! ? 1 : 0));
}

/** true when `codes` is 0, 1, 2, … over every theme: counts need no re-ordering */
export function isIdentity(codes: readonly number[], nThemes: number): boolean {
  if (codes.length !== nThemes) return false;
  for (let i = 0; i < codes.length; i++) if (codes[i] !== i) return false;
  return true;
}

/**
 * Counts over a table's theme codes, re-laid over `codes` (the themes a fresh load would list). Costs groups × themes.
 * @example
 * projectThemes(counts, [1, 0], ['safety', 'green']).themes // => ['green', 'safety']
 */
export function projectThemes(counts: CountArrays, codes: readonly number[], names: readonly string[]): CountArrays {
  const from = counts.themes.length * 2;
  const to = codes.length * 2;
  const byTheme = new Uint32Array((counts.nGroups + 1) * to);
  for (let g = 0; g <= counts.nGroups; g++) {
    for (let i = 0; i < codes.length; i++) {
      byTheme[g * to + i * 2] = counts.byTheme[g * from + codes[i]! * 2]!;
      byTheme[g * to + i * 2 + 1] = counts.byTheme[g * from + codes[i]! * 2 + 1]!;
    }
  }
  return { ...counts, themes: codes.map((c) => names[c]!), byTheme };
}

/**
 * Whether row a comes before row b in the order a fresh load from storage reads pins: createdAt, then id.
 * @example
 * rowBefore(table.time, ids)(0, 1) // => true when pin 0 was made first
 */
export function rowBefore(time: Float64Array, ids: readonly string[]): (a: number, b: number) => boolean {
  return (a, b) => {
    const ta = time[a]!;
    const tb = time[b]!;
    if (ta !== tb && !(Number.isNaN(ta) && Number.isNaN(tb))) return Number.isNaN(tb) || ta < tb;
    return ids[a]! < ids[b]! || (ids[a] === ids[b] && a < b);
  };
}

/**
 * A copy of the table with its rows in (createdAt, id) order and theme codes re-laid over `codes`, plus each new
 * row's old row. O(n log n): only for what depends on row order (the cluster index).
 * @example
 * const { table: ordered, rowOf } = orderedTable(table, ids, codes); rowOf[0] // => the old row of the earliest pin
 */
export function orderedTable(table: PinTable, ids: readonly string[], codes: readonly number[]): { table: PinTable; rowOf: Int32Array } {
  const n = table.length;
  const time = table.time ?? new Float64Array(n).fill(NaN);
  const before = rowBefore(time, ids);
  const rowOf = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  const recode = new Uint16Array(table.themes.length);
  codes.forEach((c, i) => (recode[c] = i));
  const pick = <T extends Float64Array | Uint8Array | Uint16Array | Int32Array>(col: T): T => {
    const out = new (col.constructor as new (n: number) => T)(n);
    for (let i = 0; i < n; i++) out[i] = col[rowOf[i]!]!;
    return out;
  };
  const theme = pick(table.theme);
  for (let i = 0; i < n; i++) theme[i] = recode[theme[i]!]!;
  return {
    table: { ...table, lng: pick(table.lng), lat: pick(table.lat), kind: pick(table.kind), theme, themes: codes.map((c) => table.themes[c]!), session: pick(table.session), time: pick(time), feature: pick(table.feature) },
    rowOf,
  };
}
