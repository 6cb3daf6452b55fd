// finds where a boundary's rings cross or touch themselves, or where members of a MultiPolygon overlap.
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Position } from 'geojson';
import { indexBoxes } from './boxIndex.ts';
import { crossingsBetweenGroups } from './crossingsBetweenGroups.ts';
import { ringCrossings } from './segmentCrossings.ts';
import type { AreaGeometry } from './types.ts';

export { ringCrossings } from './segmentCrossings.ts';

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
 * WARNING: flatbush indexes of segments (one per ring, one per polygon's rings, one per MultiPolygon's members),
 * so thousands of holes or members cost about as much as one ring of as many vertices. @turf/kinks and the pairwise
 * findSelfIntersectionsReference (test/support) are the slow references it is tested against.
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
    if (rings.length < 2) return;
    for (const pair of crossingsBetweenGroups(rings.map((ring) => [ring]))) report('rings', `${at(p)}[${pair.second}]`, pair.points);
  });
  if (polygons.length > 1) {
    for (const overlap of memberOverlaps(polygons)) report('members', `[${overlap.second}]`, overlap.points);
  }
  return found;
}

/** pairs of members that cross, or where one lies wholly inside the other, in (first, second) order */
function memberOverlaps(polygons: Position[][][]): { second: number; points: Position[] }[] {
  const boxes = polygons.map((rings) => ringBox(rings[0]!));
  const meet = (a: number, b: number) => boxesOverlap(boxes[a]!, boxes[b]!);
  const crossings = new Map<number, Position[]>();
  const key = (a: number, b: number) => a * polygons.length + b;
  for (const pair of crossingsBetweenGroups(polygons, meet)) crossings.set(key(pair.first, pair.second), pair.points);
  const index = indexBoxes(Float64Array.from(boxes.flat()));
  const out: { second: number; points: Position[] }[] = [];
  polygons.forEach((a, p1) => {
    const box = boxes[p1]!;
    const partners = index.search(box[0], box[1], box[2], box[3]).filter((p2) => p2 > p1).sort((x, y) => x - y);
    for (const p2 of partners) {
      const b = polygons[p2]!;
      const points = crossings.get(key(p1, p2)) ?? [];
      if (points.length === 0) {
        // no crossings, but one member may still lie wholly inside the other
        const inside = vertexStrictlyInside(b[0]!, a, box) ?? vertexStrictlyInside(a[0]!, b, boxes[p2]!);
        if (inside) points.push(inside);
      }
      if (points.length > 0) out.push({ second: p2, points });
    }
  });
  return out;
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

/** the first vertex of `ring` strictly inside `polygon`; vertices outside the polygon's exterior box cannot be, and are not tested */
function vertexStrictlyInside(ring: Position[], polygon: Position[][], box: Box): Position | null {
  const shape = { type: 'Polygon' as const, coordinates: polygon };
  for (const vertex of ring) {
    const [x, y] = vertex as [number, number];
    if (x < box[0] || x > box[2] || y < box[1] || y > box[3]) continue;
    if (booleanPointInPolygon(vertex, shape, { ignoreBoundary: true })) return vertex;
  }
  return null;
}
