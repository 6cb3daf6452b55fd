// a flatbush index over boxes that stays fast on boxes already ordered along a line, answering original indices in order.
import Flatbush from 'flatbush';
import { mulberry32 } from './mulberry32.ts';

export interface BoxIndex {
  /** indices of the boxes that meet the query box (edges included), in no particular order */
  search(minX: number, minY: number, maxX: number, maxY: number): number[];
}

/**
 * Indexes `boxes` (minX, minY, maxX, maxY per box). WARNING: flatbush's sort in `finish()` is a median-of-three
 * quicksort on Hilbert values, which goes quadratic on some orders real files have (a sawtooth's segments in ring
 * order: 3.3 s for 320k segments instead of 0.3 s), so boxes are added in a seeded shuffled order. Results do not
 * depend on it: every search answers the original indices (sort them where order matters).
 * @example
 * const index = indexBoxes(new Float64Array([0, 0, 1, 1, 5, 5, 6, 6, 0.5, 0.5, 2, 2]));
 * index.search(0.8, 0.8, 0.9, 0.9).sort() // => [0, 2]
 */
export function indexBoxes(boxes: Float64Array): BoxIndex {
  const n = boxes.length / 4;
  if (n === 0) return { search: () => [] };
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const random = mulberry32(n);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  const index = new Flatbush(n);
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    index.add(boxes[4 * i]!, boxes[4 * i + 1]!, boxes[4 * i + 2]!, boxes[4 * i + 3]!);
  }
  index.finish();
  return {
    search(minX, minY, maxX, maxY) {
      const found = index.search(minX, minY, maxX, maxY);
      const out = new Array<number>(found.length);
      for (let k = 0; k < found.length; k++) out[k] = order[found[k]!]!;
      return out;
    },
  };
}
