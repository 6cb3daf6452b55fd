// which basemap the browser draws, as GET /api/config says it: one codec for the server that answers and the app that reads.
import './zodJitless.ts';
import { z } from 'zod/mini';

/** The same-origin path of a vector basemap's tiles; `v` names the file, so no cache mixes two files' tiles. */
export const VECTOR_TILE_PATH = '/tiles/{z}/{x}/{y}.mvt';

export const basemapSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('vector'), url: z.string(), minZoom: z.number().check(z.int()), maxZoom: z.number().check(z.int()), attribution: z.string() }),
  z.object({ kind: z.literal('raster'), url: z.string().check(z.minLength(1)), attribution: z.string() }),
  z.object({ kind: z.literal('none') }),
]);
export type Basemap = z.infer<typeof basemapSchema>;

/**
 * The basemap a raster tile URL means: '' is none (the older config's only way of saying so).
 * @example
 * rasterOrNone('', '') // => { kind: 'none' }
 * rasterOrNone('https://tile.example/{z}/{x}/{y}.png', '© OSM').kind // => 'raster'
 */
export function rasterOrNone(tileUrl: string, attribution: string): Basemap {
  return tileUrl === '' ? { kind: 'none' } : { kind: 'raster', url: tileUrl, attribution };
}
