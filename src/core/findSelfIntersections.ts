// finds where a boundary's rings cross or touch themselves, or where members of a MultiPolygon overlap.
import Flatbush from 'flatbush';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Position } from 'geojson';
import type { AreaGeometry } from './types.ts';

export interface SelfIntersection {
  /** which part is broken: a ring crossing itself, two rings of one polygon crossing, or two members overlapping */
  kind: 'ring' | 'rings' | 'members';
  /** path below `coordinates`, e.g. "[0][2]" (MultiPolygon polygon 0, ring 2) or "[1]" (Polygon ring 1) */
  path: string;
  /** one place where it happens, for a person to look at */
  point: Position;
  /** how many crossings or touches were found in that part */
  count: number;
}

/**
 * Lists the self-intersections of a 2D Polygon/MultiPolygon whose rings are closed and free of repeated
 * consecutive positions (as checkAreaGeometry returns them). A ring may not cross or touch itself (spikes
 * and punctures count); rings and members may touch at points but not cross; members may not overlap.
 * WARNING: a fast sweep over a flatbush index of segments; @turf/kinks is the slow reference it is tested against.
 * @example
 * findSelfIntersections({ type: 'Polygon', coordinates: [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]] })
 * // => [{ kind: 'ring', path: '[0]', point: [1, 1], count: 1 }]
 */
export function findSelfIntersections(geometry: AreaGeometry): SelfIntersection[] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const at = (p: number) => (geometry.type === 'Polygon' ? '' : `[${p}]`);
  const found: SelfIntersection[] = [];
  const report = (kind: SelfIntersection['kind'], path: string, points: Position[]) => {
    if (points.length > 0) found.push({ kind, path, point: points[0]!, count: points.length });
  };
  polygons.forEach((rings, p) => {
    rings.forEach((ring, r) => report('ring', `${at(p)}[${r}]`, ringCrossings(ring, null)));
    for (let r1 = 0; r1 < rings.length; r1++) {
      for (let r2 = r1 + 1; r2 < rings.length; r2++) report('rings', `${at(p)}[${r2}]`, ringCrossings(rings[r1]!, rings[r2]!));
    }
  });
  for (let p1 = 0; p1 < polygons.length; p1++) {
    for (let p2 = p1 + 1; p2 < polygons.length; p2++) {
      const a = polygons[p1]!;
      const b = polygons[p2]!;
      if (!boxesOverlap(ringBox(a[0]!), ringBox(b[0]!))) continue;
      const points = a.flatMap((ra) => b.flatMap((rb) => ringCrossings(ra, rb)));
      if (points.length === 0) {
        // no crossings, but one member may still lie wholly inside the other
        const inside = vertexStrictlyInside(b[0]!, a) ?? vertexStrictlyInside(a[0]!, b);
        if (inside) points.push(inside);
      }
      report('members', `[${p2}]`, points);
    }
  }
  return found;
}

/** crossings between two rings, or (when `other` is null) the places where one ring crosses or touches itself */
export function ringCrossings(ring: Position[], other: Position[] | null): Position[] {
  const same = other === null;
  const target = other ?? ring;
  const n = target.length - 1;
  const index = new Flatbush(n);
  for (let i = 0; i < n; i++) {
    const [x1, y1] = target[i]!;
    const [x2, y2] = target[i + 1]!;
    index.add(Math.min(x1!, x2!), Math.min(y1!, y2!), Math.max(x1!, x2!), Math.max(y1!, y2!));
  }
  index.finish();
  const points: Position[] = [];
  const m = ring.length - 1;
  for (let i = 0; i < m; i++) {
    const a1 = ring[i]!;
    const a2 = ring[i + 1]!;
    if (same && isReversal(ring[i === 0 ? m - 1 : i - 1]!, a1, a2)) points.push(a1);
    const hits = index.search(Math.min(a1[0]!, a2[0]!), Math.min(a1[1]!, a2[1]!), Math.max(a1[0]!, a2[0]!), Math.max(a1[1]!, a2[1]!));
    for (const j of hits) {
      // each pair once; neighbours along the ring (including last with first) share a vertex by design
      if (same && (j <= i + 1 || (i === 0 && j === m - 1))) continue;
      const hit = intersection(a1, a2, target[j]!, target[j + 1]!, same);
      if (hit) points.push(hit);
    }
  }
  return points;
}

function orient(p: Position, q: Position, r: Position): number {
  return (q[0]! - p[0]!) * (r[1]! - p[1]!) - (q[1]! - p[1]!) * (r[0]! - p[0]!);
}

function within(p: Position, q: Position, r: Position): boolean {
  return Math.min(p[0]!, q[0]!) <= r[0]! && r[0]! <= Math.max(p[0]!, q[0]!) && Math.min(p[1]!, q[1]!) <= r[1]! && r[1]! <= Math.max(p[1]!, q[1]!);
}

/** where segments a and b cross; with `touching`, also where an end of one lies on the other (collinear overlaps too) */
function intersection(a1: Position, a2: Position, b1: Position, b2: Position, touching: boolean): Position | null {
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

type Box = [number, number, number, number];

function ringBox(ring: Position[]): Box {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring) {
    box[0] = Math.min(box[0], x!);
    box[1] = Math.min(box[1], y!);
    box[2] = Math.max(box[2], x!);
    box[3] = Math.max(box[3], y!);
  }
  return box;
}

function boxesOverlap(a: Box, b: Box): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

function vertexStrictlyInside(ring: Position[], polygon: Position[][]): Position | null {
  const shape = { type: 'Polygon' as const, coordinates: polygon };
  for (const vertex of ring) {
    if (booleanPointInPolygon(vertex, shape, { ignoreBoundary: true })) return vertex;
  }
  return null;
}
