// the service worker's tile cache limit (public/tileCache.js, a classic script run here as the worker runs it): the
// oldest tiles go first once the cache holds too many tiles or too many bytes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';

interface Limits { maxEntries: number; maxBytes: number }
interface FakeCache {
  keys(): Promise<Request[]>;
  match(key: Request | string): Promise<Response | undefined>;
  put(key: Request | string, response: Response): Promise<void>;
  delete(key: Request | string): Promise<boolean>;
}
interface TileCacheApi {
  TILE_LIMITS: Limits;
  BYTES_HEADER: string;
  tilesToEvict(entries: { bytes: number }[], limits: Limits): number[];
  storeTile(cache: FakeCache, request: Request, response: Response): Promise<void>;
  trimTileCache(cache: FakeCache, limits: Limits): Promise<number>;
}

function loadTileCache(): TileCacheApi {
  const source = readFileSync(path.resolve(import.meta.dirname, '../../public/tileCache.js'), 'utf8');
  const scope: { coplanTileCache?: TileCacheApi } = {};
  new Function('self', source)(scope);
  return scope.coplanTileCache!;
}

/** Cache Storage's behaviour that matters here: keys in the order stored, a put of a stored key moves it to the end */
function fakeCache(): FakeCache & { urls(): string[] } {
  const entries = new Map<string, Response>();
  const url = (key: Request | string) => (typeof key === 'string' ? new URL(key, 'http://coplan.test').href : key.url);
  return {
    async keys() {
      return [...entries.keys()].map((u) => new Request(u));
    },
    async match(key) {
      return entries.get(url(key))?.clone();
    },
    async put(key, response) {
      entries.delete(url(key));
      entries.set(url(key), response);
    },
    async delete(key) {
      return entries.delete(url(key));
    },
    urls: () => [...entries.keys()].map((u) => new URL(u).pathname),
  };
}

const tile = (n: number) => new Request(`http://coplan.test/tiles/14/${n}/1.mvt`);

describe('tilesToEvict', () => {
  const { tilesToEvict } = loadTileCache();

  it('evicts the oldest until the count is within the limit', () => {
    expect(tilesToEvict([{ bytes: 1 }, { bytes: 1 }, { bytes: 1 }, { bytes: 1 }], { maxEntries: 2, maxBytes: Infinity })).toEqual([0, 1]);
  });

  it('evicts the oldest until the bytes are within the limit', () => {
    expect(tilesToEvict([{ bytes: 50 }, { bytes: 10 }, { bytes: 30 }, { bytes: 20 }], { maxEntries: 10, maxBytes: 55 })).toEqual([0, 1]);
  });

  it('evicts nothing within both limits, and everything when a single tile is over the bytes', () => {
    expect(tilesToEvict([{ bytes: 5 }, { bytes: 5 }], { maxEntries: 2, maxBytes: 10 })).toEqual([]);
    expect(tilesToEvict([{ bytes: 20 }], { maxEntries: 5, maxBytes: 10 })).toEqual([0]);
  });

  it('has limits a phone can afford', () => {
    const { TILE_LIMITS } = loadTileCache();
    expect(TILE_LIMITS.maxEntries).toBeGreaterThan(0);
    expect(TILE_LIMITS.maxBytes).toBeLessThanOrEqual(100 * 1024 * 1024);
  });
});

describe('storeTile and trimTileCache', () => {
  let api: TileCacheApi;
  let cache: ReturnType<typeof fakeCache>;
  beforeEach(() => {
    api = loadTileCache();
    cache = fakeCache();
  });

  it('stores a tile with its size and a 204 without a body', async () => {
    await api.storeTile(cache, tile(1), new Response(new Uint8Array(123), { status: 200, headers: { 'content-type': 'application/vnd.mapbox-vector-tile' } }));
    await api.storeTile(cache, tile(2), new Response(null, { status: 204 }));
    const stored = (await cache.match(tile(1)))!;
    expect(stored.headers.get(api.BYTES_HEADER)).toBe('123');
    expect(stored.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    expect((await stored.arrayBuffer()).byteLength).toBe(123);
    const empty = (await cache.match(tile(2)))!;
    expect(empty.status).toBe(204);
    expect(empty.headers.get(api.BYTES_HEADER)).toBe('0');
  });

  it('evicts the oldest tiles beyond the count and keeps the newest', async () => {
    for (let n = 1; n <= 6; n++) await api.storeTile(cache, tile(n), new Response(new Uint8Array(10)));
    expect(await api.trimTileCache(cache, { maxEntries: 4, maxBytes: Infinity })).toBe(2);
    expect(cache.urls()).toEqual(['/tiles/14/3/1.mvt', '/tiles/14/4/1.mvt', '/tiles/14/5/1.mvt', '/tiles/14/6/1.mvt']);
  });

  it('evicts by bytes, counting tiles stored before the limit existed as empty', async () => {
    await cache.put(tile(0), new Response(new Uint8Array(999)));
    for (let n = 1; n <= 4; n++) await api.storeTile(cache, tile(n), new Response(new Uint8Array(100)));
    expect(await api.trimTileCache(cache, { maxEntries: 100, maxBytes: 250 })).toBe(3);
    expect(cache.urls()).toEqual(['/tiles/14/3/1.mvt', '/tiles/14/4/1.mvt']);
  });

  it('a tile stored again counts as new', async () => {
    for (let n = 1; n <= 3; n++) await api.storeTile(cache, tile(n), new Response(new Uint8Array(1)));
    await api.storeTile(cache, tile(1), new Response(new Uint8Array(1)));
    await api.trimTileCache(cache, { maxEntries: 2, maxBytes: Infinity });
    expect(cache.urls()).toEqual(['/tiles/14/3/1.mvt', '/tiles/14/1/1.mvt']);
  });
});
