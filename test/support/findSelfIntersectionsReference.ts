// the pairwise reference for findSelfIntersections: every ring pair and member pair with its own index; quadratic in rings, kept to test the fast one against.
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Position } from 'geojson';
import { ringCrossings } from '../../src/core/segmentCrossings.ts';
import type { AreaGeometry } from '../../src/core/types.ts';
import type { SelfIntersection } from '../../src/core/findSelfIntersections.ts';

/**
 * What findSelfIntersections finds, by looking at every pair of rings of a polygon and every pair of members whose
 * exteriors' boxes meet: O(rings²) per polygon and O(members²) per MultiPolygon.
 * @example
 * findSelfIntersectionsReference({ type: 'Polygon', coordinates: [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]] })
 * // => [{ kind: 'ring', path: '[0]', point: [1, 1], count: 1 }]
 */
export function findSelfIntersectionsReference(geometry: AreaGeometry): SelfIntersection[] {
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
