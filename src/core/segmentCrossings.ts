// the segment tests every boundary check shares: proper crossings, touches, zero-width spikes, and one ring against itself or another.
import { indexBoxes } from './boxIndex.ts';
import type { Position } from 'geojson';

/**
 * Crossings between two rings, or (when `other` is null) the places where one ring crosses or touches itself.
 * @example
 * ringCrossings([[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]], null) // => [[1, 1]]
 */
export function ringCrossings(ring: Position[], other: Position[] | null): Position[] {
  const same = other === null;
  const target = other ?? ring;
  const n = target.length - 1;
  const boxes = new Float64Array(4 * n);
  for (let i = 0; i < n; i++) {
    const [x1, y1] = target[i]!;
    const [x2, y2] = target[i + 1]!;
    boxes[4 * i] = Math.min(x1!, x2!);
    boxes[4 * i + 1] = Math.min(y1!, y2!);
    boxes[4 * i + 2] = Math.max(x1!, x2!);
    boxes[4 * i + 3] = Math.max(y1!, y2!);
  }
  const index = indexBoxes(boxes);
  const points: Position[] = [];
  const m = ring.length - 1;
  for (let i = 0; i < m; i++) {
    const a1 = ring[i]!;
    const a2 = ring[i + 1]!;
    if (same && isReversal(ring[i === 0 ? m - 1 : i - 1]!, a1, a2)) points.push(a1);
    const hits = index.search(Math.min(a1[0]!, a2[0]!), Math.min(a1[1]!, a2[1]!), Math.max(a1[0]!, a2[0]!), Math.max(a1[1]!, a2[1]!));
    let found: { j: number; hit: Position }[] | null = null;
    for (const j of hits) {
      // each pair once; neighbours along the ring (including last with first) share a vertex by design
      if (same && (j <= i + 1 || (i === 0 && j === m - 1))) continue;
      const hit = intersection(a1, a2, target[j]!, target[j + 1]!, same);
      if (hit) (found ??= []).push({ j, hit });
    }
    // in segment order, whatever order the index answered in
    if (found) for (const { hit } of found.sort((x, y) => x.j - y.j)) points.push(hit);
  }
  return points;
}

function orient(p: Position, q: Position, r: Position): number {
  return (q[0]! - p[0]!) * (r[1]! - p[1]!) - (q[1]! - p[1]!) * (r[0]! - p[0]!);
}

function within(p: Position, q: Position, r: Position): boolean {
  return Math.min(p[0]!, q[0]!) <= r[0]! && r[0]! <= Math.max(p[0]!, q[0]!) && Math.min(p[1]!, q[1]!) <= r[1]! && r[1]! <= Math.max(p[1]!, q[1]!);
}

/**
 * Where segments a and b cross; with `touching`, also where an end of one lies on the other (collinear overlaps too).
 * @example
 * intersection([0, 0], [2, 2], [0, 2], [2, 0], false) // => [1, 1]
 * intersection([0, 0], [1, 1], [1, 1], [2, 0], false) // => null (they only touch)
 */
export function intersection(a1: Position, a2: Position, b1: Position, b2: Position, touching: boolean): Position | null {
  const d1 = orient(b1, b2, a1);
  const d2 = orient(b1, b2, a2);
  const d3 = orient(a1, a2, b1);
  const d4 = orient(a1, a2, b2);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
    const t = d1 / (d1 - d2);
    return [a1[0]! + t * (a2[0]! - a1[0]!), a1[1]! + t * (a2[1]! - a1[1]!)];
  }
  if (!touching) return null;
  if (d1 === 0 && within(b1, b2, a1)) return a1;
  if (d2 === 0 && within(b1, b2, a2)) return a2;
  if (d3 === 0 && within(a1, a2, b1)) return b1;
  if (d4 === 0 && within(a1, a2, b2)) return b2;
  return null;
}

/** a ring that goes straight back the way it came (a spike of zero width) */
function isReversal(before: Position, vertex: Position, after: Position): boolean {
  if (orient(before, vertex, after) !== 0) return false;
  const dot = (vertex[0]! - before[0]!) * (after[0]! - vertex[0]!) + (vertex[1]! - before[1]!) * (after[1]! - vertex[1]!);
  return dot < 0;
}
