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
