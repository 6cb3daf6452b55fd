// generates the demo town "Millbrook" (neighbourhoods and sample pins, also those of its closed 2025 consultation)
// from a seed; run with `npm run generate:demo`.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bbox } from '@turf/bbox';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { featureCollection, point, polygon } from '@turf/helpers';
import { rewind } from '@turf/rewind';
import { voronoi } from '@turf/voronoi';
import type { Feature, FeatureCollection, MultiPolygon, Position } from 'geojson';
import type { AreaCollection, AreaFeature, AreaGeometry, PinCollection, PinFeature, PinProperties } from '../core/types.ts';
import { mulberry32 } from '../core/mulberry32.ts';
import { clip, close, distanceToSegment, piecesArea, ringCentroid } from './demoGeometry.ts';
import type { Pieces, Ring } from './demoGeometry.ts';
import { generateParksPins } from './demoParksPins.ts';
import { demoStreets } from './demoStreets.ts';
import { DEMO_PIN_TEMPLATES } from './demoPinTemplates.ts';
import type { DemoPinTemplate } from './demoPinTemplates.ts';

/** The seed the committed data/demo-*.geojson files were made with. */
export const DEMO_SEED = 20260428;

/** Fictional town centre in rural Lincolnshire, [lng, lat]; no real ward lies under it. */
const CENTRE: Position = [-0.17, 53.28];
const TOWN_RADIUS_KM = 4;
const RIVER_HALF_WIDTH_KM = 0.03;
const CELL_COUNT = 17;
const PIN_COUNT = 40;
const MIN_PIECE_KM2 = 0.08;
const PARK_NAME = 'Hollins Park';
const BRIDGE_NAME = 'Old Town';




/** Turns a neighbourhood name into its id: "St Anne's" -> "st-annes". */
export function slugify(name: string): string {
  return name.toLowerCase().replace(/['’]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

// anchors (km east, km north of the centre) pull each name towards a plausible part of town;
// river names are placed relative to the river line, so they land on its banks.
function nameAnchors(riverY: (x: number) => number): [string, number, number][] {
  const onRiver = (name: string, x: number, dy: number): [string, number, number] => [name, x, riverY(x) + dy];
  return [
    onRiver('Canal Basin', -0.8, -0.5), onRiver('Mill Lane', 1.3, 0.4),
    onRiver('Riverside', -2.2, 0.4), onRiver('Brookside', 2.6, -0.4), onRiver('Weir Meadows', -2.8, -0.5),
    ['St Anne\'s', -0.6, 1.4], ['Chapel End', 1.2, -1.2], ['Foundry Fields', 2.0, 0.9], ['Station Quarter', 1.0, 1.9],
    ['Greenbank', -1.4, -1.5], ['Northfield', 0, 3.2], ['Highcroft', 2.3, 2.4], ['Eastbrook', 3.3, 0],
    ['Ashby Green', 2.3, -2.4], ['Southgate', 0, -3.2], ['Kingsmead', -2.3, -2.4], ['Westwood', -3.3, 0.2],
    ['Birch Hill', -2.3, 2.4], ['Longmoor', -3.0, -1.3], ['Upper Heath', -1.2, 2.9], ['Orchard Rise', 3.0, 1.5],
  ];
}

/** An irregular star-shaped outline, so it cannot cross itself. */
function townOutline(random: () => number): Ring {
  const phases = [random(), random(), random()].map((p) => p * 2 * Math.PI);
  const n = 36;
  const ring: Ring = [];
  for (let i = 0; i < n; i++) {
    const angle = (i / n) * 2 * Math.PI;
    const wobble = 0.12 * Math.sin(2 * angle + phases[0]!) + 0.08 * Math.sin(3 * angle + phases[1]!) + 0.05 * Math.sin(5 * angle + phases[2]!);
    const r = TOWN_RADIUS_KM * (1 + wobble + 0.04 * (random() - 0.5));
    ring.push([r * Math.cos(angle), r * Math.sin(angle) * 0.9]);
  }
  return close(ring);
}

/** The river's centre line as y(x): two gentle meanders and a slight tilt, crossing the whole town. */
function riverLine(random: () => number): (x: number) => number {
  const [p1, p2, tilt] = [random() * 2 * Math.PI, random() * 2 * Math.PI, (random() - 0.5) * 0.3];
  return (x) => 0.45 * Math.sin(0.7 * x + p1) + 0.2 * Math.sin(1.9 * x + p2) + tilt * x - 0.2;
}

/** Land north and south of the river, each as pieces; the channel between them is left out of every area. */
function landBesideRiver(outline: Ring, riverY: (x: number) => number): { north: Pieces; south: Pieces } {
  const north: Ring = [];
  const south: Ring = [];
  const step = 0.1;
  for (let x = -TOWN_RADIUS_KM * 1.6; x <= TOWN_RADIUS_KM * 1.6 + 1e-9; x += step) {
    // offset along the normal so the channel keeps its width on bends
    const slope = (riverY(x + 0.001) - riverY(x - 0.001)) / 0.002;
    const norm = Math.hypot(1, slope);
    const [nx, ny] = [-slope / norm, 1 / norm];
    const y = riverY(x);
    north.push([x + nx * RIVER_HALF_WIDTH_KM, y + ny * RIVER_HALF_WIDTH_KM]);
    south.push([x - nx * RIVER_HALF_WIDTH_KM, y - ny * RIVER_HALF_WIDTH_KM]);
  }
  const far = TOWN_RADIUS_KM * 3;
  const [first, last] = [north[0]![0]!, north[north.length - 1]![0]!];
  const northRegion = close([...north, [last, far], [first, far]].reverse());
  const southRegion = close([...south, [last, -far], [first, -far]]);
  return { north: clip([[outline]], [[northRegion]]), south: clip([[outline]], [[southRegion]]) };
}

/** Seeds inside the outline, spaced further apart towards the edge so central neighbourhoods are smaller. */
function seedPoints(random: () => number, outline: Ring): Position[] {
  const seeds: Position[] = [];
  const outlinePolygon = polygon([outline]);
  for (let tries = 0; seeds.length < CELL_COUNT && tries < 20000; tries++) {
    const r = TOWN_RADIUS_KM * 1.1 * random() ** 0.9;
    const angle = random() * 2 * Math.PI;
    const p: Position = [r * Math.cos(angle), r * Math.sin(angle)];
    const spacing = 0.7 + 1.1 * (r / TOWN_RADIUS_KM);
    if (!booleanPointInPolygon(p, outlinePolygon)) continue;
    if (seeds.some((s) => Math.hypot(s[0]! - p[0]!, s[1]! - p[1]!) < spacing)) continue;
    seeds.push(p);
  }
  return seeds;
}

/** A small irregular park ring well inside one neighbourhood's only piece, or null when none fits. */
function placePark(random: () => number, cells: Pieces[]): { cell: number; ring: Ring } | null {
  const order = cells
    .map((pieces, i) => ({ i, pieces, area: piecesArea(pieces) }))
    .filter((c) => c.pieces.length === 1)
    .sort((a, b) => b.area - a.area);
  for (const { i, pieces } of order) {
    const outer = pieces[0]![0]!;
    const centre = ringCentroid(outer);
    const ring: Ring = [];
    for (let k = 0; k < 10; k++) {
      const angle = -(k / 10) * 2 * Math.PI;
      const r = 0.35 * (0.8 + 0.4 * random());
      ring.push([centre[0] + r * Math.cos(angle), centre[1] + r * Math.sin(angle) * 0.8]);
    }
    const inside = ring.every((p) => booleanPointInPolygon(p, polygon([outer])));
    const margin = Math.min(...ring.flatMap((p) => outer.slice(1).map((b, j) => distanceToSegment(p, outer[j]!, b))));
    if (inside && margin > 0.25) return { cell: i, ring: close(ring) };
  }
  return null;
}

/** Gives each cell the nearest free name: all (cell, name) pairs by distance, taken greedily. */
function nameCells(cells: Pieces[], riverY: (x: number) => number, bridge: number): string[] {
  const anchors = nameAnchors(riverY);
  const names: string[] = [];
  names[bridge] = BRIDGE_NAME;
  const centres = cells.map((pieces) => ringCentroid([...pieces].sort((a, b) => piecesArea([b]) - piecesArea([a]))[0]![0]!));
  const pairs = centres.flatMap((c, cell) => anchors.map(([name, x, y]) => ({ cell, name, d: Math.hypot(c[0] - x, c[1] - y) })));
  pairs.sort((a, b) => a.d - b.d || a.cell - b.cell || a.name.localeCompare(b.name));
  const used = new Set<string>();
  for (const { cell, name } of pairs) {
    if (names[cell] !== undefined || used.has(name)) continue;
    names[cell] = name;
    used.add(name);
  }
  return names;
}

/** Converts km around CENTRE to [lng, lat] rounded to 6 decimals (~0.1 m), dropping repeated positions. */
export function toLngLatRing(ring: Ring): Ring {
  const kmPerDegLat = 110.574;
  const kmPerDegLng = 111.32 * Math.cos((CENTRE[1]! * Math.PI) / 180);
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  const out: Ring = [];
  for (const [x, y] of ring as [number, number][]) {
    const p = [round(CENTRE[0]! + x / kmPerDegLng), round(CENTRE[1]! + y / kmPerDegLat)];
    const prev = out[out.length - 1];
    if (!prev || prev[0] !== p[0] || prev[1] !== p[1]) out.push(p);
  }
  return out;
}

function areaFeature(name: string, pieces: Pieces): AreaFeature {
  const rings = pieces.map((rs) => rs.map(toLngLatRing));
  const geometry: AreaGeometry = rings.length === 1 ? { type: 'Polygon', coordinates: rings[0]! } : { type: 'MultiPolygon', coordinates: rings };
  const id = slugify(name);
  const rewound = rewind(geometry) as AreaGeometry;
  return { type: 'Feature', id, properties: { id, name }, geometry: rewound };
}

/** One attempt at a town; null when the seeds gave slivers or left no room for the park. */
function tryTown(random: () => number): { areas: AreaCollection; land: MultiPolygon; outline: Ring; riverY: (x: number) => number; park: Ring } | null {
  const outline = townOutline(random);
  const riverY = riverLine(random);
  const banks = landBesideRiver(outline, riverY);
  const seeds = seedPoints(random, outline);
  if (seeds.length < CELL_COUNT) return null;
  // the river bounds every neighbourhood but one: the old town nearest the middle spans the bridge,
  // so it takes part in the voronoi of both banks and comes out as a MultiPolygon.
  const bridge = seeds.reduce((best, s, i) => (Math.hypot(s[0]!, s[1]! - riverY(s[0]!)) < Math.hypot(seeds[best]![0]!, seeds[best]![1]! - riverY(seeds[best]![0]!)) ? i : best), 0);
  const isNorth = seeds.map((s, i) => i === bridge || s[1]! > riverY(s[0]!));
  const isSouth = seeds.map((s, i) => i === bridge || s[1]! <= riverY(s[0]!));
  const cells: Pieces[] = seeds.map(() => []);
  for (const [onSide, landPieces] of [[isNorth, banks.north], [isSouth, banks.south]] as const) {
    const members = seeds.flatMap((s, i) => (onSide[i] ? [i] : []));
    const extent = TOWN_RADIUS_KM * 2;
    const points = featureCollection(members.map((i) => point(seeds[i]!)));
    voronoi(points, { bbox: [-extent, -extent, extent, extent] }).features.forEach((cell, k) => {
      cells[members[k]!]!.push(...clip([cell.geometry.coordinates], landPieces));
    });
  }
  if (cells.some((pieces) => pieces.length === 0 || pieces.some((p) => piecesArea([p]) < MIN_PIECE_KM2))) return null;
  if (cells[bridge]!.length !== 2) return null;
  const park = placePark(random, cells.map((pieces, i) => (i === bridge ? [] : pieces)));
  if (!park) return null;
  const names = nameCells(cells, riverY, bridge);
  const withHole = cells.map((pieces, i) => (i === park.cell ? [[...pieces[0]!, park.ring]] : pieces));
  const features = withHole.map((pieces, i) => areaFeature(names[i]!, pieces));
  features.push(areaFeature(PARK_NAME, [[[...park.ring].reverse()]]));
  features.sort((a, b) => a.id.localeCompare(b.id));
  const land: MultiPolygon = rewind({ type: 'MultiPolygon', coordinates: [...banks.north, ...banks.south].map((rs) => rs.map(toLngLatRing)) }) as MultiPolygon;
  return { areas: { type: 'FeatureCollection', features }, land, outline, riverY, park: park.ring };
}

// the first pin always goes in the park enclave, so point-in-hole assignment has a case to show
const PARK_PIN: DemoPinTemplate = ['green-space', 'asset', 'positive', 'Walk round Hollins reservoir', 'A flat loop of about a mile; lovely early in the morning.'];

function demoPins(random: () => number, areas: AreaCollection): PinCollection {
  const templates = [...DEMO_PIN_TEMPLATES];
  // fisher-yates, so which templates are used and in what order depends only on the seed
  for (let i = templates.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [templates[i], templates[j]] = [templates[j]!, templates[i]!];
  }
  const townBox = bbox(areas);
  const parkBox = bbox(areas.features.find((f) => f.properties.id === slugify(PARK_NAME))!);
  const start = Date.UTC(2026, 3, 1, 7, 0, 0);
  const features: PinFeature[] = [];
  for (let tries = 0; features.length < PIN_COUNT && tries < 100000; tries++) {
    const [minX, minY, maxX, maxY] = features.length === 0 ? parkBox : townBox;
    // a mild pull towards the middle of town, where most pins land in real consultations,
    // and a rising bar for areas that already have pins, so every neighbourhood gets some
    const u = 0.5 + (random() - 0.5) * (0.5 + 0.5 * random());
    const v = 0.5 + (random() - 0.5) * (0.5 + 0.5 * random());
    const position: Position = [Math.round((minX + u * (maxX - minX)) * 1e6) / 1e6, Math.round((minY + v * (maxY - minY)) * 1e6) / 1e6];
    const area = areas.features.find((f) => booleanPointInPolygon(position, f, { ignoreBoundary: true }));
    if (!area || features.some((f) => Math.hypot(f.geometry.coordinates[0]! - position[0]!, f.geometry.coordinates[1]! - position[1]!) < 0.0012)) continue;
    if (random() * (1 + features.filter((f) => f.properties.area === area.properties.id).length) > 1) continue;
    const [theme, kind, sentiment, title, note] = features.length === 0 ? PARK_PIN : templates[features.length % templates.length]!;
    const id = `demo-pin-${String(features.length + 1).padStart(2, '0')}`;
    // made during waking hours over eight weeks; about a third edited later
    const created = start + Math.floor(random() * 56) * 86_400_000 + Math.floor(random() * 14 * 60) * 60_000;
    const updated = random() < 0.3 ? created + Math.floor(random() * 72 * 60) * 60_000 : created;
    const properties: PinProperties = { id, kind, theme, title, ...(note ? { note } : {}), ...(sentiment ? { sentiment } : {}), area: area.properties.id, createdAt: new Date(created).toISOString(), updatedAt: new Date(updated).toISOString() };
    features.push({ type: 'Feature', id, properties, geometry: { type: 'Point', coordinates: position } });
  }
  return { type: 'FeatureCollection', features };
}

/** What the demo basemap is drawn from, in km around the centre: the outline, the river's centre line and the park. */
export interface DemoTownPlan {
  outline: Ring;
  riverY: (x: number) => number;
  park: Ring;
  riverHalfWidthKm: number;
  radiusKm: number;
}

/**
 * Builds the demo town: neighbourhoods (a clipped Voronoi split by a river, with a park enclave), sample pins,
 * and the town's land (outline less the river channel) that the neighbourhoods tile without gaps or overlaps.
 * The same seed always gives the same output, byte for byte once serialised with `toGeoJsonText`.
 * @example
 * const { areas, pins } = generateDemoTown(DEMO_SEED);
 * areas.features.length; // => 18
 */
export function generateDemoTown(seed: number = DEMO_SEED): { areas: AreaCollection; pins: PinCollection; land: MultiPolygon; plan: DemoTownPlan } {
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  const random = mulberry32(seed);
  for (let attempt = 0; attempt < 500; attempt++) {
    const town = tryTown(random);
    if (town) {
      const { areas, land, outline, riverY, park } = town;
      const plan = { outline, riverY, park, riverHalfWidthKm: RIVER_HALF_WIDTH_KM, radiusKm: TOWN_RADIUS_KM };
      return { areas, land, plan, pins: demoPins(random, areas) };
    }
  }
  throw new Error(`no usable town found for seed ${seed} in 500 attempts`);
}

/** Serialises a FeatureCollection with one feature per line, so diffs of the data files stay readable. */
export function toGeoJsonText(collection: FeatureCollection | { type: 'FeatureCollection'; features: Feature[] }): string {
  return `{"type":"FeatureCollection","features":[\n${collection.features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data');
  const { areas, pins, plan } = generateDemoTown(DEMO_SEED);
  writeFileSync(path.join(dataDir, 'demo-streets.geojson'), toGeoJsonText(demoStreets(plan, toLngLatRing)));
  writeFileSync(path.join(dataDir, 'demo-areas.geojson'), toGeoJsonText(areas));
  writeFileSync(path.join(dataDir, 'demo-pins.geojson'), toGeoJsonText(pins));
  const parks = generateParksPins(areas);
  writeFileSync(path.join(dataDir, 'demo-pins-parks-2025.geojson'), toGeoJsonText(parks));
  console.log(`wrote ${areas.features.length} areas, ${pins.features.length} pins and ${parks.features.length} pins of the 2025 consultation to ${dataDir}`);
}
