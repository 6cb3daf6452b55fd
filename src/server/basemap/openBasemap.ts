// opens the vector basemap named by BASEMAP: a PMTiles v3 or MBTiles file, checked at start so a bad file stops the server.
import fs from 'node:fs';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { PMTiles } from 'pmtiles';
import type { Source } from 'pmtiles';

export interface TileArchive {
  format: 'pmtiles' | 'mbtiles';
  file: string;
  /** bytes in the file */
  size: number;
  /** changes when the file does: the tile URLs and ETags carry it, so caches never mix two files' tiles */
  version: string;
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north] */
  bounds: [number, number, number, number] | null;
  attribution: string;
  /** the tile's uncompressed bytes, or null where the file has none */
  tile(z: number, x: number, y: number): Promise<Uint8Array | null>;
  close(): Promise<void>;
}

/** A basemap file that cannot be used; startupProblem prints its message as it is. */
export class BasemapFileError extends Error {
  readonly code = 'BASEMAP_FILE';
}

function fileSource(fd: number, file: string): Source {
  return {
    getKey: () => file,
    getBytes: async (offset: number, length: number) => {
      const buffer = Buffer.alloc(length);
      const bytesRead = await new Promise<number>((resolve, reject) => {
        fs.read(fd, buffer, 0, length, offset, (error, n) => (error ? reject(error) : resolve(n)));
      });
      return { data: buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + bytesRead) as ArrayBuffer };
    },
  };
}

async function openPmtiles(file: string, size: number, version: string): Promise<TileArchive> {
  const fd = fs.openSync(file, 'r');
  const magic = Buffer.alloc(8);
  fs.readSync(fd, magic, 0, 8, 0);
  if (magic.subarray(0, 7).toString('latin1') !== 'PMTiles' || magic[7] !== 3) {
    fs.closeSync(fd);
    throw new BasemapFileError(`BASEMAP ${file} is not a PMTiles version 3 file: make it again with the pmtiles tool (pmtiles convert or extract)`);
  }
  const archive = new PMTiles(fileSource(fd, file));
  try {
    const header = await archive.getHeader();
    if (header.tileType !== 1) throw new BasemapFileError(`BASEMAP ${file} holds raster tiles (tile type ${header.tileType}); Coplan draws vector (MVT) basemaps, or set TILE_URL for a raster tile server`);
    const metadata = (await archive.getMetadata().catch(() => ({}))) as { attribution?: unknown };
    return {
      format: 'pmtiles', file, size, version,
      minZoom: header.minZoom, maxZoom: header.maxZoom,
      bounds: [header.minLon, header.minLat, header.maxLon, header.maxLat],
      attribution: typeof metadata.attribution === 'string' ? metadata.attribution : '',
      tile: async (z, x, y) => {
        const found = await archive.getZxy(z, x, y);
        return found ? new Uint8Array(found.data) : null;
      },
      close: async () => fs.closeSync(fd),
    };
  } catch (error) {
    fs.closeSync(fd);
    if (error instanceof BasemapFileError) throw error;
    throw new BasemapFileError(`BASEMAP ${file} cannot be read as PMTiles (${error instanceof Error ? error.message : String(error)}): make it again, or point BASEMAP at another file`);
  }
}

function openMbtiles(file: string, size: number, version: string): TileArchive {
  let db: Database.Database;
  let meta: Map<string, string>;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    meta = new Map((db.prepare('SELECT name, value FROM metadata').all() as { name: string; value: string }[]).map((r) => [r.name, r.value]));
    db.prepare('SELECT tile_data FROM tiles LIMIT 1').get();
  } catch (error) {
    throw new BasemapFileError(`BASEMAP ${file} is not a readable MBTiles file (${error instanceof Error ? error.message : String(error)}): it needs the metadata and tiles tables`);
  }
  const format = meta.get('format') ?? 'pbf';
  if (format !== 'pbf') {
    db.close();
    throw new BasemapFileError(`BASEMAP ${file} holds ${format} tiles; Coplan draws vector (pbf) basemaps, or set TILE_URL for a raster tile server`);
  }
  const bounds = (meta.get('bounds') ?? '').split(',').map(Number);
  const select = db.prepare('SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?');
  return {
    format: 'mbtiles', file, size, version,
    minZoom: Number(meta.get('minzoom') ?? 0), maxZoom: Number(meta.get('maxzoom') ?? 14),
    bounds: bounds.length === 4 && bounds.every(Number.isFinite) ? (bounds as [number, number, number, number]) : null,
    attribution: meta.get('attribution') ?? '',
    tile: async (z, x, y) => {
      // MBTiles rows count from the south (TMS)
      const row = select.get(z, x, 2 ** z - 1 - y) as { tile_data: Buffer } | undefined;
      if (!row) return null;
      const data = row.tile_data;
      return data[0] === 0x1f && data[1] === 0x8b ? gunzipSync(data) : data;
    },
    close: async () => {
      db.close();
    },
  };
}

/**
 * Opens and checks a basemap file; a missing, unreadable or wrong file throws a BasemapFileError that says what to do.
 * @example
 * const archive = await openBasemap('.data/basemap/millbrook.pmtiles');
 * archive.maxZoom; // => 15
 */
export async function openBasemap(file: string): Promise<TileArchive> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new BasemapFileError(`BASEMAP ${file} does not exist: run \`npm run build:basemap\` for the demo town's, point BASEMAP at your area's .pmtiles or .mbtiles file, or set BASEMAP=none`);
  }
  if (!stat.isFile()) throw new BasemapFileError(`BASEMAP ${file} is not a file`);
  const version = `${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}`;
  if (/\.mbtiles$/i.test(file)) return openMbtiles(file, stat.size, version);
  if (/\.pmtiles$/i.test(file)) return openPmtiles(file, stat.size, version);
  throw new BasemapFileError(`BASEMAP ${file} must end in .pmtiles or .mbtiles`);
}
