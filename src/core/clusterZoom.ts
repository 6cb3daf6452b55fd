// what a zoom is to the clusters: the map's own (fractional) zoom on the wire, the nearest whole zoom in the index.
import './zodJitless.ts';
import { z } from 'zod/mini';

/** The zooms a clusters request may give: Leaflet's range, with room to spare. */
export const CLUSTER_ZOOM_MIN = 0;
export const CLUSTER_ZOOM_MAX = 24;

const clamp = (zoom: number): number => Math.min(CLUSTER_ZOOM_MAX, Math.max(CLUSTER_ZOOM_MIN, zoom));

/**
 * The whole zoom whose clusters a map at `zoom` shows: the nearest one. The maps zoom in quarter steps (zoomSnap 0.25)
 * and fit the areas at whatever step fits, while supercluster clusters per whole zoom, 80 px apart at that zoom. The
 * nearest whole zoom keeps that radius between 57 and 113 px on screen (80 px × 2^±0.5); flooring would let it grow
 * to 160 px just below the next zoom, merging clusters the planner can plainly see apart.
 * @example
 * clusterZoomLevel(12.25) // => 12
 * clusterZoomLevel(12.75) // => 13
 */
export function clusterZoomLevel(zoom: number): number {
  return Math.round(clamp(zoom));
}

/**
 * The map's zoom as a clusters request sends it (`zoom=`): as the map has it, fractions and all, kept inside the range
 * the server takes; the server applies clusterZoomLevel.
 * @example
 * clusterZoomParam(12.25) // => '12.25'
 * clusterZoomParam(30) // => '24'
 */
export function clusterZoomParam(zoom: number): string {
  return String(clamp(zoom));
}

/**
 * The `zoom` of a clusters request as the server reads it: a number in range, fractions welcome, read as the whole
 * zoom to cluster at.
 * @example
 * clusterZoomQuery.parse('12.25') // => 12
 */
export const clusterZoomQuery = z.pipe(
  z.coerce.number({ error: 'zoom must be a number' }).check(
    z.refine(Number.isFinite, 'zoom must be a number'),
    z.refine((zoom) => zoom >= CLUSTER_ZOOM_MIN, `zoom must be at least ${CLUSTER_ZOOM_MIN}`),
    z.refine((zoom) => zoom <= CLUSTER_ZOOM_MAX, `zoom must be at most ${CLUSTER_ZOOM_MAX}`),
  ),
  z.transform(clusterZoomLevel),
);
