// validation of areas files fed to aggregation: real-world files as they come, clear errors for broken ones.
import type { FeatureCollection, Position } from 'geojson';
import type { Problem } from './types.ts';

export class AreaInputError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`invalid areas: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    this.name = 'AreaInputError';
  }
}

const MAX_ERRORS = 20;

/**
 * Checks an areas FeatureCollection for aggregation. Accepts clockwise or counter-clockwise rings, holes,
 * MultiPolygons and 3D positions; features with a null or empty geometry are kept (they will match no pin)
 * and reported as warnings. Throws AreaInputError for anything else: not a FeatureCollection, other geometry
 * types, malformed or unclosed rings, rings under 4 positions, non-finite or projected coordinates.
 * @example
 * checkAggregationAreas({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: null, properties: {} }] })
 * // => { areas: <the same object>, warnings: [{ feature: 0, rule: 'empty-geometry', ... }] }
 */
export function checkAggregationAreas(input: unknown): { areas: FeatureCollection; warnings: Problem[] } {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const root = input as { type?: unknown; features?: unknown };
  if (typeof input !== 'object' || input === null || root.type !== 'FeatureCollection' || !Array.isArray(root.features)) {
    throw new AreaInputError([{ path: '(root)', rule: 'not-a-feature-collection', message: 'areas must be a GeoJSON FeatureCollection with a "features" array' }]);
  }
  root.features.forEach((f: unknown, i: number) => {
    if (errors.length >= MAX_ERRORS) return;
    const path = `features[${i}]`;
    const feature = f as { type?: unknown; geometry?: unknown };
    if (typeof f !== 'object' || f === null || feature.type !== 'Feature' || !('geometry' in feature)) {
      errors.push({ feature: i, path, rule: 'not-a-feature', message: 'each area must be a GeoJSON Feature with a "geometry" member' });
      return;
    }
    const g = feature.geometry as { type?: unknown; coordinates?: unknown } | null;
    if (g === null) {
      warnings.push({ feature: i, path: `${path}.geometry`, rule: 'empty-geometry', message: 'area has a null geometry; it is kept in the output with zero counts' });
      return;
    }
    if (typeof g !== 'object' || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
      errors.push({ feature: i, path: `${path}.geometry`, rule: 'not-a-polygon', message: `area geometry must be a Polygon or MultiPolygon, got ${typeof g === 'object' ? String(g.type) : typeof g}` });
      return;
    }
    if (!Array.isArray(g.coordinates)) {
      errors.push({ feature: i, path: `${path}.geometry.coordinates`, rule: 'bad-coordinates', message: 'coordinates must be an array' });
      return;
    }
    const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown[];
    let rings = 0;
    polygons.forEach((poly, p) => {
      const polyPath = g.type === 'Polygon' ? `${path}.geometry.coordinates` : `${path}.geometry.coordinates[${p}]`;
      if (!Array.isArray(poly)) {
        errors.push({ feature: i, path: polyPath, rule: 'bad-coordinates', message: 'a polygon must be an array of rings' });
        return;
      }
      poly.forEach((ring: unknown, r: number) => {
        const problem = ringProblem(ring);
        if (problem) errors.push({ feature: i, path: `${polyPath}[${r}]`, rule: problem.rule, message: problem.message });
        rings++;
      });
    });
    if (rings === 0) warnings.push({ feature: i, path: `${path}.geometry`, rule: 'empty-geometry', message: 'area geometry has no rings; it is kept in the output with zero counts' });
  });
  if (errors.length) throw new AreaInputError(errors.slice(0, MAX_ERRORS));
  return { areas: input as FeatureCollection, warnings };
}

function ringProblem(ring: unknown): { rule: string; message: string } | undefined {
  if (!Array.isArray(ring)) return { rule: 'bad-coordinates', message: 'a ring must be an array of positions' };
  for (let k = 0; k < ring.length; k++) {
    const p = ring[k] as unknown;
    if (!Array.isArray(p) || p.length < 2 || typeof p[0] !== 'number' || typeof p[1] !== 'number' || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
      return { rule: 'bad-position', message: `position ${k} must be [longitude, latitude] as finite numbers` };
    }
    if (p[0] < -180 || p[0] > 180 || p[1] < -90 || p[1] > 90) {
      return { rule: 'projected-coordinates', message: `position ${k} [${p[0]}, ${p[1]}] is not WGS84 longitude/latitude (projected coordinates?)` };
    }
  }
  if (ring.length < 4) return { rule: 'ring-too-short', message: `a ring needs at least 4 positions, this one has ${ring.length}` };
  const first = ring[0] as Position;
  const last = ring[ring.length - 1] as Position;
  if (first[0] !== last[0] || first[1] !== last[1]) return { rule: 'ring-not-closed', message: 'the first and last positions of a ring must be the same' };
  return undefined;
}
