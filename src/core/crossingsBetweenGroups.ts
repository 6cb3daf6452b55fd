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
 * WARNING: the cost follows the number of segment pairs whose boxes overlap, each segment's box taken upright or
 * turned by 45°, whichever is smaller: near-linear for real boundaries, many tiny rings, long thin teeth and nested
 * squares or diamonds, but still quadratic for rings nested so closely that long edges at other angles (22.5°, say)
 * hold each other's boxes in both frames; a sweep line (Bentley–Ottmann) would end that, and is not written yet.
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
  const turned = turnedBoxes(boxes, rings, ringIdOf, start);
  const turnedIndex = turned.anyPrefers ? indexBoxes(turned.boxes) : null;
  const hits: Hit[] = [];
  for (let a = 0; a < total; a++) {
    const ga = group[a]!;
    const ringA = rings[ringIdOf[a]!]!;
    const a1 = ringA[start[a]!]!;
    const a2 = ringA[start[a]! + 1]!;
    // two crossing segments have overlapping boxes in every frame: each segment asks in the frame where its own box is
    // smaller, so the long diagonal edges of nested diamonds no longer each meet every other ring's box
    const [frame, from] = turnedIndex && turned.prefers[a] ? [turned.boxes, turnedIndex] : [boxes, index];
    const found = from.search(frame[4 * a]!, frame[4 * a + 1]!, frame[4 * a + 2]!, frame[4 * a + 3]!);
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

/** rounding of x ± y moves a turned coordinate by at most an ulp (~1e-13 for degrees): boxes are widened past that */
const TURN_SLACK = 1e-9;

/**
 * Each segment's box in a frame turned by 45° (u = x + y, v = x − y), widened a little so it surely holds the segment,
 * and whether that box is smaller than its upright one (a diagonal edge's turned box is a thin line).
 */
function turnedBoxes(boxes: Float64Array, rings: Position[][], ringIdOf: Int32Array, start: Int32Array): { boxes: Float64Array; prefers: Uint8Array; anyPrefers: boolean } {
  const total = ringIdOf.length;
  const turned = new Float64Array(4 * total);
  const prefers = new Uint8Array(total);
  let anyPrefers = false;
  for (let s = 0; s < total; s++) {
    const ring = rings[ringIdOf[s]!]!;
    const [x1, y1] = ring[start[s]!]! as [number, number];
    const [x2, y2] = ring[start[s]! + 1]! as [number, number];
    const u1 = x1 + y1;
    const u2 = x2 + y2;
    const v1 = x1 - y1;
    const v2 = x2 - y2;
    turned[4 * s] = Math.min(u1, u2) - TURN_SLACK;
    turned[4 * s + 1] = Math.min(v1, v2) - TURN_SLACK;
    turned[4 * s + 2] = Math.max(u1, u2) + TURN_SLACK;
    turned[4 * s + 3] = Math.max(v1, v2) + TURN_SLACK;
    const upright = (boxes[4 * s + 2]! - boxes[4 * s]!) * (boxes[4 * s + 3]! - boxes[4 * s + 1]!);
    const slanted = (turned[4 * s + 2]! - turned[4 * s]!) * (turned[4 * s + 3]! - turned[4 * s + 1]!);
    if (slanted < upright) {
      prefers[s] = 1;
      anyPrefers = true;
    }
  }
  return { boxes: turned, prefers, anyPrefers };
}
