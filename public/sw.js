// app-shell service worker: lets the built app open without a connection. It caches the app's page and the files of
// its build, nothing else: never an /api answer (the app keeps its own copy of pins in IndexedDB and an outbox of
// unsent changes), so nothing a planner opened stays in Cache Storage on a shared machine, and opening an API URL in
// the address bar cannot replace the cached app.
// v3: v2 also kept /api/config, and stored any page a navigation answered as the shell; activating v3 deletes it.
const CACHE = 'coplan-shell-v3';
// basemap tiles the device has seen, kept across new builds (their URLs carry the basemap file's version, so a new
// file's tiles are new entries): a touch table that showed its area once draws it again with no connection
const TILES = 'coplan-tiles-v1';
// the tile cache's size limit and eviction (public/tileCache.js: self.coplanTileCache)
self.importScripts('/tileCache.js');
/** trim the tile cache after this many new tiles, not after each (trimming lists every key) */
const TRIM_EVERY = 50;
let tilesSinceTrim = 0;
const SHELL = '/';
const FILES = '/app-files.json';

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const response = await fetch(SHELL, { cache: 'no-store' });
      if (!response.ok) throw new Error(`app shell answered ${response.status}`);
      const html = await response.clone().text();
      await cache.put(SHELL, response);
      // the hashed scripts and styles the page names, and every other file of the build (the /planner and /table
      // chunks, the worker), so a hall can open /table for the first time without a connection
      const named = [...html.matchAll(/(?:src|href)="(\/[^"?#]+)"/g)].map((m) => m[1]).filter((url) => !url.startsWith('/api/'));
      await cache.addAll([...new Set([...named, ...(await buildFiles())])]);
      await self.skipWaiting();
    })(),
  );
});

/** dist/app-files.json (written by the build): every file of this build under /assets/; [] when it is missing */
async function buildFiles() {
  try {
    const response = await fetch(FILES, { cache: 'no-store' });
    if (!response.ok) return [];
    const list = await response.json();
    return Array.isArray(list) ? list.filter((url) => typeof url === 'string' && /^\/assets\/[\w.-]+$/.test(url)) : [];
  } catch {
    return [];
  }
}

/** a new build (its files named by a new app-files.json) is cached while the app is online, not when it is first used */
async function cacheNewBuildFiles() {
  const cache = await caches.open(CACHE);
  const missing = [];
  for (const url of await buildFiles()) if (!(await cache.match(url))) missing.push(url);
  if (missing.length) await cache.addAll(missing).catch(() => undefined);
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== CACHE && key !== TILES) await caches.delete(key);
      // a cache filled by a version without the limit is brought within it
      await self.coplanTileCache.trimTileCache(await caches.open(TILES), self.coplanTileCache.TILE_LIMITS).catch(() => 0);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // the API goes to the network as if there were no service worker: never answered from, nor written to, the cache
  if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return;
  // pages: the network when it answers (new builds arrive at once), the cached shell when it does not
  if (url.pathname.startsWith('/tiles/')) {
    event.respondWith(tileFirst(request));
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(appPage(request));
    event.waitUntil(cacheNewBuildFiles());
  }
  else event.respondWith(cacheFirst(request));
});

/** the app's page from the network, kept as the shell only when it is the app's page (HTML, 200) */
async function appPage(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    const html = (response.headers.get('content-type') || '').startsWith('text/html');
    if (response.status === 200 && html) await cache.put(SHELL, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(SHELL);
    if (cached) return cached;
    throw error;
  }
}

/** a basemap tile from the cache when the device has it, else from the network, kept for next time */
async function tileFirst(request) {
  const cache = await caches.open(TILES);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  // 204 is a tile the file does not have: kept too, so an offline map does not ask for it again and fail
  if (response.status === 200 || response.status === 204) {
    const { storeTile, trimTileCache, TILE_LIMITS } = self.coplanTileCache;
    await storeTile(cache, request, response.clone()).catch(() => undefined);
    tilesSinceTrim += 1;
    if (tilesSinceTrim >= TRIM_EVERY) {
      tilesSinceTrim = 0;
      // not awaited: the tile goes to the map at once
      trimTileCache(cache, TILE_LIMITS).catch(() => 0);
    }
  }
  return response;
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  // file names under /assets/ carry a content hash, so a cached copy never goes stale
  if (response.ok && new URL(request.url).pathname.startsWith('/assets/')) await cache.put(request, response.clone());
  return response;
}
