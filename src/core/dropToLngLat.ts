// where a dropped sticker lands: viewport pixels to a point inside the map container, then to [lng, lat].
import type { LngLat } from './types.ts';
import type { ScreenPoint } from './pointerTracker.ts';

/** A box in viewport CSS pixels, as getBoundingClientRect gives it. */
export interface ScreenRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Turns a point inside the map container (CSS px from its top-left corner) into [lng, lat]; the map supplies it. */
export type Unproject = (containerPoint: ScreenPoint) => LngLat;

/**
 * True when the point lies in the rectangle (edges included).
 * @example
 * rectContains({ left: 0, top: 0, width: 10, height: 10 }, { x: 10, y: 5 }) // => true
 */
export function rectContains(rect: ScreenRect, point: ScreenPoint): boolean {
  return point.x >= rect.left && point.x <= rect.left + rect.width && point.y >= rect.top && point.y <= rect.top + rect.height;
}

/**
 * Converts a drop at viewport coordinates to a GeoJSON position, or null when it is outside the map container
 * or the projection gives no finite position.
 * @example
 * const rect = { left: 0, top: 100, width: 800, height: 600 };
 * // a fake projection: 100 px per degree, origin at the container's top-left = [-2, 54]
 * dropToLngLat({ x: 200, y: 150 }, rect, ({ x, y }) => [-2 + x / 100, 54 - y / 100]) // => [0, 53.5]
 */
export function dropToLngLat(client: ScreenPoint, container: ScreenRect, unproject: Unproject): LngLat | null {
  if (!Number.isFinite(client.x) || !Number.isFinite(client.y)) return null;
  if (!rectContains(container, client)) return null;
  const position = unproject({ x: client.x - container.left, y: client.y - container.top });
  const [lng, lat] = position;
  if (!Number.isFinite(lng) || !Number.isFinite(lat) || lat < -90 || lat > 90) return null;
  // leaflet may hand back longitudes past ±180 after panning round the world; wrap them into range
  const wrapped = ((((lng + 180) % 360) + 360) % 360) - 180;
  return [wrapped === -180 && lng > 0 ? 180 : wrapped, lat];
}
