// the basemap Coplan serves itself: with every request to another origin refused, the demo town's streets draw on the
// resident map, the planner view and the touch-table from same-origin tiles, labelled in Urdu too, and a table that
// loaded once draws them again offline from the service worker's cache.
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { FeatureCollection, Geometry } from 'geojson';
import { buildBasemapArchive } from '../../src/cli/buildBasemap.ts';
import type { BasemapProperties } from '../../src/cli/demoStreets.ts';
import { expect, test } from './support/appServer.ts';
import { openConsultationPath } from './support/residentMapPage.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SHOTS = path.join(ROOT, 'test/output/basemap');
const FILE = path.join(ROOT, 'test/output/basemap/millbrook.pmtiles');
mkdirSync(SHOTS, { recursive: true });
const streets = JSON.parse(readFileSync(path.join(ROOT, 'data/demo-streets.geojson'), 'utf8')) as FeatureCollection<Geometry, BasemapProperties>;
writeFileSync(FILE, buildBasemapArchive(streets));

test.use({ basemap: FILE });

/** Refuses every request to another origin and records the tile answers of our own. */
async function sameOriginOnly(page: Page, baseURL: string): Promise<{ foreign: string[]; tiles: number[] }> {
  const seen = { foreign: [] as string[], tiles: [] as number[] };
  const origin = new URL(baseURL).origin;
  await page.context().route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    seen.foreign.push(url);
    return route.abort('blockedbyclient');
  });
  page.on('response', (r) => {
    if (new URL(r.url()).pathname.startsWith('/tiles/')) seen.tiles.push(r.status());
  });
  return seen;
}

/** Colours in the drawn basemap tiles (sampled on a grid): a flat map has one, streets, parks and water several. */
async function basemapColours(page: Page, frame: string): Promise<number> {
  return page.evaluate((selector) => {
    const colours = new Set<string>();
    for (const canvas of document.querySelectorAll<HTMLCanvasElement>(`${selector} canvas.leaflet-tile`)) {
      if (canvas.width === 0) continue;
      const ctx = canvas.getContext('2d');
      if (!ctx) continue;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 0; i < data.length; i += 4 * 97) colours.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
    }
    return colours.size;
  }, frame);
}

test('the demo streets draw on the resident map, in English and in Urdu, from same-origin tiles only', async ({ page, baseURL }, testInfo) => {
  const seen = await sameOriginOnly(page, baseURL!);
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(await openConsultationPath(page));
  await expect(page.getByRole('button', { name: 'Add a pin', exact: true })).toBeVisible();
  await expect.poll(() => basemapColours(page, '.map-frame'), { timeout: 20_000 }).toBeGreaterThan(8);
  await expect(page.locator('.map-attribution')).toHaveText('Millbrook demo basemap (made up, CC0)');
  await page.screenshot({ path: path.join(SHOTS, `resident-${testInfo.project.name}.png`) });
  await page.goto(await openConsultationPath(page, '?lang=ur'));
  await expect.poll(() => basemapColours(page, '.map-frame'), { timeout: 20_000 }).toBeGreaterThan(8);
  await expect(page.locator('canvas.leaflet-tile').first()).toHaveAttribute('lang', 'ur');
  await page.screenshot({ path: path.join(SHOTS, `resident-ur-${testInfo.project.name}.png`) });
  // closer in, the landmarks' Urdu names (right-to-left, joined letters) are drawn on the tiles
  await page.locator('.leaflet-control-zoom-in').click();
  await page.locator('.leaflet-control-zoom-in').click();
  await expect.poll(() => basemapColours(page, '.map-frame'), { timeout: 20_000 }).toBeGreaterThan(8);
  await page.waitForTimeout(500);
  await page.locator('.map-frame').screenshot({ path: path.join(SHOTS, `resident-ur-closer-${testInfo.project.name}.png`) });
  expect(seen.tiles.length).toBeGreaterThan(0);
  expect(seen.tiles.every((status) => status === 200 || status === 204 || status === 304)).toBe(true);
  expect(seen.tiles.filter((status) => status === 200).length).toBeGreaterThan(0);
  expect(seen.foreign).toEqual([]);
  // the renderer needs nothing the Content-Security-Policy refuses (no eval, no inline style, no other origin)
  expect(violations).toEqual([]);
});

test('the planner view draws the basemap under its layers', async ({ page, baseURL }, testInfo) => {
  const seen = await sameOriginOnly(page, baseURL!);
  await page.goto('/planner');
  await expect(page.getByRole('status').filter({ hasText: 'pins in this consultation' })).toBeVisible();
  await expect.poll(() => basemapColours(page, '.planner-map'), { timeout: 20_000 }).toBeGreaterThan(8);
  await page.screenshot({ path: path.join(SHOTS, `planner-${testInfo.project.name}.png`) });
  expect(seen.tiles.filter((status) => status === 200).length).toBeGreaterThan(0);
  expect(seen.foreign).toEqual([]);
});

test('the touch-table draws the basemap, and again offline from the tiles it has seen', async ({ page, baseURL, context }, testInfo) => {
  const seen = await sameOriginOnly(page, baseURL!);
  await page.goto('/table?idle=600');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // the first load may come before the service worker controls the page: the second is through it
  await page.reload();
  await expect.poll(() => basemapColours(page, '.table-map'), { timeout: 20_000 }).toBeGreaterThan(8);
  await expect.poll(() => page.evaluate(async () => (await (await caches.open('coplan-tiles-v1')).keys()).length)).toBeGreaterThan(0);
  // each kept tile says its size, for the cache's size limit (public/tileCache.js)
  const sizes = await page.evaluate(async () => {
    const cache = await caches.open('coplan-tiles-v1');
    return Promise.all((await cache.keys()).map(async (key) => (await cache.match(key))?.headers.get('x-coplan-tile-bytes') ?? null));
  });
  expect(sizes.every((bytes) => bytes !== null && /^\d+$/.test(bytes))).toBe(true);
  expect(sizes.some((bytes) => Number(bytes) > 0)).toBe(true);
  await page.screenshot({ path: path.join(SHOTS, `table-${testInfo.project.name}.png`) });
  expect(seen.foreign).toEqual([]);

  await context.setOffline(true);
  await page.reload();
  await expect.poll(() => basemapColours(page, '.table-map'), { timeout: 20_000 }).toBeGreaterThan(8);
  await page.screenshot({ path: path.join(SHOTS, `table-offline-${testInfo.project.name}.png`) });
});
