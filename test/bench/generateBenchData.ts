// deterministic benchmark data: ~120 noisy Voronoi neighbourhoods over a city-sized bbox, and N themed pins.
import { voronoi } from '@turf/voronoi';
import type { Feature, FeatureCollection, Point, Polygon, Position } from 'geojson';
import { mulberry32 as seededRandom } from '../../src/core/mulberry32.ts';

export const BENCH_BBOX: [number, number, number, number] = [-2.36, 53.38, -2.1, 53.56]; // ~17 x 20 km
export const BENCH_THEMES = ['green', 'play', 'safety', 'transport', 'housing', 'shops', 'heritage', 'health'];


function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * The points strictly between a and b of a noisy edge. Derived from the unordered pair, so the two
 * neighbours sharing an edge get exactly the same vertices (the reverse list for the reverse direction).
 */
function noisyEdge(a: Position, b: Position): Position[] {
  const ka = `${a[0]},${a[1]}`;
  const kb = `${b[0]},${b[1]}`;
  const forward = ka < kb;
  const [p, q] = forward ? [a, b] : [b, a];
  const rnd = seededRandom(hashString(forward ? `${ka}|${kb}` : `${kb}|${ka}`));
  const steps = 10 + Math.floor(rnd() * 24);
  const dx = q[0]! - p[0]!;
  const dy = q[1]! - p[1]!;
  const amplitude = 0.06 * rnd();
  const phase = rnd() * Math.PI * 2;
  const out: Position[] = [];
  for (let i = 1; i < steps; i++) {
    const t = i / steps;
    // smooth wiggle plus a little jitter, perpendicular to the edge, zero at both ends
    const off = (amplitude * Math.sin(Math.PI * t) * Math.sin(phase + t * 9) + 0.01 * (rnd() - 0.5)) * Math.sin(Math.PI * t);
    out.push([p[0]! + dx * t - dy * off, p[1]! + dy * t + dx * off]);
  }
  return forward ? out : out.reverse();
}

/**
 * About `n` areas (jittered grid of Voronoi seeds) with 60-200 vertices each and noisy edges shared exactly by neighbours.
 * @example
 * generateBenchAreas(120, 42).features.length // => 120
 */
export function generateBenchAreas(n = 120, seed = 42): FeatureCollection<Polygon> {
  const rnd = seededRandom(seed);
  const [w, s, e, nn] = BENCH_BBOX;
  const cols = Math.round(Math.sqrt(n * ((e - w) / (nn - s)) * 0.6));
  const rows = Math.ceil(n / cols);
  const seeds: Feature<Point>[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % cols;
    const r = Math.floor(i / cols);
    const x = w + ((c + 0.2 + rnd() * 0.6) / cols) * (e - w);
    const y = s + ((r + 0.2 + rnd() * 0.6) / rows) * (nn - s);
    seeds.push({ type: 'Feature', properties: { id: `area-${i}` }, geometry: { type: 'Point', coordinates: [x, y] } });
  }
  const cells = voronoi({ type: 'FeatureCollection', features: seeds }, { bbox: BENCH_BBOX });
  const features = cells.features.map((cell, i) => {
    const ring = cell.geometry.coordinates[0]!;
    const noisy: Position[] = [];
    for (let k = 0; k + 1 < ring.length; k++) noisy.push(ring[k]!, ...noisyEdge(ring[k]!, ring[k + 1]!));
    noisy.push(noisy[0]!);
    return { type: 'Feature' as const, properties: { id: `area-${i}`, name: `Area ${i}` }, geometry: { type: 'Polygon' as const, coordinates: [noisy] } };
  });
  return { type: 'FeatureCollection', features };
}

/**
 * `count` pins over 8 themes: 60% around 40 hot spots, 40% uniform over the bbox (a few beyond it),
 * 55% assets, createdAt over 2025.
 * @example
 * generateBenchPins(1000, 7).features.length // => 1000
 */
export function generateBenchPins(count: number, seed = 7): FeatureCollection<Point> {
  const rnd = seededRandom(seed);
  const [w, s, e, n] = BENCH_BBOX;
  const spots = Array.from({ length: 40 }, () => [w + rnd() * (e - w), s + rnd() * (n - s), 0.002 + rnd() * 0.01] as const);
  const start = Date.UTC(2025, 0, 1);
  const features: Feature<Point>[] = new Array(count);
  for (let i = 0; i < count; i++) {
    let x: number;
    let y: number;
    if (rnd() < 0.6) {
      const [cx, cy, r] = spots[Math.floor(rnd() * spots.length)]!;
      // Box-Muller
      const u = Math.sqrt(-2 * Math.log(1 - rnd()));
      const v = 2 * Math.PI * rnd();
      x = cx + r * 1.6 * u * Math.cos(v);
      y = cy + r * u * Math.sin(v);
    } else {
      x = w - 0.005 + rnd() * (e - w + 0.01);
      y = s - 0.005 + rnd() * (n - s + 0.01);
    }
    features[i] = {
      type: 'Feature',
      properties: {
        kind: rnd() < 0.55 ? 'asset' : 'priority',
        theme: BENCH_THEMES[Math.floor(rnd() * BENCH_THEMES.length)],
        createdAt: new Date(start + Math.floor(rnd() * 365 * 864e5)).toISOString(),
      },
      geometry: { type: 'Point', coordinates: [x, y] },
    };
  }
  return { type: 'FeatureCollection', features };
}
