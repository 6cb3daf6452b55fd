// the resident's first load: the map pans and zooms with only the files index.html names (the entry and what it
// imports statically, the build's "first load"), while the start-up chunk with zod's schemas is held back; released,
// the page's boundaries and pins take the frame's place.
import type { Page, Route } from '@playwright/test';
import { expect, test } from './support/residentTest.ts';
import { openConsultationPath } from './support/residentMapPage.ts';
import { mapPanePosition } from './support/mapInPage.ts';

/** the scripts index.html names: the entry and its modulepreloads, i.e. the first load vite.config.ts measures */
async function firstLoadFiles(page: Page): Promise<Set<string>> {
  const html = await (await page.request.get('/')).text();
  const files = [...html.matchAll(/<(?:script type="module"[^>]*src|link rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map((m) => m[1]!);
  return new Set(files);
}

/** Leaflet's zoom proxy carries the map's scale (2^zoom) once a move ends */
async function zoomScale(page: Page): Promise<number> {
  return page.locator('.leaflet-proxy').evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);
}

test('the map pans and zooms before the start-up chunk (zod, the API client) is in; then the boundaries and pins come', async ({ page }) => {
  const firstLoad = await firstLoadFiles(page);
  expect(firstLoad.size, 'index.html names the entry and its static imports').toBeGreaterThan(1);
  const held: { route: Route; path: string }[] = [];
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/assets/*.js', async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (firstLoad.has(path)) return route.fallback();
    held.push({ route, path });
    await released;
    return route.fallback();
  });

  await page.goto(await openConsultationPath(page, '?tiles=off'));
  const map = page.getByRole('region', { name: 'Neighbourhood map' });
  await expect(map).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toBeVisible();
  // the rest of the start-up was asked for at once, beside the frame, not after it
  await expect.poll(() => held.length).toBeGreaterThan(0);
  const heldBodies = await Promise.all(held.map(async ({ path }) => (await page.request.get(path)).text()));
  expect(heldBodies.some((code) => code.includes('$ZodObject')), 'zod is in a chunk the page holds back').toBe(true);
  for (const path of firstLoad) expect(await (await page.request.get(path)).text(), `${path} is a first-load file`).not.toContain('$ZodObject');

  // pans by pointer
  const box = (await map.boundingBox())!;
  const before = await map.evaluate(mapPanePosition);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 160, box.y + box.height / 2 - 90, { steps: 8 });
  await page.mouse.up();
  await expect.poll(() => map.evaluate(mapPanePosition)).not.toEqual(before);
  // and zooms by its button
  const scale = await zoomScale(page);
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(() => zoomScale(page)).toBeCloseTo(scale * 2, 5);
  // nothing of the page's data yet: no boundaries, no pins, no way to add one
  await expect(page.locator('.leaflet-tooltip.area-label')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add a pin', exact: true })).toHaveCount(0);

  release();
  await expect(page.getByRole('button', { name: 'Add a pin', exact: true })).toBeVisible();
  await expect(page.locator('.map--booting')).toHaveCount(0);
  await expect(map).toBeVisible();
  await expect(page.locator('.leaflet-tooltip.area-label').first()).toBeAttached();
  await expect(map.locator('.pin-marker').first()).toBeAttached();
});
