// a small web-mercator fit for drawing boundaries and pins onto a canvas or svg of a given size (summary, png).
import type { LngLat } from './types.ts';
import type { ScreenPoint } from './pointerTracker.ts';

export interface FittedProjection {
  project(position: LngLat): ScreenPoint;
  /** pixels per mercator unit, the same on both axes so shapes keep their proportions */
  scale: number;
}

const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (Math.max(-85, Math.min(85, lat)) * Math.PI) / 360));
const mercatorX = (lng: number) => (lng * Math.PI) / 180;

/**
 * Fits the bbox [minLng, minLat, maxLng, maxLat] into width × height pixels with padding, centred, y down.
 * @example
 * const { project } = fitProjection([-1, -1, 1, 1], 200, 200, 0);
 * project([0, 0]) // => { x: 100, y: 100 }
 */
export function fitProjection(bbox: readonly [number, number, number, number], width: number, height: number, padding = 16): FittedProjection {
  const [minLng, minLat, maxLng, maxLat] = bbox;
  if (![minLng, minLat, maxLng, maxLat, width, height, padding].every(Number.isFinite)) throw new RangeError('fitProjection needs a finite bbox and size');
  if (width <= 2 * padding || height <= 2 * padding) throw new RangeError(`size ${width}×${height} leaves no room inside padding ${padding}`);
  const x0 = mercatorX(minLng);
  const x1 = mercatorX(maxLng);
  const y0 = mercatorY(minLat);
  const y1 = mercatorY(maxLat);
  const spanX = Math.max(x1 - x0, 1e-9);
  const spanY = Math.max(y1 - y0, 1e-9);
  const scale = Math.min((width - 2 * padding) / spanX, (height - 2 * padding) / spanY);
  const offsetX = (width - spanX * scale) / 2;
  const offsetY = (height - spanY * scale) / 2;
  return {
    scale,
    project([lng, lat]) {
      return { x: offsetX + (mercatorX(lng) - x0) * scale, y: offsetY + (y1 - mercatorY(lat)) * scale };
    },
  };
}
