// run by the desktop project only (the planner view is a desktop tool; the phone screenshot sets its own size).
// context layers in Chromium against the real server, every other origin refused: a planner uploads an asset register,
// residents see it with its key on the map and in the list, one confirms an asset, and the planner's count includes it.
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD } from './support/appServer.ts';
import { openConsultationPath } from './support/residentMapPage.ts';
import { expect, test } from './support/residentTest.ts';

const SHOTS = 'test/output/layers';
mkdirSync(SHOTS, { recursive: true });

// two assets inside Millbrook's areas; the name carries markup that must stay text
const XSS = '<img src=x onerror=alert(1)>';
const ASSETS_CSV = `Site Name;Asset Type;Lat;Lon\nMillbrook Library ${XSS};Library;53,279569;-0,163239\nMarket Hall;Hall;53,281209;-0,175259\n`;

async function signInAsAdmin(page: Page): Promise<void> {
  const signIn = await page.request.post('/api/session', { data: { email: E2E_ADMIN_EMAIL, password: E2E_ADMIN_PASSWORD } });
  expect(signIn.ok()).toBe(true);
}

async function uploadAssets(page: Page, slug: string): Promise<string> {
  const res = await page.request.post(`/api/consultations/${slug}/layers`, {
    data: { name: 'Council assets', kind: 'assets', format: 'csv', data: ASSETS_CSV, mapping: { name: 'Site Name', category: 'Asset Type', themeByCategory: { Library: 'heritage-culture' } } },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

test('a resident sees an assets layer with its key on the map and in the list, and confirms an asset', async ({ page, openFreshResident }) => {
  const path = await openConsultationPath(page);
  const slug = decodeURIComponent(path.split('/')[2]!);
  const planner = (await openFreshResident()).page;
  await signInAsAdmin(planner);
  const layerId = await uploadAssets(planner, slug);

  const resident = (await openFreshResident()).page;
  await resident.reload();
  const switcher = resident.locator('details.layer-switcher');
  await expect(switcher.locator('summary')).toHaveText('Layers (1 on)');
  await expect(switcher.getByRole('checkbox', { name: 'Council assets (existing assets, 2 features)' })).toBeChecked();
  await expect(switcher.getByText('Key: Council assets')).toBeVisible();
  await expect(switcher.getByText('Library · Heritage & culture (1)')).toBeVisible();
  await expect(resident.locator('.leaflet-context-layers-pane path')).toHaveCount(2);
  await resident.screenshot({ path: `${SHOTS}/resident-layer-1280.png` });
  // on a phone the switcher starts closed over the full-screen map, and opens from its summary
  await resident.setViewportSize({ width: 390, height: 844 });
  await resident.reload();
  await expect(switcher).not.toHaveAttribute('open');
  await switcher.locator('summary').click();
  await expect(switcher.getByText('Key: Council assets')).toBeVisible();
  await expect(resident.locator('.leaflet-context-layers-pane path')).toHaveCount(2);
  await resident.screenshot({ path: `${SHOTS}/resident-layer-390.png` });
  await resident.setViewportSize({ width: 1280, height: 800 });
  await resident.reload();
  await expect(switcher).toHaveAttribute('open');

  // tapping the asset on the map opens its card; its name is text, the markup never runs
  await resident.locator('.leaflet-context-layers-pane path').first().click({ force: true });
  const card = resident.locator('.focused-asset');
  await expect(card.getByRole('heading', { name: `Millbrook Library ${XSS}` })).toBeVisible();
  await card.getByRole('button', { name: 'I value this too' }).click();
  await expect(card.getByRole('button', { name: 'I value this too' })).toHaveAttribute('aria-pressed', 'true');
  await expect(card.getByRole('status')).toHaveText('Thank you: your answer is saved.');
  // one answer is below the consultation's small-count threshold: the public sees it hidden
  await expect(card.getByText('<5 hidden value this')).toBeVisible();
  await expect(resident.locator('img[src="x"]')).toHaveCount(0);

  // the list shows the same layer
  await resident.getByRole('tab', { name: 'List' }).click();
  const list = resident.locator('.layer-list');
  await expect(list.getByRole('heading', { name: 'Council assets' })).toBeVisible();
  await expect(list.locator('.layer-list-item')).toHaveCount(2);
  await expect(list.locator('.layer-list-item').first().getByRole('button', { name: 'I value this too' })).toHaveAttribute('aria-pressed', 'true');

  // the planner reads the raw count
  const raw = await planner.request.get(`/api/consultations/${slug}/layers/${layerId}`);
  const body = (await raw.json()) as { features: { properties: { name: string; confirmations: { valued: number } } }[] };
  expect(body.features.find((f) => f.properties.name.startsWith('Millbrook Library'))?.properties.confirmations.valued).toBe(1);
});

test('a planner uploads an asset register through the mapping step; a resident confirms an asset and the planner counts it beside the pins', async ({ page, openFreshResident, guards }) => {
  const path = await openConsultationPath(page);
  await signInAsAdmin(page);
  await page.goto(`${path}/planner`);
  const panel = page.locator('.planner-context-layers');
  await expect(panel.getByText('No context layers yet.', { exact: false })).toBeVisible({ timeout: 30_000 });

  // a file with a row the server refuses: its own problem is shown, naming the row, and nothing is stored
  await panel.getByLabel('File (GeoJSON or CSV)').setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from('Site Name;Asset Type;Lat;Lon\nLibrary;Library;north;-0,16\n') });
  await panel.getByRole('button', { name: 'Upload layer' }).click();
  const refusal = panel.getByRole('alert');
  await expect(refusal).toContainText('The server refused the layer');
  await expect(refusal).toContainText('row 2');
  // the browser logs the refused upload as a failed request: that one, and only it, is expected
  const refused = guards.consoleErrors.findIndex((e) => /status of 400 .*\/layers\)$/.test(e));
  expect(refused).toBeGreaterThanOrEqual(0);
  guards.consoleErrors.splice(refused, 1);

  await panel.getByLabel('File (GeoJSON or CSV)').setInputFiles({ name: 'council-assets.csv', mimeType: 'text/csv', buffer: Buffer.from(ASSETS_CSV) });
  await expect(panel.getByText('Format: CSV')).toBeVisible();
  await expect(panel.getByRole('table', { name: 'Preview: the first 2 of 2 rows' })).toBeVisible();
  await expect(panel.getByRole('cell', { name: `Millbrook Library ${XSS}` })).toBeVisible();
  await panel.getByLabel('Layer name').fill('Council assets');
  await panel.getByLabel('Name', { exact: true }).selectOption('Site Name');
  await panel.getByLabel('Category', { exact: true }).selectOption('Asset Type');
  await panel.getByLabel('Library', { exact: true }).selectOption('heritage-culture');
  await page.screenshot({ path: `${SHOTS}/planner-upload-1280.png`, fullPage: true });
  await panel.getByRole('button', { name: 'Upload layer' }).click();
  await expect(panel.getByText('“Council assets” was uploaded with 2 features.')).toBeVisible();
  await expect(panel.getByRole('checkbox', { name: 'Council assets (existing assets, 2 features)' })).toBeChecked();
  await expect(panel.getByText('Library · Heritage & culture (1)')).toBeVisible();
  await expect(page.locator('.planner-map .leaflet-context-layers-pane path')).toHaveCount(2);
  const confirmationsHeader = page.getByRole('columnheader', { name: 'Asset confirmations' });
  await expect(confirmationsHeader).toBeVisible();

  // a resident confirms the library in the list view (keyboard and screen-reader path)
  const resident = (await openFreshResident()).page;
  await resident.reload();
  await resident.getByRole('tab', { name: 'List' }).click();
  const row = resident.locator('.layer-list-item').filter({ hasText: 'Millbrook Library' });
  await row.getByRole('button', { name: 'I value this too' }).click();
  await expect(row.getByRole('button', { name: 'I value this too' })).toHaveAttribute('aria-pressed', 'true');

  // the planner's area table counts it apart from the pins (raw for staff)
  await page.reload();
  await expect(page.getByRole('columnheader', { name: 'Asset confirmations' })).toBeVisible({ timeout: 30_000 });
  const cells = page.locator('.planner-table td[data-col="confirmations"]');
  await expect(cells.filter({ hasText: /^1 \(missing 0, closed 0\)$/ })).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/planner-layer-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.locator('.planner-map .leaflet-context-layers-pane path')).toHaveCount(2);
  await page.screenshot({ path: `${SHOTS}/planner-layer-390.png` });
});

test('the quiet-areas layer appears on the planner map when the areas carry a population', async ({ page }) => {
  const path = await openConsultationPath(page);
  const slug = decodeURIComponent(path.split('/')[2]!);
  await signInAsAdmin(page);
  // every area gets 1,000 residents but Ashby Green 60,000: its few pins are far below the consultation's rate
  const areas = (await (await page.request.get(`/api/consultations/${slug}/areas`)).json()) as { features: { properties: Record<string, unknown> }[] };
  for (const f of areas.features) f.properties.population = f.properties.id === 'ashby-green' ? 60000 : 1000;
  expect((await page.request.put(`/api/consultations/${slug}/areas`, { data: areas })).ok()).toBe(true);
  expect((await page.request.patch(`/api/consultations/${slug}`, { data: { settings: { populationProperty: 'population' } } })).ok()).toBe(true);

  await page.goto(`${path}/planner`);
  const quiet = page.locator('.quiet-areas');
  await expect(quiet.getByRole('heading', { name: 'Quiet areas' })).toBeVisible({ timeout: 30_000 });
  await expect(quiet.getByRole('checkbox', { name: 'Show quiet areas' })).toBeChecked();
  await expect(page.locator('.planner-legend').getByText("Quiet area: fewer than half the consultation's contributions per 1,000 residents")).toBeVisible();
  await expect(quiet.getByText(/^Consultation: [\d.]+ per 1,000 residents \(population\)$/)).toBeVisible();
  const item = quiet.locator('.quiet-list li').filter({ hasText: 'Ashby Green' });
  // its count is small: the public figure is hidden, so its rate is withheld too, and the text says why
  await expect(item).toContainText('contributions: fewer than 5 — hidden to protect privacy');
  await expect(page.locator('.planner-map .leaflet-quiet-areas-pane path')).toHaveCount(await quiet.locator('.quiet-list li').count());
  await page.screenshot({ path: `${SHOTS}/planner-quiet-1280.png` });
  await quiet.getByRole('checkbox', { name: 'Show quiet areas' }).uncheck();
  await expect(page.locator('.planner-map .leaflet-quiet-areas-pane path')).toHaveCount(0);
  await expect(page.locator('.planner-legend').getByText('Quiet area:', { exact: false })).toHaveCount(0);
});
