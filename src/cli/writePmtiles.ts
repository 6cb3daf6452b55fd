// writes a PMTiles v3 archive (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md) from gzipped tiles:
// npm has readers only, and a small single-directory writer is enough for a town.
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { zxyToTileId } from 'pmtiles';

export interface TileInput {
  z: number;
  x: number;
  y: number;
  /** the tile's bytes, already gzipped (tile compression 2) */
  data: Uint8Array;
}

export interface ArchiveInfo {
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north] in degrees */
  bounds: [number, number, number, number];
  center: [number, number, number];
  metadata: Record<string, unknown>;
}

const HEADER_BYTES = 127;
// the spec asks that the header and root directory fit in the first 16 KiB, so a reader gets both in one request
const ROOT_LIMIT = 16_384 - HEADER_BYTES;

function varint(out: number[], value: number): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

interface Entry { tileId: number; offset: number; length: number; runLength: number }

function directoryBytes(entries: Entry[]): Buffer {
  const out: number[] = [];
  varint(out, entries.length);
  let last = 0;
  for (const e of entries) {
    varint(out, e.tileId - last);
    last = e.tileId;
  }
  for (const e of entries) varint(out, e.runLength);
  for (const e of entries) varint(out, e.length);
  entries.forEach((e, i) => {
    const previous = entries[i - 1];
    varint(out, i > 0 && previous && e.offset === previous.offset + previous.length ? 0 : e.offset + 1);
  });
  return gzipSync(Buffer.from(out));
}

/**
 * Lays out a clustered archive: header, gzipped root directory, gzipped JSON metadata, then the tile data in tile-id
 * order with identical tiles stored once (a town's surrounding fields give many equal tiles).
 * @example
 * const archive = writePmtiles([{ z: 0, x: 0, y: 0, data: gzipSync(tileBytes) }], info);
 * archive.subarray(0, 7).toString(); // => 'PMTiles'
 */
export function writePmtiles(tiles: TileInput[], info: ArchiveInfo): Buffer {
  const sorted = tiles.map((t) => ({ ...t, tileId: zxyToTileId(t.z, t.x, t.y) })).sort((a, b) => a.tileId - b.tileId);
  const chunks: Buffer[] = [];
  const offsetByHash = new Map<string, { offset: number; length: number }>();
  let dataLength = 0;
  const entries: Entry[] = [];
  for (const tile of sorted) {
    const hash = createHash('sha256').update(tile.data).digest('hex');
    let stored = offsetByHash.get(hash);
    if (!stored) {
      stored = { offset: dataLength, length: tile.data.length };
      offsetByHash.set(hash, stored);
      chunks.push(Buffer.from(tile.data));
      dataLength += tile.data.length;
    }
    const previous = entries[entries.length - 1];
    if (previous && previous.offset === stored.offset && previous.tileId + previous.runLength === tile.tileId) previous.runLength++;
    else entries.push({ tileId: tile.tileId, offset: stored.offset, length: stored.length, runLength: 1 });
  }
  const root = directoryBytes(entries);
  if (root.length > ROOT_LIMIT) throw new Error(`the root directory takes ${root.length} bytes; this writer has no leaf directories, so keep it under ${ROOT_LIMIT} (fewer zoom levels or a smaller area)`);
  const metadata = gzipSync(Buffer.from(JSON.stringify(info.metadata)));

  const header = Buffer.alloc(HEADER_BYTES);
  header.write('PMTiles', 0, 'ascii');
  header.writeUInt8(3, 7);
  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const dataOffset = metadataOffset + metadata.length;
  const u64 = [rootOffset, root.length, metadataOffset, metadata.length, dataOffset, 0, dataOffset, dataLength];
  u64.forEach((value, i) => header.writeBigUInt64LE(BigInt(value), 8 + 8 * i));
  header.writeBigUInt64LE(BigInt(sorted.length), 72);
  header.writeBigUInt64LE(BigInt(entries.length), 80);
  header.writeBigUInt64LE(BigInt(offsetByHash.size), 88);
  header.writeUInt8(1, 96); // clustered
  header.writeUInt8(2, 97); // internal compression: gzip
  header.writeUInt8(2, 98); // tile compression: gzip
  header.writeUInt8(1, 99); // tile type: mvt
  header.writeUInt8(info.minZoom, 100);
  header.writeUInt8(info.maxZoom, 101);
  const e7 = (degrees: number) => Math.round(degrees * 1e7);
  const [west, south, east, north] = info.bounds;
  [west, south, east, north].forEach((v, i) => header.writeInt32LE(e7(v), 102 + 4 * i));
  header.writeUInt8(info.center[2], 118);
  header.writeInt32LE(e7(info.center[0]), 119);
  header.writeInt32LE(e7(info.center[1]), 123);
  return Buffer.concat([header, root, metadata, ...chunks]);
}
