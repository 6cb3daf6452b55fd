// the app shell offline: /planner and /table are chunks the first page never loads, and still open without a connection
// once the service worker has precached the build (dist/app-files.json), as a hall's table may first open offline.
import type { Page } from '@playwright/test';
import { expect, test } from './support/appServer.ts';
import { openConsultationPath } from './support/residentMapPage.ts';

/** every file the build lists, and which of them the service worker's cache holds */
async function precached(page: Page): Promise<{ listed: string[]; missing: string[] }> {
  return page.evaluate(async () => {
    const listed = (await (await fetch('/app-files.json', { cache: 'no-store' })).json()) as string[];
    const cache = await caches.open('coplan-shell-v2');
    const missing: string[] = [];
    for (const url of listed) if (!(await cache.match(url))) missing.push(url);
    return { listed, missing };
  });
}

test('after one visit to the resident map, the planner view and touch-table mode open offline', async ({ page, context }) => {
  const loaded: string[] = [];
  page.on('request', (r) => {
    const { pathname } = new URL(r.url());
    if (pathname.startsWith('/assets/') && pathname.endsWith('.js')) loaded.push(pathname);
  });
  await page.goto(await openConsultationPath(page, '?tiles=off'));
  await expect(page.getByRole('button', { name: 'Add a pin', exact: true })).toBeVisible();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(async () => (await precached(page)).missing).toEqual([]);
  const { listed } = await precached(page);
  // the route chunks exist, and the resident page itself did not load them
  const routeChunks = listed.filter((url) => /\/(PlannerApp|TableRoute)-[\w-]+\.js$/.test(url));
  expect(routeChunks).toHaveLength(2);
  for (const chunk of routeChunks) expect(loaded).not.toContain(chunk);

  await context.setOffline(true);
  await page.goto('/table?tiles=off');
  await expect(page.getByRole('region', { name: 'Stickers for the bottom side' })).toBeVisible();
  await page.goto('/planner?tiles=off');
  await expect(page.getByRole('heading', { name: 'Coplan for planners', level: 1 })).toBeVisible();
  // its figures come from the server, so offline it says why there are none rather than showing empty areas
  await expect(page.getByRole('alert')).toContainText("The consultation's areas and themes could not be read from the server.");
  await context.setOffline(false);
});
