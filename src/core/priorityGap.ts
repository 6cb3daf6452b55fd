// the "priority gap": do residents ask for change where there is little to keep, or the other way round?
import { isSuppressed, type PublishedCount, type SuppressedCount } from './smallCounts.ts';

/**
 * (priorities − assets) / (priorities + assets), in [-1, 1]: +1 only priorities ("many needs, no assets"),
 * -1 only assets, 0 balanced; null when there are no pins, so "no data" is never drawn as "balanced".
 * Inputs are counts (non-negative); anything else throws. For a diverging colour-blind-safe scale
 * (e.g. d3's interpolatePuOr / RdBu) centred on 0.
 * @example
 * priorityGap(2, 6) // => 0.5
 * priorityGap(0, 0) // => null
 */
export function priorityGap(asset: number, priority: number): number | null {
  if (!(asset >= 0 && priority >= 0) || !Number.isFinite(asset) || !Number.isFinite(priority)) {
    throw new RangeError(`priorityGap needs non-negative counts, got asset=${asset}, priority=${priority}`);
  }
  const sum = asset + priority;
  return sum === 0 ? null : (priority - asset) / sum;
}

/**
 * Priority gap for every group of typed count arrays (e.g. countByGroup(...).asset / .priority): NaN where
 * there are no pins. One theme: count with `{ themes: [theme] }` first.
 * @example
 * priorityGaps(new Uint32Array([2, 0]), new Uint32Array([6, 0])) // => Float64Array [0.5, NaN]
 */
export function priorityGaps(asset: ArrayLike<number>, priority: ArrayLike<number>): Float64Array {
  if (asset.length !== priority.length) throw new RangeError('asset and priority counts must have the same length');
  const out = new Float64Array(asset.length);
  for (let i = 0; i < asset.length; i++) {
    const s = asset[i]! + priority[i]!;
    out[i] = s === 0 ? NaN : (priority[i]! - asset[i]!) / s;
  }
  return out;
}

/**
 * The priority gap of published (small-count protected) figures. WARNING: with the total known, the gap
 * gives away both counts, so when either is suppressed the gap is withheld too (same marker).
 * @example
 * publishedPriorityGap(10, { suppressed: true, lessThan: 5 }) // => { suppressed: true }
 * publishedPriorityGap(6, 2) // => -0.5
 */
export function publishedPriorityGap(asset: PublishedCount, priority: PublishedCount): number | null | SuppressedCount {
  if (isSuppressed(asset) || isSuppressed(priority)) return { suppressed: true };
  return priorityGap(asset, priority);
}
