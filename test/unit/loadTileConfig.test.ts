// the basemap setting: from the server, remembered for an offline start (the service worker caches no /api answer).
import { describe, expect, it } from 'vitest';
import { defaultTileConfig, loadTileConfig } from '../../src/app/loadTileConfig.ts';

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
}

const answer = (body: unknown) => (async () => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } })) as unknown as typeof fetch;
const offline = (async () => {
  throw new TypeError('Failed to fetch');
}) as unknown as typeof fetch;

describe('loadTileConfig', () => {
  it("uses the server's setting, and its last answer when the server cannot be reached", async () => {
    const storage = memoryStorage();
    const council = { tileUrl: 'https://tiles.council.example/{z}/{x}/{y}.png', tileAttribution: '&copy; <b>Council</b>' };
    const raster = { tileUrl: council.tileUrl, tileAttribution: '© Council', basemap: { kind: 'raster', url: council.tileUrl, attribution: '© Council' } };
    expect(await loadTileConfig('', answer(council), storage)).toEqual(raster);
    expect(await loadTileConfig('', offline, storage)).toEqual(raster);
  });

  it("falls back to the build's defaults with nothing remembered, and ?tiles=off always wins", async () => {
    const storage = memoryStorage();
    expect(await loadTileConfig('', offline, storage)).toEqual(defaultTileConfig());
    storage.setItem('coplan-tile-config', '{"not":"a config"}');
    expect(await loadTileConfig('', offline, storage)).toEqual(defaultTileConfig());
    expect(await loadTileConfig('?tiles=off', answer({ tileUrl: 'x', tileAttribution: '' }), storage)).toEqual({ tileUrl: '', tileAttribution: '', basemap: { kind: 'none' } });
  });

  it("takes the server's vector basemap, and remembers it for an offline start", async () => {
    const storage = memoryStorage();
    const basemap = { kind: 'vector', url: '/tiles/{z}/{x}/{y}.mvt?v=abc', minZoom: 10, maxZoom: 15, attribution: '<a href="https://protomaps.com">Protomaps</a> &copy; OpenStreetMap' };
    const expected = { tileUrl: '', tileAttribution: '', basemap: { ...basemap, attribution: 'Protomaps © OpenStreetMap' } };
    expect(await loadTileConfig('', answer({ tileUrl: '', tileAttribution: '', basemap }), storage)).toEqual(expected);
    expect(await loadTileConfig('', offline, storage)).toEqual(expected);
    // an older server without `basemap`: an empty tileUrl is no basemap
    expect((await loadTileConfig('', answer({ tileUrl: '', tileAttribution: '' }), memoryStorage())).basemap).toEqual({ kind: 'none' });
  });
});
