// the shared server in Chromium: live updates between two browsers, planner moderation, and offline-first pins sent exactly once.
import { expect, test as base } from './support/appServer.ts';
import type { APIRequestContext, Page } from '@playwright/test';
import { createGuards, describeGuards, routeExternalRequests, watchPage } from './support/pageGuards.ts';
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD } from './support/appServer.ts';
import { ResidentMapPage } from './support/residentMapPage.ts';
import { expect as residentExpect, test as residentTest } from './support/residentTest.ts';
import { addPinAtCrosshair } from './support/crosshairPin.ts';
import { uniqueTitle } from './support/themes.ts';
import type { TestPin } from './support/themes.ts';

interface ServerPin {
  id: string;
  properties: { title: string; kind: string; theme: string; area: string };
}

async function serverPinsTitled(request: APIRequestContext, titles: string[]): Promise<ServerPin[]> {
  const res = await request.get('/api/pins');
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { features: ServerPin[] };
  return body.features.filter((f) => titles.includes(f.properties.title));
}

/** a pin made through the form that shows on this map (the server may be out of reach) */
async function addShownPin(resident: ResidentMapPage, pin: Omit<TestPin, 'area'>): Promise<void> {
  await addPinAtCrosshair(resident, pin);
  await expect(resident.marker(pin)).toHaveCount(1);
}

function banner(page: Page) {
  return page.locator('.connection-banner[role="status"]');
}

// the same live flow on both databases: on PostgreSQL the server's DATABASE_URL switches everything (storage, NOTIFY
// fan-out of live events, rate counts) to it, end to end
for (const storage of ['sqlite', 'postgres'] as const) residentTest.describe(`on ${storage}`, () => {
  residentTest.use({ storage });
  residentTest('a pin added in one browser appears live in another; a planner hides it there and it disappears live', async ({ resident, openFreshResident, page }, testInfo) => {
    const pin: TestPin = { kind: 'priority', theme: 'Safety', title: uniqueTitle(testInfo, 'Live crossing'), area: 'Weir Meadows' };
    const other = await openFreshResident();

    await addShownPin(resident, pin);
    // the other browser was open all along: no reload, the marker arrives over /api/events
    await residentExpect(other.marker(pin)).toBeAttached();
    await other.showView('List');
    await residentExpect(other.listRow(pin.title)).toHaveCount(1);
    // on the device that made it: sent, and still its own (edit and delete offered)
    await resident.showView('List');
    await residentExpect(resident.listRow(pin.title)).toContainText('Sent');
    await residentExpect(resident.listRow(pin.title).getByRole('button', { name: `Edit “${pin.title}”` })).toBeVisible();
    // someone else's pin: no badge, no edit
    await residentExpect(other.listRow(pin.title)).not.toContainText('Sent');
    await residentExpect(other.listRow(pin.title).getByRole('button', { name: `Edit “${pin.title}”` })).toHaveCount(0);

    // a planner, in the second browser's planner view, finds the pin in the response explorer and hides it with a preset reason
    const planner = await other.page.context().newPage();
    await planner.goto(`${new URL(other.page.url()).pathname.replace(/\/?$/, '/planner')}`);
    const staff = planner.locator('.staff-panel');
    await staff.getByLabel('E-mail', { exact: true }).fill(E2E_ADMIN_EMAIL);
    await staff.getByLabel('Password', { exact: true }).fill(E2E_ADMIN_PASSWORD);
    await staff.getByRole('button', { name: 'Sign in', exact: true }).click();
    const responses = planner.locator('section.response-explorer');
    await responses.getByRole('search').getByLabel('Words').fill(pin.title);
    const row = responses.locator('.explorer-table tbody tr').filter({ hasText: pin.title });
    await residentExpect(row).toHaveCount(1);
    await row.getByRole('button', { name: `Hide “${pin.title}”` }).click();
    await row.getByLabel('Why hide it? (kept in the audit log)').selectOption({ label: 'Duplicate of another pin' });
    await row.getByRole('button', { name: 'Hide pin', exact: true }).click();
    await residentExpect(row).toHaveCount(0);
    // ...and it leaves both residents' maps live
    await residentExpect(other.listRow(pin.title)).toHaveCount(0);
    await residentExpect(resident.listRow(pin.title)).toHaveCount(0);
    await resident.showView('Map');
    await residentExpect(resident.marker(pin)).toHaveCount(0);

    // the planner finds it among hidden pins, with its reason, and restores it for everyone
    await responses.getByRole('search').getByLabel('Moderation').selectOption('hidden');
    await residentExpect(row).toContainText('Hidden because: Duplicate of another pin');
    await row.getByRole('button', { name: `Restore “${pin.title}”` }).click();
    await row.getByLabel('Why restore it? (kept in the audit log)').selectOption({ label: 'Hidden by mistake' });
    await row.getByRole('button', { name: 'Restore pin', exact: true }).click();
    await residentExpect(resident.marker(pin)).toBeAttached();
    await page.screenshot({ path: `test/output/screenshots/sync-live-${storage}-${testInfo.project.name}.png` });
  });
});

residentTest('a resident sees no staff tools, only a staff sign-in link to the planner view', async ({ resident, page }, testInfo) => {
  await residentExpect(resident.map).toBeVisible();
  await residentExpect(page.getByRole('link', { name: 'Staff sign-in', exact: true })).toHaveAttribute('href', /\/planner#staff-heading$/);
  await residentExpect(page.getByRole('button', { name: 'Data', exact: true })).toHaveCount(0);
  await residentExpect(page.getByRole('button', { name: 'Export GeoJSON', exact: true })).toHaveCount(0);
  await residentExpect(page.getByLabel('Import boundaries (GeoJSON)', { exact: true })).toHaveCount(0);
  await page.screenshot({ path: `test/output/screenshots/sync-signin-${testInfo.project.name}.png` });
});

// offline runs log failed requests on purpose, so this test has its own guards: no page errors, no dialogs, no internet
const test = base.extend<{ guards: ReturnType<typeof createGuards> }>({
  guards: async ({}, use) => {
    const guards = createGuards();
    await use(guards);
    expect(guards.pageErrors, describeGuards(guards)).toEqual([]);
    expect(guards.dialogs, describeGuards(guards)).toEqual([]);
  },
  context: async ({ context, baseURL, guards }, use) => {
    await routeExternalRequests(context, baseURL!, guards);
    await use(context);
  },
});

test('offline: two pins wait on the device through a reload and reach the server exactly once when back online', async ({ page, context, request, guards }, testInfo) => {
  watchPage(page, guards);
  const resident = new ResidentMapPage(page, { touch: testInfo.project.use.hasTouch === true });
  await resident.goto();
  // the app shell must be cached before the connection goes
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const first: TestPin = { kind: 'asset', theme: 'Green space', title: uniqueTitle(testInfo, 'Offline orchard'), area: 'Foundry Fields' };
  const second: TestPin = { kind: 'priority', theme: 'Transport & streets', title: uniqueTitle(testInfo, 'Offline bus stop'), area: 'Highcroft' };

  await context.setOffline(true);
  await expect(banner(page)).toContainText('You are offline');
  await addShownPin(resident, first);
  await addShownPin(resident, second);
  await expect(banner(page)).toContainText('2 changes waiting to send.');
  await resident.showView('List');
  await expect(resident.listRow(first.title)).toContainText('Waiting to send');
  await expect(resident.listRow(second.title)).toContainText('Waiting to send');
  expect(await serverPinsTitled(request, [first.title, second.title])).toEqual([]);

  // a reload without a connection: the service worker serves the app, IndexedDB the pins and the outbox
  await page.reload();
  await resident.waitUntilReady();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await expect(banner(page)).toContainText('You are offline');
  await resident.showView('List');
  await expect(resident.listRow(first.title)).toContainText('Waiting to send');
  await expect(resident.listRow(second.title)).toContainText('Waiting to send');
  await page.screenshot({ path: `test/output/screenshots/sync-offline-${testInfo.project.name}.png` });
  expect(await serverPinsTitled(request, [first.title, second.title])).toEqual([]);

  await context.setOffline(false);
  await expect(resident.listRow(first.title)).toContainText('Sent', { timeout: 20_000 });
  await expect(resident.listRow(second.title)).toContainText('Sent', { timeout: 20_000 });
  await expect(banner(page)).toBeHidden();
  const stored = await serverPinsTitled(request, [first.title, second.title]);
  expect(stored.map((p) => p.properties.title).sort()).toEqual([first.title, second.title].sort());
  expect(stored.find((p) => p.properties.title === first.title)?.properties).toMatchObject({ kind: 'asset', theme: 'green-space' });

  // nothing left to send: another reload online shows each pin once, still this device's
  await page.reload();
  await resident.waitUntilReady();
  await resident.showView('List');
  await expect(resident.listRow(first.title)).toHaveCount(1);
  await expect(resident.listRow(first.title)).toContainText('Sent');
  await expect(resident.listRow(first.title).getByRole('button', { name: `Delete “${first.title}”` })).toBeVisible();
  expect(await serverPinsTitled(request, [first.title, second.title])).toHaveLength(2);
});
