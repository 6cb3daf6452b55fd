// plane geometry of the generated demo town, in km around its centre: ring areas and centroids, and clipping.
import { featureCollection, multiPolygon, polygon } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import type { MultiPolygon, Polygon, Position } from 'geojson';

export type Ring = Position[];
/** polygons (each: exterior then holes) of one neighbourhood, in km around the town's centre */
export type Pieces = Ring[][];

export function ringArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return sum / 2;
}

export function piecesArea(pieces: Pieces): number {
  return pieces.reduce((total, rings) => total + Math.abs(ringArea(rings[0]!)) - rings.slice(1).reduce((h, r) => h + Math.abs(ringArea(r)), 0), 0);
}

export function ringCentroid(ring: Ring): [number, number] {
  let cx = 0;
  let cy = 0;
  let a = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x0, y0] = ring[i] as [number, number];
    const [x1, y1] = ring[i + 1] as [number, number];
    const cross = x0 * y1 - x1 * y0;
    a += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  return [cx / (3 * a), cy / (3 * a)];
}

export function distanceToSegment(p: Position, a: Position, b: Position): number {
  const [px, py, ax, ay, bx, by] = [p[0]!, p[1]!, a[0]!, a[1]!, b[0]!, b[1]!];
  const len2 = (bx - ax) ** 2 + (by - ay) ** 2;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / len2));
  return Math.hypot(px - ax - t * (bx - ax), py - ay - t * (by - ay));
}

export function close(ring: Ring): Ring {
  return [...ring, ring[0]!];
}

/** Clips a polygon (given as rings) by another; returns the pieces, possibly none. */
export function clip(a: Ring[][], b: Ring[][]): Pieces {
  const toGeom = (p: Ring[][]) => (p.length === 1 ? polygon(p[0]!) : multiPolygon(p));
  const result = intersect(featureCollection<Polygon | MultiPolygon>([toGeom(a), toGeom(b)]));
  if (!result) return [];
  return result.geometry.type === 'Polygon' ? [result.geometry.coordinates] : result.geometry.coordinates;
}
