// the vector basemap route: tiles with their content type and caching, the PMTiles file with byte ranges (416 when
// unsatisfiable), MBTiles rows counted from the south, and a missing or broken file stopping the start with a clear line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import type { FeatureCollection, Geometry } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBasemapArchive } from '../../../src/cli/buildBasemap.ts';
import type { BasemapProperties } from '../../../src/cli/demoStreets.ts';
import { BasemapFileError, openBasemap } from '../../../src/server/basemap/openBasemap.ts';
import type { TileArchive } from '../../../src/server/basemap/openBasemap.ts';
import { startupProblem } from '../../../src/server/startupErrors.ts';
import { startTestServer } from '../../support/serverHarness.ts';
import type { TestServer } from '../../support/serverHarness.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coplan-basemap-'));
// one road and one park in Millbrook; z14 tile 8184/5384 holds the centre
const streets: FeatureCollection<Geometry, BasemapProperties> = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { layer: 'roads', kind: 'major_road', name: 'High Street' }, geometry: { type: 'LineString', coordinates: [[-0.18, 53.279], [-0.16, 53.281]] } },
    { type: 'Feature', properties: { layer: 'landuse', kind: 'park', name: 'The Green' }, geometry: { type: 'Polygon', coordinates: [[[-0.172, 53.279], [-0.168, 53.279], [-0.168, 53.281], [-0.172, 53.281], [-0.172, 53.279]]] } },
  ],
};
const centre = { z: 14, x: Math.floor(((-0.17 + 180) / 360) * 2 ** 14), y: Math.floor(((1 - Math.log(Math.tan((53.28 * Math.PI) / 180) + 1 / Math.cos((53.28 * Math.PI) / 180)) / Math.PI) / 2) * 2 ** 14) };
const pmtilesFile = path.join(dir, 'town.pmtiles');
fs.writeFileSync(pmtilesFile, buildBasemapArchive(streets, { min: 12, max: 14 }));
const size = fs.statSync(pmtilesFile).size;

function layersOf(body: Buffer): Record<string, number> {
  const tile = new VectorTile(new Pbf(body));
  return Object.fromEntries(Object.entries(tile.layers).map(([name, layer]) => [name, layer.length]));
}

describe('the vector basemap from a PMTiles file', () => {
  let server: TestServer;
  let archive: TileArchive;
  beforeAll(async () => {
    archive = await openBasemap(pmtilesFile);
    server = await startTestServer({ vectorBasemap: archive });
  });
  afterAll(async () => {
    await server.close();
    await archive.close();
  });

  it('GET /api/config names the same-origin tiles with the file version, and the zooms the file has', async () => {
    const config = (await server.app.inject({ url: '/api/config' })).json();
    expect(config.basemap).toEqual({ kind: 'vector', url: `/tiles/{z}/{x}/{y}.mvt?v=${archive.version}`, minZoom: 12, maxZoom: 14, attribution: 'Millbrook demo basemap (made up, CC0)' });
    expect(config.tileUrl).toBe('');
  });

  it('a tile is a Mapbox vector tile with its layers, cached for a year under its versioned URL', async () => {
    const res = await server.app.inject({ url: `/tiles/${centre.z}/${centre.x}/${centre.y}.mvt?v=${archive.version}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.mapbox-vector-tile');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(layersOf(res.rawPayload)).toEqual({ roads: 1, landuse: 1 });
    const tile = new VectorTile(new Pbf(res.rawPayload));
    expect(tile.layers.roads!.feature(0).properties).toEqual({ kind: 'major_road', name: 'High Street' });
  });

  it('an unversioned tile URL is cached for a day and revalidated by its ETag', async () => {
    const url = `/tiles/${centre.z}/${centre.x}/${centre.y}.mvt`;
    const res = await server.app.inject({ url });
    expect(res.headers['cache-control']).toBe('public, max-age=86400');
    const again = await server.app.inject({ url, headers: { 'if-none-match': String(res.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('where the file has no tile the answer is empty (204), and a tile that cannot exist is a 400', async () => {
    expect((await server.app.inject({ url: '/tiles/14/0/0.mvt' })).statusCode).toBe(204);
    const outside = await server.app.inject({ url: '/tiles/3/8/1.mvt' });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.code).toBe('bad-tile');
    expect((await server.app.inject({ url: '/tiles/3/1/1.png' })).statusCode).toBe(404);
  });

  it('the file answers byte ranges (206 with Content-Range), never compressed', async () => {
    const res = await server.app.inject({ url: '/basemap.pmtiles', headers: { range: 'bytes=0-126', 'accept-encoding': 'gzip, br' } });
    expect(res.statusCode).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes 0-126/${size}`);
    expect(res.headers['content-length']).toBe('127');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.headers['content-type']).toBe('application/vnd.pmtiles');
    expect(res.rawPayload.subarray(0, 7).toString()).toBe('PMTiles');
    const tail = await server.app.inject({ url: '/basemap.pmtiles', headers: { range: 'bytes=-10' } });
    expect(tail.headers['content-range']).toBe(`bytes ${size - 10}-${size - 1}/${size}`);
    expect(tail.rawPayload.equals(fs.readFileSync(pmtilesFile).subarray(size - 10))).toBe(true);
  });

  it('a range past the end is 416 with the size; no range is the whole file', async () => {
    const res = await server.app.inject({ url: '/basemap.pmtiles', headers: { range: `bytes=${size}-` } });
    expect(res.statusCode).toBe(416);
    expect(res.headers['content-range']).toBe(`bytes */${size}`);
    expect(res.json().error.code).toBe('range-not-satisfiable');
    const whole = await server.app.inject({ url: '/basemap.pmtiles' });
    expect(whole.statusCode).toBe(200);
    expect(whole.rawPayload.length).toBe(size);
  });
});

describe('the vector basemap from an MBTiles file', () => {
  it('reads the TMS row (2^z − 1 − y) and unzips gzipped tiles', async () => {
    const file = path.join(dir, 'town.mbtiles');
    const db = new Database(file);
    db.exec('CREATE TABLE metadata (name TEXT, value TEXT); CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);');
    db.prepare('INSERT INTO metadata VALUES (?, ?)').run('format', 'pbf');
    db.prepare('INSERT INTO metadata VALUES (?, ?)').run('attribution', '© Test');
    db.prepare('INSERT INTO tiles VALUES (?, ?, ?, ?)').run(3, 2, 2 ** 3 - 1 - 1, gzipSync(Buffer.from('tile-3-2-1')));
    db.close();
    const archive = await openBasemap(file);
    const server = await startTestServer({ vectorBasemap: archive });
    const res = await server.app.inject({ url: '/tiles/3/2/1.mvt' });
    expect(res.body).toBe('tile-3-2-1');
    expect((await server.app.inject({ url: '/tiles/3/2/6.mvt' })).statusCode).toBe(204);
    // an MBTiles file is not served whole: it is a database, not something a browser reads in ranges
    expect((await server.app.inject({ url: '/basemap.pmtiles' })).statusCode).toBe(404);
    expect((await server.app.inject({ url: '/api/config' })).json().basemap.attribution).toBe('© Test');
    await server.close();
    await archive.close();
  });
});

describe('a bad BASEMAP stops the start with one clear line', () => {
  async function problem(file: string): Promise<string> {
    const error = await openBasemap(file).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(BasemapFileError);
    return startupProblem(error, { dataDir: '/data' });
  }

  it('a missing file says how to make one', async () => {
    expect(await problem(path.join(dir, 'nowhere.pmtiles'))).toBe(`BASEMAP ${path.join(dir, 'nowhere.pmtiles')} does not exist: run \`npm run build:basemap\` for the demo town's, point BASEMAP at your area's .pmtiles or .mbtiles file, or set BASEMAP=none`);
  });

  it('a file that is not PMTiles, a broken one, a raster MBTiles and a wrong extension are each named', async () => {
    const notPmtiles = path.join(dir, 'text.pmtiles');
    fs.writeFileSync(notPmtiles, 'hello, this is not a tile archive at all');
    expect(await problem(notPmtiles)).toMatch(/is not a PMTiles version 3 file/);
    const cut = path.join(dir, 'cut.pmtiles');
    fs.writeFileSync(cut, fs.readFileSync(pmtilesFile).subarray(0, 60));
    expect(await problem(cut)).toMatch(/cannot be read as PMTiles/);
    const raster = path.join(dir, 'raster.mbtiles');
    const db = new Database(raster);
    db.exec("CREATE TABLE metadata (name TEXT, value TEXT); CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB); INSERT INTO metadata VALUES ('format', 'png');");
    db.close();
    expect(await problem(raster)).toMatch(/holds png tiles/);
    const notSqlite = path.join(dir, 'text.mbtiles');
    fs.writeFileSync(notSqlite, 'not a database');
    expect(await problem(notSqlite)).toMatch(/is not a readable MBTiles file/);
    expect(await problem(path.join(dir, 'text.pmtiles').replace('.pmtiles', '.geojson').replace('text', 'cut'))).toMatch(/does not exist/);
    fs.writeFileSync(path.join(dir, 'town.geojson'), '{}');
    expect(await problem(path.join(dir, 'town.geojson'))).toMatch(/must end in \.pmtiles or \.mbtiles/);
  });
});
