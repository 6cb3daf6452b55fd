// vt-pbf ships no types; this is the one function the basemap build uses.
declare module 'vt-pbf' {
  import type { LegacyTile } from 'geojson-vt';

  /** Serialises geojson-vt tiles, one per layer name, to an uncompressed Mapbox Vector Tile. */
  export function fromGeojsonVt(layers: Record<string, LegacyTile>, options?: { version?: number; extent?: number }): Uint8Array;
}
