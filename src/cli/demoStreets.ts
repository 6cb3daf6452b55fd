// the demo town's basemap features (roads, rail, river, parks, landmarks) drawn from its plan, in the layer and kind
// names of the Protomaps basemap schema, so the renderer's stock style draws the demo like a council's own file.
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { DemoTownPlan } from './generateDemoTown.ts';
import { close } from './demoGeometry.ts';
import type { Ring } from './demoGeometry.ts';
import { DEMO_LANDMARKS, DEMO_MINOR_STREET_NAMES } from './demoLandmarks.ts';

/** Properties of one basemap feature: `layer` is the vector-tile layer it goes into, the rest are its tags. */
export type BasemapProperties = { layer: string; kind: string; name?: string; min_zoom?: number } & Record<string, string | number | undefined>;
export type BasemapFeature = Feature<Geometry, BasemapProperties>;

type ToLngLat = (positions: Position[]) => Position[];

const STEP_KM = 0.02;

/** Ray-casting point in ring, in the plane. */
function inRing(p: Position, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > p[1]! !== yj > p[1]! && p[0]! < ((xj - xi) * (p[1]! - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Samples a curve every STEP_KM and keeps the runs where `keep` holds, each as one line. */
function clippedRuns(curve: (t: number) => Position, lengthKm: number, keep: (p: Position) => boolean): Position[][] {
  const runs: Position[][] = [];
  let run: Position[] = [];
  const steps = Math.ceil(lengthKm / STEP_KM);
  for (let i = 0; i <= steps; i++) {
    const p = curve(i / steps);
    if (keep(p)) run.push(p);
    else {
      if (run.length >= 4) runs.push(run);
      run = [];
    }
  }
  if (run.length >= 4) runs.push(run);
  // every fourth sample (80 m) is plenty for gentle bends; the ends stay exact
  return runs.map((r) => r.filter((_, i) => i % 4 === 0 || i === r.length - 1));
}

function ellipse(centre: Position, rx: number, ry: number, n = 24): Ring {
  const ring: Ring = [];
  for (let k = 0; k < n; k++) {
    const a = (k / n) * 2 * Math.PI;
    ring.push([centre[0]! + rx * Math.cos(a), centre[1]! + ry * Math.sin(a)]);
  }
  return close(ring);
}

const line = (toLngLat: ToLngLat, positions: Position[], properties: BasemapProperties): BasemapFeature => ({
  type: 'Feature', properties, geometry: { type: 'LineString', coordinates: toLngLat(positions) },
});
const area = (toLngLat: ToLngLat, ring: Ring, properties: BasemapProperties): BasemapFeature => ({
  type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: [toLngLat(ring)] },
});
const spot = (toLngLat: ToLngLat, p: Position, properties: BasemapProperties): BasemapFeature => ({
  type: 'Feature', properties, geometry: { type: 'Point', coordinates: toLngLat([p])[0]! },
});

/** The river channel as one polygon, its banks offset along the normal as the town's land is. */
function riverChannel(plan: DemoTownPlan, fromX: number, toX: number): Ring {
  const north: Position[] = [];
  const south: Position[] = [];
  for (let x = fromX; x <= toX + 1e-9; x += 0.1) {
    const slope = (plan.riverY(x + 0.001) - plan.riverY(x - 0.001)) / 0.002;
    const norm = Math.hypot(1, slope);
    const [nx, ny] = [-slope / norm, 1 / norm];
    const y = plan.riverY(x);
    const w = plan.riverHalfWidthKm;
    north.push([x + nx * w, y + ny * w]);
    south.push([x - nx * w, y - ny * w]);
  }
  return close([...south, ...north.reverse()]);
}

function ringCentre(ring: Ring): Position {
  const xs = ring.map((p) => p[0]!);
  const ys = ring.map((p) => p[1]!);
  return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
}

/**
 * Draws Millbrook's basemap from its plan: earth, the river and a reservoir, parks, a cemetery and a school ground,
 * major roads crossing the town, a gently bent grid of side streets that stops at the river and the park, a railway,
 * paths, landmarks with names in every interface language, and the town's own label. Deterministic: no randomness.
 * @example
 * const { plan } = generateDemoTown(DEMO_SEED);
 * demoStreets(plan, toLngLatRing).features.some((f) => f.properties.kind === 'major_road'); // => true
 */
export function demoStreets(plan: DemoTownPlan, toLngLat: ToLngLat): FeatureCollection<Geometry, BasemapProperties> {
  const R = plan.radiusKm;
  const far = R * 1.6;
  const inRiver = (p: Position) => Math.abs(p[1]! - plan.riverY(p[0]!)) < plan.riverHalfWidthKm + 0.015;
  const park = plan.park;
  const parkCentre = ringCentre(park);
  const onLand = (p: Position) => inRing(p, plan.outline) && !inRiver(p) && !inRing(p, park);
  const features: BasemapFeature[] = [];

  features.push(area(toLngLat, close([[-far, -far], [far, -far], [far, far], [-far, far]]), { layer: 'earth', kind: 'earth' }));
  features.push(area(toLngLat, riverChannel(plan, -far, far), { layer: 'water', kind: 'river', name: 'Mill Brook' }));
  features.push(area(toLngLat, park, { layer: 'landuse', kind: 'park', name: 'Hollins Park' }));
  const reservoir = ellipse(parkCentre, 0.14, 0.09);
  features.push(area(toLngLat, reservoir, { layer: 'water', kind: 'lake', name: 'Hollins Reservoir' }));

  // small green spaces, a churchyard and a school ground near the neighbourhoods they are named after
  const grounds: [Position, number, BasemapProperties][] = [
    [[0.35, plan.riverY(0.35) + 0.22], 0.09, { layer: 'landuse', kind: 'park', name: 'The Green' }],
    [[-2.1, plan.riverY(-2.1) + 0.2], 0.16, { layer: 'landuse', kind: 'park', name: 'Riverside Park' }],
    [[2.1, 0.95], 0.13, { layer: 'landuse', kind: 'park', name: 'Foundry Rec' }],
    [[-0.45, 1.55], 0.08, { layer: 'landuse', kind: 'cemetery', name: 'St Anne\'s Churchyard' }],
    [[1.05, -1.35], 0.11, { layer: 'landuse', kind: 'school', name: 'Millbrook Academy' }],
  ];
  for (const [centre, r, properties] of grounds) {
    const ring = ellipse(centre, r, r * 0.75, 16);
    if (ring.every(onLand)) features.push(area(toLngLat, ring, properties));
  }

  // major roads cross the river on bridges and run on into the country
  const inReach = (p: Position) => Math.hypot(p[0]!, p[1]! / 0.9) < R * 1.5;
  const majors: [string, (t: number) => Position, number][] = [
    ['Bridge Street', (t) => { const y = -far + 2 * far * t; return [0.15 * Math.sin(0.8 * y) + 0.1, y]; }, 2 * far],
    ['High Street', (t) => { const x = -far + 2 * far * t; return [x, plan.riverY(x) + 0.55]; }, 2 * far],
    ['Mill Road', (t) => { const x = -far + 2 * far * t; return [x, 0.6 * plan.riverY(x) - 1.0]; }, 2 * far],
    ['Station Road', (t) => [0.1 + t * 3.0, plan.riverY(0.1) + 0.55 + t * (5.2 - plan.riverY(0.1))], 6],
    ['London Road', (t) => [0.1 - t * 3.2, -1.0 - t * 4.4], 5.5],
    ['Ring Road', (t) => [2.7 * Math.cos(2 * Math.PI * t), 2.3 * Math.sin(2 * Math.PI * t)], 16],
  ];
  for (const [name, curve, length] of majors) {
    for (const run of clippedRuns(curve, length, inReach)) features.push(line(toLngLat, run, { layer: 'roads', kind: 'major_road', name }));
  }

  // side streets: a grid turned a little and bent a little, stopping at the river and the park
  const turn = (12 * Math.PI) / 180;
  const rotate = ([u, v]: [number, number]): Position => [u * Math.cos(turn) - v * Math.sin(turn), u * Math.sin(turn) + v * Math.cos(turn)];
  let named = 0;
  for (const direction of [0, 1]) {
    for (let k = -14; k <= 14; k++) {
      const offset = k * 0.32;
      const curve = (t: number): Position => {
        const s = -R * 1.2 + 2.4 * R * t;
        const bend = 0.05 * Math.sin(1.7 * s + k);
        return rotate(direction === 0 ? [offset + bend, s] : [s, offset + bend]);
      };
      for (const run of clippedRuns(curve, 2.4 * R, onLand)) {
        const name = DEMO_MINOR_STREET_NAMES[named++ % DEMO_MINOR_STREET_NAMES.length]!;
        features.push(line(toLngLat, run, { layer: 'roads', kind: 'minor_road', name }));
      }
    }
  }

  const rail = (t: number): Position => { const x = -far + 2 * far * t; return [x, 1.9 + 0.08 * (x - 1.0)]; };
  features.push(line(toLngLat, clippedRuns(rail, 2 * far, () => true)[0]!, { layer: 'roads', kind: 'rail', kind_detail: 'rail', name: 'Millbrook Line' }));
  const walk = (t: number): Position => { const x = -3 + 6 * t; return [x, plan.riverY(x) - plan.riverHalfWidthKm - 0.04]; };
  for (const run of clippedRuns(walk, 6, (p) => inRing(p, plan.outline) && !inRing(p, park))) {
    features.push(line(toLngLat, run, { layer: 'roads', kind: 'path', name: 'Riverside Walk' }));
  }
  features.push(line(toLngLat, ellipse(parkCentre, 0.2, 0.14, 32), { layer: 'roads', kind: 'path', name: 'Reservoir Loop' }));

  features.push(spot(toLngLat, [-1.8, plan.riverY(-1.8)], { layer: 'water', kind: 'water', name: 'Mill Brook', 'name:cy': 'Nant y Felin', 'name:pl': 'Mill Brook', 'name:ur': 'مل بروک ندی' }));
  features.push(spot(toLngLat, parkCentre, { layer: 'water', kind: 'lake', name: 'Hollins Reservoir', 'name:cy': 'Cronfa Hollins', 'name:pl': 'Zbiornik Hollins', 'name:ur': 'ہولنز آبی ذخیرہ' }));
  for (const landmark of DEMO_LANDMARKS) {
    const at = landmark.at(plan);
    if (!onLand(at)) continue;
    features.push(spot(toLngLat, at, { layer: 'pois', kind: landmark.kind, min_zoom: 13, name: landmark.names.en, 'name:en': landmark.names.en, 'name:cy': landmark.names.cy, 'name:pl': landmark.names.pl, 'name:ur': landmark.names.ur }));
  }
  features.push(spot(toLngLat, [0.1, plan.riverY(0.1) + 1.1], { layer: 'places', kind: 'locality', min_zoom: 9, population_rank: 10, name: 'Millbrook', 'name:ur': 'مل بروک' }));
  return { type: 'FeatureCollection', features };
}
