// geodesic sizes of areas, for densities per km².
import area from '@turf/area';
import type { Feature } from 'geojson';

/**
 * Each area's geodesic area in km² (@turf/area), 0 for empty geometries; input order kept, input untouched.
 * @example
 * areaSizesKm2({ type: 'FeatureCollection', features: [ward] }) // => [2.41]
 */
export function areaSizesKm2(areas: { features: readonly Feature[] }): number[] {
  return areas.features.map((f) => (f.geometry ? area(f) / 1e6 : 0));
}
