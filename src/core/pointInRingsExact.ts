// exact point-in-polygon on flat typed-array rings, with the boundary semantics of @turf/boolean-point-in-polygon.

/**
 * Exact sign of `a*b - c*d` for finite doubles: a floating-point filter, then exact BigInt arithmetic
 * when the filter cannot decide. Same answer as robust-predicates' orient2d with the third point at
 * the origin, which is what point-in-polygon-hao (inside Turf) calls.
 * @example
 * signOfDifferenceOfProducts(0.1, 0.3, 0.3, 0.1) // => 0 (exactly, although 0.1*0.3 - 0.3*0.1 rounds)
 */
export function signOfDifferenceOfProducts(a: number, b: number, c: number, d: number): number {
  const p = a * b;
  const q = c * d;
  const diff = p - q;
  const scale = Math.abs(p) + Math.abs(q);
  // 8 units in the last place of the inputs' magnitude: far above the rounding of two products and one subtraction
  if (Math.abs(diff) > 8.9e-16 * scale && scale > 1e-280) return diff > 0 ? 1 : -1;
  const left = exactProduct(a, b);
  const right = exactProduct(c, d);
  return compareScaled(left, right);
}

interface Scaled {
  m: bigint;
  e: number;
}

const view = new DataView(new ArrayBuffer(8));

/** x as m * 2^e with an integer mantissa m. */
function decompose(x: number): Scaled {
  if (x === 0) return { m: 0n, e: 0 };
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const sign = hi >>> 31 ? -1n : 1n;
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (biased === 0) e = -1074;
  else {
    mant |= 1n << 52n;
    e = biased - 1075;
  }
  return { m: sign * mant, e };
}

function exactProduct(a: number, b: number): Scaled {
  const x = decompose(a);
  const y = decompose(b);
  return { m: x.m * y.m, e: x.e + y.e };
}

function compareScaled(x: Scaled, y: Scaled): number {
  const e = Math.min(x.e, y.e);
  const d = (x.m << BigInt(x.e - e)) - (y.m << BigInt(y.e - e));
  return d > 0n ? 1 : d < 0n ? -1 : 0;
}

/** Where a point is relative to one polygon (outer ring and holes). */
export const ON_BOUNDARY = 0;
export const INSIDE = 1;
export const OUTSIDE = 2;

/**
 * Point in one polygon given as rings in a flat coordinate array: ring r holds the closed ring
 * `coords[2*ringStart[r] .. 2*ringStart[r+1])`. Replicates point-in-polygon-hao step by step
 * (same differences, same exact orientation test), so it agrees with Turf on every double,
 * including points on edges and vertices of the outer ring or of a hole (both count as boundary).
 * @example
 * const square = new Float64Array([0, 0, 1, 0, 1, 1, 0, 1, 0, 0]);
 * pointInRingsExact(0.5, 0.5, square, new Int32Array([0, 5]), 0, 1) // => INSIDE
 * pointInRingsExact(1, 0.5, square, new Int32Array([0, 5]), 0, 1) // => ON_BOUNDARY
 */
export function pointInRingsExact(
  x: number,
  y: number,
  coords: Float64Array,
  ringStart: Int32Array,
  firstRing: number,
  endRing: number,
): number {
  let k = 0;
  for (let r = firstRing; r < endRing; r++) {
    const start = ringStart[r]! * 2;
    const end = ringStart[r + 1]! * 2 - 2; // the last position repeats the first
    let u1 = coords[start]! - x;
    let v1 = coords[start + 1]! - y;
    for (let i = start + 2; i <= end; i += 2) {
      const u2 = coords[i]! - x;
      const v2 = coords[i + 1]! - y;
      if (v1 === 0 && v2 === 0) {
        if ((u2 <= 0 && u1 >= 0) || (u1 <= 0 && u2 >= 0)) return ON_BOUNDARY;
      } else if ((v2 >= 0 && v1 <= 0) || (v2 <= 0 && v1 >= 0)) {
        // orient2d(u1, u2, v1, v2, 0, 0) in hao's argument order is u2*v1 - u1*v2
        const f = signOfDifferenceOfProducts(u2, v1, u1, v2);
        if (f === 0) return ON_BOUNDARY;
        if ((f > 0 && v2 > 0 && v1 <= 0) || (f < 0 && v2 <= 0 && v1 > 0)) k++;
      }
      v1 = v2;
      u1 = u2;
    }
  }
  return k % 2 === 0 ? OUTSIDE : INSIDE;
}
