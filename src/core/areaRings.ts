// areas flattened into typed arrays for fast exact point-in-area tests.
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { INSIDE, ON_BOUNDARY, pointInRingsExact } from './pointInRingsExact.ts';

/**
 * Every ring of every area in one Float64Array. Area a owns polygons
 * `areaPolyStart[a] .. areaPolyStart[a+1]`, polygon p owns rings `polyRingStart[p] .. polyRingStart[p+1]`,
 * ring r owns positions `ringStart[r] .. ringStart[r+1]` (x at 2i, y at 2i+1).
 */
export interface AreaRings {
  nAreas: number;
  coords: Float64Array;
  ringStart: Int32Array;
  polyRingStart: Int32Array;
  areaPolyStart: Int32Array;
  /** minX, minY, maxX, maxY per area; empty areas get an inverted box that contains nothing */
  bbox: Float64Array;
  /** whether each area has at least one ring (empty geometries are kept, in place, but match nothing) */
  hasGeometry: Uint8Array;
}

type AreaInput = FeatureCollection<Polygon | MultiPolygon | null> | FeatureCollection;

function polygonsOf(feature: Feature | undefined): Position[][][] {
  const g = feature?.geometry;
  if (!g) return [];
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  return [];
}

/**
 * Flattens areas (already validated: closed rings of finite positions) into typed arrays, in input order.
 * Features whose geometry is null, empty or not a polygon are kept as areas that contain nothing.
 * @example
 * const rings = flattenAreas(featureCollection([polygon([[[0, 0], [1, 0], [1, 1], [0, 0]]])]));
 * rings.nAreas // => 1
 */
export function flattenAreas(areas: AreaInput): AreaRings {
  const features = areas.features as Feature[];
  const nAreas = features.length;
  let nPositions = 0;
  let nRings = 0;
  let nPolys = 0;
  for (const f of features) {
    for (const poly of polygonsOf(f)) {
      nPolys++;
      for (const ring of poly) {
        nRings++;
        nPositions += ring.length;
      }
    }
  }
  const coords = new Float64Array(nPositions * 2);
  const ringStart = new Int32Array(nRings + 1);
  const polyRingStart = new Int32Array(nPolys + 1);
  const areaPolyStart = new Int32Array(nAreas + 1);
  const bbox = new Float64Array(nAreas * 4);
  const hasGeometry = new Uint8Array(nAreas);
  let pos = 0;
  let ring = 0;
  let poly = 0;
  features.forEach((f, a) => {
    areaPolyStart[a] = poly;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const rings of polygonsOf(f)) {
      polyRingStart[poly++] = ring;
      for (const positions of rings) {
        ringStart[ring++] = pos;
        for (const p of positions) {
          const x = p[0]!;
          const y = p[1]!;
          coords[pos * 2] = x;
          coords[pos * 2 + 1] = y;
          pos++;
          if (x < minX) minX = x;
          if (x > maxX) maxX = x;
          if (y < minY) minY = y;
          if (y > maxY) maxY = y;
        }
      }
    }
    hasGeometry[a] = minX <= maxX ? 1 : 0;
    bbox.set([minX, minY, maxX, maxY], a * 4);
  });
  areaPolyStart[nAreas] = poly;
  polyRingStart[nPolys] = ring;
  ringStart[nRings] = pos;
  return { nAreas, coords, ringStart, polyRingStart, areaPolyStart, bbox, hasGeometry };
}

/**
 * Whether area `a` contains the point, boundary included, exactly as @turf/boolean-point-in-polygon decides.
 * @example
 * areaContainsExact(rings, 0, 0.5, 0.2) // => true for the triangle above
 */
export function areaContainsExact(rings: AreaRings, a: number, x: number, y: number): boolean {
  const b = a * 4;
  // a bbox test is exact: it only rejects points that no ring can contain or touch
  if (x < rings.bbox[b]! || y < rings.bbox[b + 1]! || x > rings.bbox[b + 2]! || y > rings.bbox[b + 3]!) return false;
  for (let p = rings.areaPolyStart[a]!; p < rings.areaPolyStart[a + 1]!; p++) {
    const where = pointInRingsExact(x, y, rings.coords, rings.ringStart, rings.polyRingStart[p]!, rings.polyRingStart[p + 1]!);
    if (where === ON_BOUNDARY || where === INSIDE) return true;
  }
  return false;
}

/**
 * The first area, in input order, that contains the point (boundary included), or -1.
 * @example
 * firstAreaContaining(rings, 0.5, 0.2) // => 0
 */
export function firstAreaContaining(rings: AreaRings, x: number, y: number): number {
  for (let a = 0; a < rings.nAreas; a++) if (areaContainsExact(rings, a, x, y)) return a;
  return -1;
}
