// exact reasoning about withheld counts: the range of values each could take, given everything published beside it.

/** The integers lo..hi (empty when lo > hi). */
export interface IntRange {
  lo: number;
  hi: number;
}

const sum = (a: IntRange, b: IntRange): IntRange => ({ lo: a.lo + b.lo, hi: a.hi + b.hi });
const minus = (a: IntRange, b: IntRange): IntRange => ({ lo: a.lo - b.hi, hi: a.hi - b.lo });
const meet = (a: IntRange, b: IntRange): IntRange => ({ lo: Math.max(a.lo, b.lo), hi: Math.min(a.hi, b.hi) });

/**
 * How many integers a range holds.
 * @example
 * rangeSize({ lo: 1, hi: 4 }) // => 4
 */
export function rangeSize(r: IntRange): number {
  return Math.max(0, r.hi - r.lo + 1);
}

/**
 * For the cells of one counts object (0 total, 1 asset, 2 priority, then each theme's asset and priority, as in
 * suppressSmallCounts), the values each could take given what is published: a shown cell its own value, a hidden
 * cell published as "fewer than k" (`small`) 1..k-1, any other hidden cell 0..cap; and total = asset + priority,
 * asset = the themes' assets, priority = the themes' priorities. Exact: every domain is a range of integers, sums
 * and differences of ranges are ranges, and the three sums form a tree, so one pass up and one pass down find
 * every value that some whole table agreeing with everything allows. Only the cells marked `small` are answered
 * (the others are returned as their domain).
 * `cap` bounds the unknown large counts; a smaller cap only ever removes possibilities (a cautious answer).
 * @example
 * const hidden = [false, true, true, true, true];
 * feasibleRanges([8, 4, 4, 4, 4], hidden, hidden, 5, 30)[1] // => { lo: 4, hi: 4 } (8 = <5 + <5: both are 4)
 */
export function feasibleRanges(values: readonly number[], hidden: readonly boolean[], small: readonly boolean[], k: number, cap: number): IntRange[] {
  const domain = values.map((v, i): IntRange => (!hidden[i] ? { lo: v, hi: v } : small[i] ? { lo: 1, hi: k - 1 } : { lo: 0, hi: cap }));
  const nThemes = (values.length - 3) / 2;
  let assets: IntRange = { lo: 0, hi: 0 };
  let priorities: IntRange = { lo: 0, hi: 0 };
  for (let t = 0; t < nThemes; t++) {
    assets = sum(assets, domain[3 + t * 2]!);
    priorities = sum(priorities, domain[4 + t * 2]!);
  }
  // up: what asset and priority can be from their parts, then the total from both
  const upAsset = meet(domain[1]!, assets);
  const upPriority = meet(domain[2]!, priorities);
  const total = meet(domain[0]!, sum(upAsset, upPriority));
  // down: each part once its sibling(s) and its sum are taken into account
  const asset = meet(upAsset, minus(total, upPriority));
  const priority = meet(upPriority, minus(total, upAsset));
  const out = domain.slice();
  out[0] = total;
  out[1] = asset;
  out[2] = priority;
  for (let i = 3; i < values.length; i++) {
    if (!small[i]) continue;
    const isAsset = (i - 3) % 2 === 0;
    const [all, parent] = isAsset ? [assets, asset] : [priorities, priority];
    // the other parts of the same sum: every range sum minus this one's own range, end by end
    const others = { lo: all.lo - domain[i]!.lo, hi: all.hi - domain[i]!.hi };
    out[i] = meet(domain[i]!, minus(parent, others));
  }
  return out;
}
