// the app shell offline: /planner and /table are chunks the first page never loads, and still open without a connection
// once the service worker has precached the build (dist/app-files.json), as a hall's table may first open offline.
import type { Page } from '@playwright/test';
import { expect, test } from './support/appServer.ts';
import { openConsultationPath } from './support/residentMapPage.ts';

/** every file the build lists, and which of them the service worker's cache holds */
async function precached(page: Page): Promise<{ listed: string[]; missing: string[] }> {
  return page.evaluate(async () => {
    const listed = (await (await fetch('/app-files.json', { cache: 'no-store' })).json()) as string[];
    const cache = await caches.open('coplan-shell-v3');
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
  // offline, the response explorer says it could not read the responses too: the page's own alert is the one asked for
  await expect(page.getByRole('alert').filter({ hasText: "The consultation's areas and themes could not be read from the server." })).toBeVisible();
  await context.setOffline(false);
});

/** every URL held in any of this origin's caches, with the content type it was stored with */
async function cachedEntries(page: Page): Promise<{ url: string; type: string }[]> {
  return page.evaluate(async () => {
    const entries: { url: string; type: string }[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        entries.push({ url: new URL(request.url).pathname, type: response?.headers.get('content-type') ?? '' });
      }
    }
    return entries;
  });
}

test('API answers opened in the address bar never reach Cache Storage, and the app still opens offline', async ({ page, context }) => {
  const resident = await openConsultationPath(page, '?tiles=off');
  await page.goto(resident);
  await expect(page.getByRole('button', { name: 'Add a pin', exact: true })).toBeVisible();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(async () => (await precached(page)).missing).toEqual([]);
  // the app's own requests go through the service worker too
  await page.evaluate(async () => {
    for (const url of ['/api/config', '/api/pins?limit=5', '/api/aggregates/summary']) await fetch(url);
  });
  // what a planner might open on a shared table machine: pins, figures, the audit log and exports (401 without a session)
  for (const url of ['/api/pins', '/api/aggregates/summary', '/api/audit', '/api/export/pins.csv', '/api/no-such-route', '/api/config']) {
    const response = await page.goto(url);
    expect(response?.headers()['content-type'], url).toContain('application/json');
  }
  const entries = await cachedEntries(page);
  expect(entries.filter((entry) => entry.url.startsWith('/api'))).toEqual([]);
  // the shell is still the app's page, not the last API answer opened
  expect(entries.find((entry) => entry.url === '/')?.type).toContain('text/html');

  await context.setOffline(true);
  await page.goto(resident);
  await expect(page.getByRole('button', { name: 'Add a pin', exact: true })).toBeVisible();
  await context.setOffline(false);
});
