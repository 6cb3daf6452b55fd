// builds the demo town's vector basemap (.data/basemap/millbrook.pmtiles) from data/demo-streets.geojson;
// run with `npm run build:basemap` (`-- --if-missing` does nothing when the file is already there).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import GeoJSONVT from 'geojson-vt';
import type { LegacyTile } from 'geojson-vt';
import type { FeatureCollection, Geometry } from 'geojson';
import { fromGeojsonVt } from 'vt-pbf';
import type { BasemapProperties } from './demoStreets.ts';
import { writePmtiles } from './writePmtiles.ts';
import type { TileInput } from './writePmtiles.ts';

export const DEMO_BASEMAP_ZOOMS = { min: 10, max: 15 } as const;
/** What a map drawn from the demo file must show: the demo is made up, so no OpenStreetMap credit is owed. */
export const DEMO_BASEMAP_ATTRIBUTION = 'Millbrook demo basemap (made up, CC0)';

function lngToTileX(lng: number, z: number): number {
  return Math.floor(((lng + 180) / 360) * 2 ** z);
}

function latToTileY(lat: number, z: number): number {
  const rad = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * 2 ** z);
}

function extentOf(collection: FeatureCollection): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as [number, number];
      box[0] = Math.min(box[0], x); box[1] = Math.min(box[1], y); box[2] = Math.max(box[2], x); box[3] = Math.max(box[3], y);
    } else (c as unknown[]).forEach(visit);
  };
  for (const f of collection.features) if (f.geometry.type !== 'GeometryCollection') visit(f.geometry.coordinates);
  return box;
}

/**
 * Slices basemap features into vector tiles, one layer per `properties.layer`, and packs them as PMTiles.
 * @example
 * const archive = buildBasemapArchive(JSON.parse(readFileSync('data/demo-streets.geojson', 'utf8')));
 * archive.subarray(0, 7).toString(); // => 'PMTiles'
 */
export function buildBasemapArchive(collection: FeatureCollection<Geometry, BasemapProperties>, zooms: { min: number; max: number } = DEMO_BASEMAP_ZOOMS): Buffer {
  const byLayer = new Map<string, FeatureCollection>();
  for (const feature of collection.features) {
    const { layer, ...tags } = feature.properties;
    const fc = byLayer.get(layer) ?? { type: 'FeatureCollection', features: [] };
    fc.features.push({ type: 'Feature', properties: tags, geometry: feature.geometry });
    byLayer.set(layer, fc);
  }
  const indexes = [...byLayer].map(([name, fc]) => [name, new GeoJSONVT(fc, { maxZoom: zooms.max, indexMaxZoom: 0, buffer: 64, tolerance: 2 })] as const);
  const bounds = extentOf(collection);
  const tiles: TileInput[] = [];
  for (let z = zooms.min; z <= zooms.max; z++) {
    for (let x = lngToTileX(bounds[0], z); x <= lngToTileX(bounds[2], z); x++) {
      for (let y = latToTileY(bounds[3], z); y <= latToTileY(bounds[1], z); y++) {
        const layers: Record<string, LegacyTile> = {};
        for (const [name, index] of indexes) {
          const tile = index.getTile(z, x, y);
          if (tile && tile.features.length > 0) layers[name] = tile;
        }
        if (Object.keys(layers).length > 0) tiles.push({ z, x, y, data: gzipSync(fromGeojsonVt(layers, { version: 2 })) });
      }
    }
  }
  const vectorLayers = [...byLayer.keys()].sort().map((id) => ({ id, fields: {}, minzoom: zooms.min, maxzoom: zooms.max }));
  const centre: [number, number, number] = [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, 13];
  return writePmtiles(tiles, {
    minZoom: zooms.min, maxZoom: zooms.max, bounds, center: centre,
    metadata: { name: 'Millbrook demo basemap', attribution: DEMO_BASEMAP_ATTRIBUTION, vector_layers: vectorLayers },
  });
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Where `npm start` and the server look for the demo basemap unless BASEMAP says otherwise. */
export const DEMO_BASEMAP_FILE = path.join(repoRoot, '.data', 'basemap', 'millbrook.pmtiles');

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = Date.now();
  if (process.argv.includes('--if-missing') && existsSync(DEMO_BASEMAP_FILE)) process.exit(0);
  const streets = JSON.parse(readFileSync(path.join(repoRoot, 'data', 'demo-streets.geojson'), 'utf8')) as FeatureCollection<Geometry, BasemapProperties>;
  const archive = buildBasemapArchive(streets);
  mkdirSync(path.dirname(DEMO_BASEMAP_FILE), { recursive: true });
  // written beside and renamed, so a server never reads half a file
  writeFileSync(`${DEMO_BASEMAP_FILE}.tmp`, archive);
  renameSync(`${DEMO_BASEMAP_FILE}.tmp`, DEMO_BASEMAP_FILE);
  console.log(`wrote ${path.relative(repoRoot, DEMO_BASEMAP_FILE)} (${Math.round(archive.length / 1024)} KiB) in ${Date.now() - started} ms`);
}
