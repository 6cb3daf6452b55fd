// exact reasoning about withheld counts: which values each could take, given everything published beside it.

/** A set of non-negative integers as sorted, disjoint, non-adjacent closed intervals. */
export type IntSet = ReadonlyArray<readonly [number, number]>;

function normalise(parts: Array<readonly [number, number]>): IntSet {
  const sorted = parts.filter(([lo, hi]) => hi >= lo && hi >= 0).map(([lo, hi]) => [Math.max(0, lo), hi] as const).sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

/**
 * Every x + y (sums of integer intervals are intervals).
 * @example
 * addSets([[1, 4]], [[0, 0], [5, 9]]) // => [[1, 13]]
 */
export function addSets(x: IntSet, y: IntSet): IntSet {
  return normalise(x.flatMap(([a, b]) => y.map(([c, d]) => [a + c, b + d] as const)));
}

/**
 * Every x - y that is not negative.
 * @example
 * subtractSets([[6, 6]], [[0, 0], [5, 9]]) // => [[1, 1], [6, 6]]
 */
export function subtractSets(x: IntSet, y: IntSet): IntSet {
  return normalise(x.flatMap(([a, b]) => y.map(([c, d]) => [a - d, b - c] as const)));
}

/**
 * The integers in both.
 * @example
 * intersectSets([[1, 4]], [[0, 0], [3, 9]]) // => [[3, 4]]
 */
export function intersectSets(x: IntSet, y: IntSet): IntSet {
  return normalise(x.flatMap(([a, b]) => y.map(([c, d]) => [Math.max(a, c), Math.min(b, d)] as const)));
}

/**
 * How many integers, up to `atMost` (enough to tell one from two).
 * @example
 * setSize([[1, 1]], 2) // => 1
 */
export function setSize(x: IntSet, atMost = Infinity): number {
  let n = 0;
  for (const [lo, hi] of x) {
    n += hi - lo + 1;
    if (n >= atMost) return atMost;
  }
  return n;
}

/**
 * For the cells of one counts object (0 total, 1 asset, 2 priority, then each theme's asset and priority, as in
 * suppressSmallCounts), the values each could take given what is published: a shown cell its own value, a hidden
 * cell published as "fewer than k" (`small`) the range 1..k-1, any other hidden cell 0..cap; and total = asset + priority,
 * asset = the themes' assets, priority = the themes' priorities. Exact: the three sums form a tree, so one pass up
 * and one pass down find every value that some whole table agreeing with everything allows.
 * `cap` bounds the unknown large counts; a smaller cap only ever removes possibilities (a cautious answer).
 * @example
 * const hidden = [false, true, true, true, true];
 * feasibleValues([8, 4, 4, 4, 4], hidden, hidden, 5, 30)[1] // => [[4, 4]] (8 = <5 + <5: both are 4)
 */
export function feasibleValues(values: readonly number[], hidden: readonly boolean[], small: readonly boolean[], k: number, cap: number): IntSet[] {
  const domain = values.map((v, i): IntSet => {
    if (!hidden[i]) return [[v, v]];
    return small[i] ? [[1, k - 1]] : [[0, cap]];
  });
  const nThemes = (values.length - 3) / 2;
  const assets = Array.from({ length: nThemes }, (_, t) => 3 + t * 2);
  const priorities = assets.map((i) => i + 1);
  const sumOf = (cells: number[]) => cells.reduce<IntSet>((acc, c) => addSets(acc, domain[c]!), [[0, 0]]);
  // up: what asset and priority can be from their parts, then the total from both
  const upAsset = intersectSets(domain[1]!, sumOf(assets));
  const upPriority = intersectSets(domain[2]!, sumOf(priorities));
  const total = intersectSets(domain[0]!, addSets(upAsset, upPriority));
  // down: what each part can be once its siblings and its sum are taken into account
  const asset = intersectSets(upAsset, subtractSets(total, upPriority));
  const priority = intersectSets(upPriority, subtractSets(total, upAsset));
  const out: IntSet[] = [total, asset, priority];
  for (let t = 0; t < nThemes; t++) {
    for (const [cells, sum] of [[assets, asset], [priorities, priority]] as const) {
      const cell = cells[t]!;
      out[cell] = intersectSets(domain[cell]!, subtractSets(sum, sumOf(cells.filter((c) => c !== cell))));
    }
  }
  return out;
}
