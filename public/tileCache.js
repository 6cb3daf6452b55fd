// the service worker's basemap tile cache, kept within a size limit: the oldest tiles stored are evicted first once
// it holds more than TILE_LIMITS.maxEntries tiles or TILE_LIMITS.maxBytes of them. A classic script (service workers
// load it with importScripts), so it puts its functions on `self`; test/unit/tileCache.test.ts runs it the same way.
(function defineTileCache(scope) {
  // a phone must not fill its storage with a county's tiles: ~10,000 demo-sized tiles, or 40 MB of a council's own
  const TILE_LIMITS = { maxEntries: 10000, maxBytes: 40 * 1024 * 1024 };
  // each stored tile says its own size, so trimming never reads a body
  const BYTES_HEADER = 'x-coplan-tile-bytes';

  /**
   * Which entries to evict, as indexes into `entries` (oldest first, each `{ bytes }`): the oldest, until what is left
   * is within both limits.
   * @example
   * tilesToEvict([{ bytes: 10 }, { bytes: 10 }, { bytes: 10 }], { maxEntries: 2, maxBytes: 100 }) // => [0]
   */
  function tilesToEvict(entries, limits) {
    let count = entries.length;
    let bytes = 0;
    for (const entry of entries) bytes += entry.bytes;
    const evict = [];
    for (let i = 0; i < entries.length && (count > limits.maxEntries || bytes > limits.maxBytes); i++) {
      evict.push(i);
      count -= 1;
      bytes -= entries[i].bytes;
    }
    return evict;
  }

  /** Stores a tile answer (200, or 204 for a tile the file does not have) with its size in a header. */
  async function storeTile(cache, request, response) {
    const body = await response.arrayBuffer();
    const headers = new Headers(response.headers);
    headers.set(BYTES_HEADER, String(body.byteLength));
    // a 204 may not carry a body, even an empty one
    const stored = new Response(response.status === 204 ? null : body, { status: response.status, statusText: response.statusText, headers });
    await cache.put(request, stored);
  }

  /**
   * Evicts the oldest tiles beyond the limits. Cache Storage lists keys in the order they were stored (a tile stored
   * again moves to the end), so the first keys are the oldest. Returns how many tiles it evicted.
   */
  async function trimTileCache(cache, limits) {
    const keys = await cache.keys();
    if (keys.length <= limits.maxEntries && limits.maxBytes === Infinity) return 0;
    const entries = await Promise.all(keys.map(async (key) => {
      const response = await cache.match(key);
      const bytes = Number(response && response.headers.get(BYTES_HEADER));
      return { bytes: Number.isFinite(bytes) && bytes > 0 ? bytes : 0 };
    }));
    const evict = tilesToEvict(entries, limits);
    for (const i of evict) await cache.delete(keys[i]);
    return evict.length;
  }

  scope.coplanTileCache = { TILE_LIMITS, BYTES_HEADER, tilesToEvict, storeTile, trimTileCache };
})(self);
