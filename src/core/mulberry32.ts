// the one seeded random number generator: demo data, benchmarks and tests all draw from it, so runs repeat exactly.

/**
 * Small, fast, seedable PRNG (mulberry32); returns numbers in [0, 1).
 * @example
 * const random = mulberry32(42);
 * random(); // => 0.6011037519201636, the same on every run
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
