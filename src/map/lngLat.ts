// the one place GeoJSON [lng, lat] meets Leaflet's [lat, lng]; nothing outside src/map sees a LatLng.
import type { LatLng, LatLngBoundsExpression, LatLngTuple } from 'leaflet';
import type { LngLat } from '../core/types.ts';

export function toLatLng(position: LngLat): LatLngTuple {
  return [position[1], position[0]];
}

export function fromLatLng(latLng: LatLng): LngLat {
  return [latLng.lng, latLng.lat];
}

/** Turf-style bbox [minLng, minLat, maxLng, maxLat] to Leaflet bounds. */
export function bboxToBounds(bbox: readonly number[]): LatLngBoundsExpression {
  return [
    [bbox[1]!, bbox[0]!],
    [bbox[3]!, bbox[2]!],
  ];
}
