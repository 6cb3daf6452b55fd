// the vector basemap from BASEMAP, same origin as the app: its tiles at /tiles/{z}/{x}/{y}.mvt and, for a PMTiles
// file, the file itself at /basemap.pmtiles with HTTP range requests (what PMTiles readers and `pmtiles show` use).
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../apiError.ts';
import { byteRange } from '../basemap/byteRange.ts';
import type { TileArchive } from '../basemap/openBasemap.ts';

export const MVT_TYPE = 'application/vnd.mapbox-vector-tile';
// registered with IANA in 2025 (https://www.iana.org/assignments/media-types/application/vnd.pmtiles)
export const PMTILES_TYPE = 'application/vnd.pmtiles';
// a versioned URL (?v=) is immutable; an unversioned one may be answered from cache for a day, then revalidated
const VERSIONED_CACHE = 'public, max-age=31536000, immutable';
const PLAIN_CACHE = 'public, max-age=86400';

function tileNumber(raw: string, name: string, max: number): number {
  if (!/^\d{1,9}$/.test(raw) || Number(raw) > max) throw new ApiError(400, 'bad-tile', `${name} must be a whole number from 0 to ${max}, got "${raw}"`);
  return Number(raw);
}

export function basemapRoutes(app: FastifyInstance, archive: TileArchive): void {
  const etag = `"${archive.version}"`;

  app.get<{ Params: { z: string; x: string; file: string }; Querystring: { v?: string } }>('/tiles/:z/:x/:file', async (request, reply) => {
    const match = /^(\d+)\.mvt$/.exec(request.params.file);
    if (!match) throw new ApiError(404, 'not-found', `tiles are /tiles/{z}/{x}/{y}.mvt, not ${request.url.split('?')[0]}`);
    const z = tileNumber(request.params.z, 'z', 30);
    const x = tileNumber(request.params.x, 'x', 2 ** z - 1);
    const y = tileNumber(match[1]!, 'y', 2 ** z - 1);
    reply.header('cache-control', request.query.v === archive.version ? VERSIONED_CACHE : PLAIN_CACHE);
    reply.header('etag', etag);
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    const data = await archive.tile(z, x, y);
    // no tile here (beyond the area or the zooms): an empty answer, which renderers draw as empty, not as an error
    if (!data) return reply.status(204).send();
    return reply.type(MVT_TYPE).send(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  });

  if (archive.format !== 'pmtiles') return;
  // WARNING: no compression here: a compressed body would not match the byte ranges asked for
  app.get('/basemap.pmtiles', { compress: false }, async (request, reply) => {
    reply.header('accept-ranges', 'bytes');
    reply.header('etag', etag);
    reply.header('cache-control', PLAIN_CACHE);
    const range = byteRange(typeof request.headers.range === 'string' ? request.headers.range : undefined, archive.size);
    if (range.kind === 'unsatisfiable') {
      reply.header('content-range', `bytes */${archive.size}`);
      return reply.status(416).type('application/json; charset=utf-8').send({ error: { code: 'range-not-satisfiable', message: `the file has ${archive.size} bytes; ask for a range inside it` } });
    }
    // If-Range with another version: the whole (new) file, never a part of it mixed with the old one
    const ifRange = request.headers['if-range'];
    reply.type(PMTILES_TYPE);
    if (range.kind === 'whole' || (ifRange !== undefined && ifRange !== etag)) {
      reply.header('content-length', String(archive.size));
      return reply.send(fs.createReadStream(archive.file));
    }
    reply.status(206);
    reply.header('content-range', `bytes ${range.start}-${range.end}/${archive.size}`);
    reply.header('content-length', String(range.end - range.start + 1));
    return reply.send(fs.createReadStream(archive.file, { start: range.start, end: range.end }));
  });
}
