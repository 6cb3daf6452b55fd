// proper crossings between segments of different groups of rings (the rings of one polygon, the members of a
// MultiPolygon), found with one index over every segment instead of one index per pair of groups.
import { indexBoxes } from './boxIndex.ts';
import type { Position } from 'geojson';
import { intersection } from './segmentCrossings.ts';

export interface GroupCrossings {
  /** the two groups, first < second */
  first: number;
  second: number;
  /** where they cross, ordered by (ring of first, ring of second, segment of first, segment of second) */
  points: Position[];
}

interface Hit {
  g1: number;
  g2: number;
  r1: number;
  r2: number;
  i: number;
  j: number;
  point: Position;
}

/**
 * Every pair of groups whose segments cross (touching at a point does not count), pairs in (first, second) order.
 * `mayMeet(first, second)` can rule pairs out cheaply (their crossings are then not looked for).
 * WARNING: the cost follows the number of segment pairs whose boxes overlap: near-linear for real boundaries,
 * many tiny rings and long thin teeth, but quadratic for rings nested so that every edge's box holds the others'.
 * @example
 * const square = (x: number, y: number): Position[] => [[x, y], [x + 2, y], [x + 2, y + 2], [x, y + 2], [x, y]];
 * crossingsBetweenGroups([[square(0, 0)], [square(1, 1)]]) // => [{ first: 0, second: 1, points: [[2, 1], [1, 2]] }]
 */
export function crossingsBetweenGroups(groups: Position[][][], mayMeet?: (first: number, second: number) => boolean): GroupCrossings[] {
  let total = 0;
  for (const rings of groups) for (const ring of rings) total += Math.max(0, ring.length - 1);
  if (total === 0 || groups.length < 2) return [];
  const group = new Int32Array(total);
  const ringOf = new Int32Array(total);
  const start = new Int32Array(total);
  const ringIdOf = new Int32Array(total);
  const boxes = new Float64Array(4 * total);
  const rings: Position[][] = [];
  let s = 0;
  groups.forEach((members, g) => {
    members.forEach((ring, r) => {
      const ringId = rings.push(ring) - 1;
      for (let i = 0; i < ring.length - 1; i++, s++) {
        const [x1, y1] = ring[i]!;
        const [x2, y2] = ring[i + 1]!;
        group[s] = g;
        ringOf[s] = r;
        start[s] = i;
        ringIdOf[s] = ringId;
        boxes[4 * s] = Math.min(x1!, x2!);
        boxes[4 * s + 1] = Math.min(y1!, y2!);
        boxes[4 * s + 2] = Math.max(x1!, x2!);
        boxes[4 * s + 3] = Math.max(y1!, y2!);
      }
    });
  });
  const index = indexBoxes(boxes);
  const hits: Hit[] = [];
  for (let a = 0; a < total; a++) {
    const ga = group[a]!;
    const ringA = rings[ringIdOf[a]!]!;
    const a1 = ringA[start[a]!]!;
    const a2 = ringA[start[a]! + 1]!;
    const found = index.search(boxes[4 * a]!, boxes[4 * a + 1]!, boxes[4 * a + 2]!, boxes[4 * a + 3]!);
    for (const b of found) {
      const gb = group[b]!;
      if (gb <= ga || (mayMeet && !mayMeet(ga, gb))) continue;
      const ringB = rings[ringIdOf[b]!]!;
      const point = intersection(a1, a2, ringB[start[b]!]!, ringB[start[b]! + 1]!, false);
      if (point) hits.push({ g1: ga, g2: gb, r1: ringOf[a]!, r2: ringOf[b]!, i: start[a]!, j: start[b]!, point });
    }
  }
  hits.sort((x, y) => x.g1 - y.g1 || x.g2 - y.g2 || x.r1 - y.r1 || x.r2 - y.r2 || x.i - y.i || x.j - y.j);
  const out: GroupCrossings[] = [];
  for (const hit of hits) {
    const last = out[out.length - 1];
    if (last && last.first === hit.g1 && last.second === hit.g2) last.points.push(hit.point);
    else out.push({ first: hit.g1, second: hit.g2, points: [hit.point] });
  }
  return out;
}
