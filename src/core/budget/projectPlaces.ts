// where a budget project is on a map, the asset pins near it, and a project draft made from residents' pins.
import distance from '@turf/distance';
import pointOnFeature from '@turf/point-on-feature';
import type { AreaCollection, LngLat, PinFeature, PinKind } from '../types.ts';
import type { BudgetProjectDraft, BudgetProjectRecord } from './budgetWire.ts';

/** how far from a project a resident's asset pin still counts as "near" it, in metres */
export const ASSETS_NEAR_METRES = 300;

/**
 * The one position a project's marker goes at: its point, or the mean of a point inside each of its areas (areas that
 * are not in `areas` are left out); null for a project with no location.
 * @example
 * projectPosition({ location: { point: [-2.1, 53.4] } }, areas) // => [-2.1, 53.4]
 * projectPosition({ location: null }, areas) // => null
 */
export function projectPosition(project: Pick<BudgetProjectRecord, 'location'>, areas: AreaCollection): LngLat | null {
  const { location } = project;
  if (!location) return null;
  if ('point' in location) return [location.point[0], location.point[1]];
  const inside: [number, number][] = [];
  for (const id of location.areas) {
    const area = areas.features.find((f) => String(f.properties.id) === id || String(f.id) === id);
    if (!area?.geometry) continue;
    const [lng, lat] = pointOnFeature(area).geometry.coordinates as [number, number];
    inside.push([lng, lat]);
  }
  if (inside.length === 0) return null;
  return [inside.reduce((s, p) => s + p[0], 0) / inside.length, inside.reduce((s, p) => s + p[1], 0) / inside.length];
}

export interface NearbyAsset {
  pin: PinFeature;
  /** whole metres from the project */
  metres: number;
}

/**
 * The residents' asset pins within `options.metres` (default 300 m) of a position, nearest first (ties by pin id), so
 * a project builds on what is valued. Priorities are left out (unless `options.kind` asks for them); the pins are not changed.
 * @example
 * assetsNear([-2.1, 53.4], pins).map((a) => `${a.pin.properties.title} ${a.metres} m`) // => ['Library 120 m', …]
 */
export function assetsNear(position: LngLat, pins: readonly PinFeature[], options: { metres?: number; kind?: PinKind } = {}): NearbyAsset[] {
  const limit = options.metres ?? ASSETS_NEAR_METRES;
  const kind = options.kind ?? 'asset';
  const near: NearbyAsset[] = [];
  for (const pin of pins) {
    if (pin.properties.kind !== kind) continue;
    const metres = distance([position[0], position[1]], pin.geometry.coordinates, { units: 'meters' });
    if (metres <= limit) near.push({ pin, metres: Math.round(metres) });
  }
  return near.sort((a, b) => a.metres - b.metres || (a.pin.id < b.pin.id ? -1 : a.pin.id > b.pin.id ? 1 : 0));
}

const TITLE_MAX = 200;
const DESCRIPTION_MAX = 5000;

/**
 * A project draft that answers residents' pins: titled after the most supported pin, described by each pin's title
 * and note, placed at the pins' mean position, themed by their most common theme (ties: the first pin's), cost 0 for
 * the planner to fill in, and linked back to the pins by id. Null for no pins.
 * @example
 * projectDraftFromPins([crossingPin, lightingPin])
 * // => { title: 'Safer crossing', description: '• Safer crossing: …\n• Lights: …', cost: 0, theme: 'safety',
 * //      location: { point: [-2.1, 53.4] }, pinIds: ['crossing', 'lights'] }
 */
export function projectDraftFromPins(pins: readonly PinFeature[]): BudgetProjectDraft | null {
  if (pins.length === 0) return null;
  const ordered = [...pins].sort((a, b) => (b.properties.supports ?? 0) - (a.properties.supports ?? 0));
  const lead = ordered[0]!;
  const counts = new Map<string, number>();
  for (const pin of pins) counts.set(pin.properties.theme, (counts.get(pin.properties.theme) ?? 0) + 1);
  let theme = pins[0]!.properties.theme;
  for (const [id, n] of counts) if (n > (counts.get(theme) ?? 0)) theme = id;
  const lines = ordered.map((p) => `• ${p.properties.title}${p.properties.note ? `: ${p.properties.note}` : ''}`);
  const lng = pins.reduce((s, p) => s + p.geometry.coordinates[0]!, 0) / pins.length;
  const lat = pins.reduce((s, p) => s + p.geometry.coordinates[1]!, 0) / pins.length;
  return {
    title: (lead.properties.title.trim() || '…').slice(0, TITLE_MAX),
    description: lines.join('\n').slice(0, DESCRIPTION_MAX),
    cost: 0,
    theme,
    location: { point: [round6(lng), round6(lat)] },
    pinIds: pins.map((p) => p.id),
  };
}

/** about 10 cm: enough for a marker, and the number stays short on the wire */
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/** a located project as a map marker: what the planner's and the ballot's maps draw */
export interface BudgetMarker {
  id: string;
  title: string;
  /** a second line, e.g. its cost as the page writes money */
  detail: string;
  position: LngLat;
  /** drawn filled (chosen on the ballot) */
  highlighted: boolean;
}

/**
 * The markers for the projects that have a location, in the projects' order; those without one are left out.
 * @example
 * budgetMarkers(projects, areas, (p) => `£${p.cost}`, new Set(['p1'])) // => [{ id: 'p1', title: 'Benches', detail: '£4000', position: [-2.1, 53.4], highlighted: true }, …]
 */
export function budgetMarkers(projects: readonly BudgetProjectRecord[], areas: AreaCollection, detail: (project: BudgetProjectRecord) => string, highlighted: ReadonlySet<string> = new Set()): BudgetMarker[] {
  const markers: BudgetMarker[] = [];
  for (const p of projects) {
    const position = projectPosition(p, areas);
    if (position) markers.push({ id: p.id, title: p.title, detail: detail(p), position, highlighted: highlighted.has(p.id) });
  }
  return markers;
}
