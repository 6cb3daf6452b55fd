// ring segments of each area bucketed by grid row: an exact point-in-area test then reads only a few segments.
import type { AreaRings } from './areaRings.ts';
import { signOfDifferenceOfProducts } from './pointInRingsExact.ts';

/**
 * Turf's crossing test (point-in-polygon-hao) only counts segments whose y-range contains the point's y,
 * and each segment counts independently of the others. So for a point in grid row r it is enough to visit
 * the segments whose y-range maps to a row range holding r (the row map is monotone).
 */
export interface RowBuckets {
  /** first row of each area's bbox, and where its rows start in bucketStart */
  areaFirstRow: Int32Array;
  areaLastRow: Int32Array;
  areaBase: Int32Array;
  /** segments of (area, row) are seg[bucketStart[b] .. bucketStart[b+1]) with b = areaBase[a] + row - areaFirstRow[a] */
  bucketStart: Int32Array;
  /** index of each segment's first vertex in AreaRings.coords (segment i -> i + 1) */
  seg: Int32Array;
  /** polygon of each segment, to keep one crossing parity per polygon */
  segPoly: Int32Array;
}

/**
 * Buckets every ring segment by the grid rows its y-range maps to.
 * @example
 * const buckets = buildRowBuckets(rings, (y) => Math.floor((y - minY) * invH));
 */
export function buildRowBuckets(rings: AreaRings, rowOf: (y: number) => number): RowBuckets {
  const { nAreas, coords, ringStart, polyRingStart, areaPolyStart, bbox, hasGeometry } = rings;
  const areaFirstRow = new Int32Array(nAreas);
  const areaLastRow = new Int32Array(nAreas).fill(-1);
  const areaBase = new Int32Array(nAreas + 1);
  let nBuckets = 0;
  for (let a = 0; a < nAreas; a++) {
    areaBase[a] = nBuckets;
    if (!hasGeometry[a]) continue;
    areaFirstRow[a] = rowOf(bbox[a * 4 + 1]!);
    areaLastRow[a] = rowOf(bbox[a * 4 + 3]!);
    nBuckets += areaLastRow[a]! - areaFirstRow[a]! + 1;
  }
  areaBase[nAreas] = nBuckets;
  const bucketStart = new Int32Array(nBuckets + 1);
  const visit = (add: (bucket: number, i: number, poly: number) => void): void => {
    for (let a = 0; a < nAreas; a++) {
      for (let p = areaPolyStart[a]!; p < areaPolyStart[a + 1]!; p++) {
        for (let r = polyRingStart[p]!; r < polyRingStart[p + 1]!; r++) {
          for (let i = ringStart[r]!; i < ringStart[r + 1]! - 1; i++) {
            const y1 = coords[i * 2 + 1]!;
            const y2 = coords[i * 2 + 3]!;
            const r0 = rowOf(Math.min(y1, y2));
            const r1 = rowOf(Math.max(y1, y2));
            for (let row = r0; row <= r1; row++) add(areaBase[a]! + row - areaFirstRow[a]!, i, p);
          }
        }
      }
    }
  };
  visit((b) => bucketStart[b + 1]!++);
  for (let b = 1; b <= nBuckets; b++) bucketStart[b]! += bucketStart[b - 1]!;
  const seg = new Int32Array(bucketStart[nBuckets]!);
  const segPoly = new Int32Array(seg.length);
  const fill = bucketStart.slice(0, nBuckets);
  visit((b, i, p) => {
    seg[fill[b]!] = i;
    segPoly[fill[b]!++] = p;
  });
  return { areaFirstRow, areaLastRow, areaBase, bucketStart, seg, segPoly };
}

/**
 * Whether area `a` contains (x, y), boundary included, given that y maps to grid row `row`. Same answer
 * as areaContainsExact / @turf/boolean-point-in-polygon, from the segments of that row only.
 * @example
 * areaContainsInRow(rings, buckets, 3, row, x, y) // => true
 */
export function areaContainsInRow(rings: AreaRings, buckets: RowBuckets, a: number, row: number, x: number, y: number): boolean {
  if (row < buckets.areaFirstRow[a]! || row > buckets.areaLastRow[a]!) return false;
  const b = buckets.areaBase[a]! + row - buckets.areaFirstRow[a]!;
  const { coords } = rings;
  const { seg, segPoly } = buckets;
  let poly = -1;
  let k = 0;
  for (let s = buckets.bucketStart[b]!; s < buckets.bucketStart[b + 1]!; s++) {
    if (segPoly[s] !== poly) {
      if (k % 2 === 1) return true;
      poly = segPoly[s]!;
      k = 0;
    }
    const i = seg[s]! * 2;
    const u1 = coords[i]! - x;
    const v1 = coords[i + 1]! - y;
    const u2 = coords[i + 2]! - x;
    const v2 = coords[i + 3]! - y;
    if (v1 === 0 && v2 === 0) {
      if ((u2 <= 0 && u1 >= 0) || (u1 <= 0 && u2 >= 0)) return true;
    } else if ((v2 >= 0 && v1 <= 0) || (v2 <= 0 && v1 >= 0)) {
      const f = signOfDifferenceOfProducts(u2, v1, u1, v2);
      if (f === 0) return true;
      if ((f > 0 && v2 > 0 && v1 <= 0) || (f < 0 && v2 <= 0 && v1 > 0)) k++;
    }
  }
  return k % 2 === 1;
}
