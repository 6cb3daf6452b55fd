// many consultations on one server: the front page, an admin who invites a planner and creates a consultation in the
// browser, a resident who pins in it, the planner who closes it, and its template starting a draft on a second server.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page, TestInfo } from '@playwright/test';
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD, expect, startServer, test } from './support/appServer.ts';
import { createGuards, describeGuards, routeExternalRequests, watchPage } from './support/pageGuards.ts';
import type { PageGuards } from './support/pageGuards.ts';
import { ResidentMapPage } from './support/residentMapPage.ts';
import { uniqueTitle } from './support/themes.ts';

const SHOTS = 'test/output/screenshots';
const repoRoot = path.resolve(import.meta.dirname, '../..');
const demoAreas = readFileSync(path.join(repoRoot, 'data/demo-areas.geojson'), 'utf8');

/** a browser context of its own (cookies, IndexedDB, device token) on `baseURL`, with the same page guards */
async function openContext(browser: Browser, baseURL: string, testInfo: TestInfo, guards: PageGuards): Promise<{ context: BrowserContext; page: Page }> {
  const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = testInfo.project.use;
  const context = await browser.newContext({ baseURL, viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, acceptDownloads: true });
  await routeExternalRequests(context, baseURL, guards);
  const page = await context.newPage();
  watchPage(page, guards);
  return { context, page };
}

async function signInAtConsole(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/staff');
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Consultations', exact: true })).toBeVisible();
}

async function downloadedText(page: Page, click: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
}

test('the front page lists the demo consultations, one open and one closed, each opening its own page', async ({ page, baseURL }, testInfo) => {
  const guards = createGuards();
  await routeExternalRequests(page.context(), baseURL!, guards);
  watchPage(page, guards);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Consultations', exact: true })).toBeVisible();
  const cards = page.getByRole('article');
  await expect(cards).toHaveCount(2);
  const open = cards.filter({ hasText: 'Status: Open' });
  const closed = cards.filter({ hasText: 'Status: Closed' });
  await expect(open).toHaveCount(1);
  await expect(closed).toHaveCount(1);
  await expect(open).toContainText(/\d+ contributions?/);
  await expect(closed).toContainText(/Closed on /);
  await page.screenshot({ path: `${SHOTS}/front-${testInfo.project.name}.png`, fullPage: true });

  await closed.getByRole('link').click();
  await expect(page).toHaveURL(/\/c\/[a-z0-9-]+$/);
  await expect(page.getByText(/^This consultation closed on .+; you can still read what people said\.$/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add a pin', exact: true })).toHaveCount(0);
  await expect(page.locator('.leaflet-tooltip.area-label').first()).toBeAttached();
  await page.screenshot({ path: `${SHOTS}/closed-${testInfo.project.name}.png` });

  await page.goto('/c/no-such-consultation');
  await expect(page.getByRole('heading', { name: 'No such consultation' })).toBeFocused();
  await page.getByRole('link', { name: 'See all consultations' }).click();
  await expect(page.getByRole('article')).toHaveCount(2);
  // only the unknown consultation's 404 is logged
  expect(guards.consoleErrors.filter((e) => !/status of 404 .*\/api\/consultations\/no-such-consultation\)$/.test(e)), describeGuards(guards)).toEqual([]);
  expect(guards.pageErrors, describeGuards(guards)).toEqual([]);
});

test('an admin invites a planner and creates a consultation; residents pin until the planner closes it; its template starts a draft on another server', async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(240_000);
  const guards = createGuards();
  await routeExternalRequests(page.context(), baseURL!, guards);
  watchPage(page, guards);
  const run = `${testInfo.project.name}-${Math.random().toString(36).slice(2, 6)}`;
  const title = `Riverside park ${run}`;
  const slug = `riverside-park-${run}`;
  const plannerEmail = `pat-${run}@e2e.test`;

  // the admin signs in and invites a planner; the one-time link is shown to pass on
  await signInAtConsole(page, E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD);
  await expect(page.getByText(/^Signed in as /)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Consultations' }).getByRole('listitem')).toHaveCount(2);
  await page.screenshot({ path: `${SHOTS}/staff-console-${testInfo.project.name}.png`, fullPage: true });
  const accounts = page.getByRole('region', { name: 'Staff accounts' });
  await accounts.getByLabel('E-mail', { exact: true }).fill(plannerEmail);
  await accounts.getByLabel('Name', { exact: true }).fill('Pat Planner');
  await accounts.getByRole('button', { name: 'Create invitation' }).click();
  const linkField = accounts.getByLabel('Invitation link');
  await expect(linkField).toBeFocused();
  const link = await linkField.inputValue();
  expect(link).toMatch(/\/invite\/[^/]+$/);
  await expect(accounts.getByRole('row', { name: /Pat Planner/ })).toContainText('invitation not yet accepted');

  // the planner accepts it in a browser of their own
  const planner = await openContext(browser, baseURL!, testInfo, guards);
  await planner.page.goto(link);
  await expect(planner.page.getByRole('heading', { name: 'Accept your invitation' })).toBeVisible();
  await planner.page.getByLabel('New password').fill('short');
  await planner.page.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(planner.page.getByText('Choose a stronger password: at least 10 characters, not a common or guessable one.')).toBeVisible();
  await expect(planner.page.getByLabel('New password')).toBeFocused();
  await planner.page.getByLabel('New password').fill('river-walk-planner-42');
  await planner.page.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(planner.page.getByText('Welcome, Pat Planner: you are signed in.')).toBeFocused();

  // the admin creates the consultation with the demo boundaries, checked in the browser first
  const create = page.getByRole('region', { name: 'New consultation' });
  await create.getByLabel('Title', { exact: true }).fill(title);
  await expect(create.getByLabel('Address (slug)')).toHaveValue(slug);
  await create.getByLabel('Summary (one paragraph)').fill('Where the new paths, benches and play space should go.');
  await create.getByLabel('Boundaries (GeoJSON)').setInputFiles({ name: 'demo-areas.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(demoAreas) });
  await expect(create.getByRole('status').filter({ hasText: 'Areas checked in demo-areas.geojson' })).toBeVisible();
  await create.getByRole('checkbox', { name: 'Heritage & culture' }).uncheck();
  await create.getByRole('button', { name: 'Create consultation' }).click();
  const manage = page.getByRole('region', { name: `Manage “${title}”` });
  await expect(manage.getByRole('heading', { name: `Manage “${title}”` })).toBeFocused();
  await expect(manage).toContainText('Draft');
  await manage.getByLabel('Person').selectOption({ label: `Pat Planner (${plannerEmail})` });
  await manage.getByLabel('Role').selectOption('planner');
  await manage.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(manage.getByText(`Pat Planner (${plannerEmail}): Planner`)).toBeVisible();
  await manage.getByRole('button', { name: 'Open it' }).click();
  await expect(manage.locator('.status-badge')).toHaveText('Status: Open');
  await page.screenshot({ path: `${SHOTS}/staff-manage-${testInfo.project.name}.png`, fullPage: true });
  const created = (await (await page.request.get(`/api/consultations/${slug}`)).json()) as { status: string };
  expect(created.status).toBe('open');

  // a resident pins in it
  const residentContext = await openContext(browser, baseURL!, testInfo, guards);
  const resident = new ResidentMapPage(residentContext.page, { touch: testInfo.project.use.hasTouch === true });
  await resident.goto(`/c/${slug}`);
  await expect(residentContext.page.getByText(title)).toBeVisible();
  const pin = { kind: 'priority' as const, theme: 'Play & youth', title: uniqueTitle(testInfo, 'Riverside swings'), area: 'Upper Heath' };
  await resident.addPinByPointer(pin);
  await expect
    .poll(async () => ((await (await residentContext.page.request.get(`/api/consultations/${slug}/pins`)).json()) as { features: { properties: { title: string } }[] }).features.map((f) => f.properties.title))
    .toEqual([pin.title]);

  // the planner closes it from the console, after a confirmation
  await planner.page.getByRole('link', { name: 'Go to the staff console' }).click();
  const row = planner.page.getByRole('listitem').filter({ hasText: title });
  await row.getByRole('button', { name: `Manage “${title}”` }).click();
  const plannerManage = planner.page.getByRole('region', { name: `Manage “${title}”` });
  await plannerManage.getByRole('button', { name: 'Close it' }).click();
  await expect(plannerManage.getByText(`Close “${title}”? Residents will no longer be able to add, edit or support pins.`)).toBeVisible();
  await plannerManage.getByRole('button', { name: 'Yes, close it' }).click();
  await expect(plannerManage.locator('.status-badge')).toHaveText('Status: Closed');

  // the resident sees it closed and cannot add; the server refuses a write all the same
  await residentContext.page.reload();
  await expect(residentContext.page.getByText(/^This consultation closed on .+; you can still read what people said\.$/)).toBeVisible();
  await expect(residentContext.page.getByRole('button', { name: 'Add a pin', exact: true })).toHaveCount(0);
  await expect(resident.marker(pin)).toBeAttached();
  await residentContext.page.screenshot({ path: `${SHOTS}/closed-created-${testInfo.project.name}.png` });
  const refused = await residentContext.page.request.post(`/api/consultations/${slug}/pins`, {
    headers: { 'x-device-token': 'device-e2e-closed-0123456789' },
    data: { type: 'Feature', geometry: { type: 'Point', coordinates: [-0.18, 53.305] }, properties: { kind: 'asset', theme: 'green-space', title: 'Too late' } },
  });
  expect(refused.status()).toBe(409);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('consultation-closed');

  // its template carries the design, not what residents said
  const templateText = await downloadedText(planner.page, () => plannerManage.getByRole('button', { name: 'Download its template' }).click());
  const template = JSON.parse(templateText) as { format: string; areas: { features: unknown[] }; themes: { id: string }[]; pins?: unknown };
  expect(template.format).toBe('coplan-consultation-template');
  expect(templateText).not.toContain(pin.title);
  const themes = ((await (await page.request.get(`/api/consultations/${slug}/themes`)).json()) as { id: string }[]).map((t) => t.id);
  expect(themes).not.toContain('heritage-culture');
  const areaIds = ((await (await page.request.get(`/api/consultations/${slug}/areas`)).json()) as { features: { id: string }[] }).features.map((f) => f.id);

  // a second server takes the template as a new draft with the same areas and themes and no pins
  const dataDir = path.join(repoRoot, 'test/output/e2e-data', `second-${run}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const second = await startServer(dataDir);
  try {
    const other = await openContext(browser, second.url, testInfo, guards);
    await signInAtConsole(other.page, E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD);
    const fromTemplate = other.page.getByRole('region', { name: 'Or create from a template file' });
    await fromTemplate.getByLabel('Template file (JSON)').setInputFiles({ name: 'wrong.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...template, format: 'something-else' })) });
    await fromTemplate.getByLabel('Address (slug) for the new consultation').fill(`copy-${run}`);
    await fromTemplate.getByRole('button', { name: 'Create from template' }).click();
    const refusal = fromTemplate.getByRole('alert');
    await expect(refusal).toContainText('The server refused the template:');
    await expect(refusal).toContainText('template.format');
    await fromTemplate.getByLabel('Template file (JSON)').setInputFiles({ name: 'template.json', mimeType: 'application/json', buffer: Buffer.from(templateText) });
    await fromTemplate.getByRole('button', { name: 'Create from template' }).click();
    await expect(other.page.getByRole('heading', { name: `Manage “${title}”` })).toBeFocused();
    const copy = (await (await other.page.request.get(`/api/consultations/copy-${run}`)).json()) as { status: string; counts: { pins: number } };
    expect(copy).toMatchObject({ status: 'draft', counts: { pins: 0 } });
    const copiedAreas = ((await (await other.page.request.get(`/api/consultations/copy-${run}/areas`)).json()) as { features: { id: string }[] }).features.map((f) => f.id);
    const copiedThemes = ((await (await other.page.request.get(`/api/consultations/copy-${run}/themes`)).json()) as { id: string }[]).map((t) => t.id);
    expect(copiedAreas).toEqual(areaIds);
    expect(copiedThemes).toEqual(themes);
    const copiedPins = (await (await other.page.request.get(`/api/consultations/copy-${run}/pins`)).json()) as { features: unknown[] };
    expect(copiedPins.features).toEqual([]);
    // the public does not see the draft
    const anonymous = await openContext(browser, second.url, testInfo, guards);
    expect((await anonymous.page.request.get(`/api/consultations/copy-${run}`)).status()).toBe(404);
  } finally {
    second.child.kill('SIGTERM');
    await new Promise((resolve) => (second.child.exitCode !== null ? resolve(null) : second.child.once('exit', resolve)));
    rmSync(dataDir, { recursive: true, force: true });
  }
  expect(guards.pageErrors, describeGuards(guards)).toEqual([]);
  // the browser logs the two refusals this test asks for (the weak password, the template of the wrong format); nothing else
  const expected = [/status of 400 .*\/api\/invitations\//, /status of 400 .*\/api\/consultations\)$/];
  expect(guards.consoleErrors.filter((e) => !expected.some((pattern) => pattern.test(e))), describeGuards(guards)).toEqual([]);
  expect(guards.consoleErrors).toHaveLength(2);
});
