// where basemap tiles come from: the server's /api/config, else build-time defaults; ?tiles=off turns them off.
import { z } from 'zod/mini';
import { basemapSchema, rasterOrNone } from '../core/basemapConfig.ts';
import type { Basemap } from '../core/basemapConfig.ts';

export interface TileConfig {
  /** '' means no raster basemap (the basemap may still be a vector one) */
  tileUrl: string;
  tileAttribution: string;
  /** what the maps draw */
  basemap: Basemap;
}

const OSM_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const OSM_ATTRIBUTION = '© OpenStreetMap contributors';

// `basemap` is absent from servers older than the vector basemap: their tileUrl says it all
const configSchema = z.object({ tileUrl: z.string(), tileAttribution: z.string(), basemap: z.optional(basemapSchema) });

function withBasemap(config: z.infer<typeof configSchema>): TileConfig {
  const tileAttribution = attributionText(config.tileAttribution);
  const basemap = config.basemap ?? rasterOrNone(config.tileUrl, tileAttribution);
  return { tileUrl: config.tileUrl, tileAttribution, basemap: basemap.kind === 'none' ? basemap : { ...basemap, attribution: attributionText(basemap.attribution) } };
}

/** Leaflet-style attributions often carry html; we render text, so tags are dropped and common entities decoded. */
export function attributionText(raw: string): string {
  return raw
    .replace(/<[^>]*>/g, '')
    .replace(/&copy;/g, '©')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

export function defaultTileConfig(env: Record<string, unknown> = import.meta.env): TileConfig {
  const tileUrl = typeof env.VITE_TILE_URL === 'string' ? env.VITE_TILE_URL : OSM_URL;
  const attribution = typeof env.VITE_TILE_ATTRIBUTION === 'string' ? attributionText(env.VITE_TILE_ATTRIBUTION) : undefined;
  return withBasemap({ tileUrl, tileAttribution: attribution ?? (tileUrl === OSM_URL ? OSM_ATTRIBUTION : '') });
}

// the server's last answer, so an offline start keeps the council's basemap setting: the service worker caches no
// /api answer (nothing of the API may stay in Cache Storage), and this is public configuration, not anyone's data
const REMEMBERED = 'coplan-tile-config';

function remembered(storage: Pick<Storage, 'getItem'> | undefined): TileConfig | null {
  try {
    const parsed = configSchema.safeParse(JSON.parse(storage?.getItem(REMEMBERED) ?? 'null'));
    return parsed.success ? withBasemap(parsed.data) : null;
  } catch {
    return null;
  }
}

export async function loadTileConfig(
  search: string = globalThis.location?.search ?? '',
  fetcher: typeof fetch = fetch,
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage,
): Promise<TileConfig> {
  if (new URLSearchParams(search).get('tiles') === 'off') return { tileUrl: '', tileAttribution: '', basemap: { kind: 'none' } };
  try {
    const response = await fetcher('/api/config', { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(3000) });
    if (!response.ok) return remembered(storage) ?? defaultTileConfig();
    const parsed = configSchema.safeParse(await response.json());
    if (!parsed.success) return remembered(storage) ?? defaultTileConfig();
    const config = withBasemap(parsed.data);
    try {
      storage?.setItem(REMEMBERED, JSON.stringify(config));
    } catch {
      // private browsing or a full quota: the next offline start uses the build's defaults
    }
    return config;
  } catch {
    // offline: the server's last answer; vite dev/preview has no api: the build's defaults
    return remembered(storage) ?? defaultTileConfig();
  }
}
