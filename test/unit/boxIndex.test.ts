// the shuffled flatbush index answers exactly what a scan of every box answers, in index order.
import { describe, expect, it } from 'vitest';
import { indexBoxes } from '../../src/core/boxIndex.ts';
import { mulberry32 } from '../../src/core/mulberry32.ts';

function scan(boxes: Float64Array, q: [number, number, number, number]): number[] {
  const out: number[] = [];
  for (let i = 0; i < boxes.length / 4; i++) {
    if (boxes[4 * i]! <= q[2] && q[0] <= boxes[4 * i + 2]! && boxes[4 * i + 1]! <= q[3] && q[1] <= boxes[4 * i + 3]!) out.push(i);
  }
  return out;
}

describe('indexBoxes', () => {
  it('finds the same boxes as a full scan, for random boxes and for thin ones in line order', () => {
    const random = mulberry32(7);
    const randomBoxes = new Float64Array(4 * 2000);
    for (let i = 0; i < 2000; i++) {
      const x = random() * 100;
      const y = random() * 100;
      randomBoxes.set([x, y, x + random() * 5, y + random() * 5], 4 * i);
    }
    // a sawtooth's segments, in ring order: the order that made flatbush's own sort slow
    const teeth = new Float64Array(4 * 2000);
    for (let i = 0; i < 2000; i++) teeth.set([i * 0.5, 0, i * 0.5 + 0.5, 10], 4 * i);
    for (const boxes of [randomBoxes, teeth]) {
      const index = indexBoxes(boxes);
      for (let k = 0; k < 300; k++) {
        const x = random() * 1000;
        const y = random() * 100;
        const q: [number, number, number, number] = [x, y, x + random() * 8, y + random() * 8];
        expect(index.search(...q).sort((a, b) => a - b)).toEqual(scan(boxes, q));
      }
    }
    expect(indexBoxes(new Float64Array(0)).search(0, 0, 1, 1)).toEqual([]);
  });
});
