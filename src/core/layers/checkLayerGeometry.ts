// checks one GeoJSON geometry of a context layer: points, lines and polygons in WGS84 longitude/latitude.
import type { LayerGeometry } from './layerTypes.ts';

export type GeometryCheck = { ok: true; geometry: LayerGeometry } | { ok: false; rule: string; message: string };

const DEPTH: Record<string, number> = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 };

type Nested = [number, number] | Nested[];

/**
 * The geometry with positions cut to `[lng, lat]` (a height is dropped), or the rule it breaks: `invalid-geometry`,
 * `invalid-coordinates`, `out-of-range` (outside ±180/±90: projected metres, or lat/lng swapped), `line-too-short`,
 * `ring-too-short`, `ring-not-closed`.
 * @example
 * checkLayerGeometry({ type: 'Point', coordinates: [-2.24, 53.48, 40] }) // => { ok: true, geometry: { type: 'Point', coordinates: [-2.24, 53.48] } }
 * checkLayerGeometry({ type: 'Point', coordinates: [383000, 398000] }).ok // => false (rule 'out-of-range')
 */
export function checkLayerGeometry(geometry: unknown): GeometryCheck {
  if (typeof geometry !== 'object' || geometry === null) return { ok: false, rule: 'invalid-geometry', message: 'has no geometry' };
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (typeof type !== 'string' || !(type in DEPTH)) return { ok: false, rule: 'invalid-geometry', message: `geometry type ${JSON.stringify(type)} is not a point, line or polygon` };
  let problem: { rule: string; message: string } | null = null;
  const walk = (value: unknown, depth: number): Nested | null => {
    if (problem) return null;
    if (!Array.isArray(value)) { problem = { rule: 'invalid-coordinates', message: 'coordinates are not nested arrays of numbers' }; return null; }
    if (depth === 0) {
      const [lng, lat] = value as unknown[];
      if (value.length < 2 || typeof lng !== 'number' || typeof lat !== 'number' || !Number.isFinite(lng) || !Number.isFinite(lat)) {
        problem = { rule: 'invalid-coordinates', message: `position ${JSON.stringify(value).slice(0, 60)} is not two numbers` };
        return null;
      }
      if (Math.abs(lng) > 180 || Math.abs(lat) > 90) {
        problem = { rule: 'out-of-range', message: `position [${lng}, ${lat}] is outside longitude ±180 / latitude ±90 (projected coordinates, or latitude and longitude swapped?)` };
        return null;
      }
      return [lng, lat];
    }
    const out: Nested[] = [];
    for (const child of value) {
      const next = walk(child, depth - 1);
      if (next === null) return null;
      out.push(next);
    }
    return out;
  };
  const depth = DEPTH[type]!;
  const coords = walk(coordinates, depth);
  if (problem || coords === null) return { ok: false, ...(problem ?? { rule: 'invalid-coordinates', message: 'bad coordinates' }) };
  const lines = type === 'LineString' ? [coords] : type === 'MultiLineString' ? coords : [];
  if ((lines as [number, number][][]).some((l) => l.length < 2)) return { ok: false, rule: 'line-too-short', message: 'a line has fewer than 2 positions' };
  const rings = type === 'Polygon' ? coords : type === 'MultiPolygon' ? (coords as Nested[]).flat(1) : [];
  for (const ring of rings as [number, number][][]) {
    if (ring.length < 4) return { ok: false, rule: 'ring-too-short', message: 'a polygon ring has fewer than 4 positions' };
    const a = ring[0]!;
    const b = ring[ring.length - 1]!;
    if (a[0] !== b[0] || a[1] !== b[1]) return { ok: false, rule: 'ring-not-closed', message: 'a polygon ring does not end where it starts' };
  }
  if (depth > 0 && (coords as Nested[]).length === 0) return { ok: false, rule: 'invalid-coordinates', message: 'the geometry is empty' };
  return { ok: true, geometry: { type, coordinates: coords } as LayerGeometry };
}
