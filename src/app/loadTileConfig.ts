// where basemap tiles come from: the server's /api/config, else build-time defaults; ?tiles=off turns them off.
import { z } from 'zod';

export interface TileConfig {
  /** '' means no basemap */
  tileUrl: string;
  tileAttribution: string;
}

const OSM_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const OSM_ATTRIBUTION = '© OpenStreetMap contributors';

const configSchema = z.object({ tileUrl: z.string(), tileAttribution: z.string() });

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
  return { tileUrl, tileAttribution: attribution ?? (tileUrl === OSM_URL ? OSM_ATTRIBUTION : '') };
}

export async function loadTileConfig(search: string = globalThis.location?.search ?? '', fetcher: typeof fetch = fetch): Promise<TileConfig> {
  if (new URLSearchParams(search).get('tiles') === 'off') return { tileUrl: '', tileAttribution: '' };
  try {
    const response = await fetcher('/api/config', { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(3000) });
    if (!response.ok) return defaultTileConfig();
    const parsed = configSchema.safeParse(await response.json());
    if (!parsed.success) return defaultTileConfig();
    return { tileUrl: parsed.data.tileUrl, tileAttribution: attributionText(parsed.data.tileAttribution) };
  } catch {
    // vite dev/preview has no api: fall back quietly
    return defaultTileConfig();
  }
}
