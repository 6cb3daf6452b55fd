// run by the desktop project only: the council's context layers on the touch table, switched on from the
// facilitator's panel, drawn on the table map with their key; and the resident switcher in right-to-left Urdu.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD } from './support/appServer.ts';
import { openConsultationPath } from './support/residentMapPage.ts';
import { expect, test } from './support/residentTest.ts';
import { longPress, touchSession } from './support/touch.ts';

const SHOTS = 'test/output/layers';
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const CONSERVATION = JSON.stringify({
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: { NAME: 'Old Town conservation area', TYPE: 'Conservation' }, geometry: { type: 'Polygon', coordinates: [[[-0.18, 53.278], [-0.17, 53.278], [-0.17, 53.284], [-0.18, 53.284], [-0.18, 53.278]]] } }],
});

async function uploadLayers(page: Page, slug: string): Promise<void> {
  const signIn = await page.request.post('/api/session', { data: { email: E2E_ADMIN_EMAIL, password: E2E_ADMIN_PASSWORD } });
  expect(signIn.ok()).toBe(true);
  const reference = await page.request.post(`/api/consultations/${slug}/layers`, { data: { name: 'Conservation areas', kind: 'reference', format: 'geojson', data: CONSERVATION, mapping: { name: 'NAME', category: 'TYPE' } } });
  expect(reference.status()).toBe(201);
  const assets = await page.request.post(`/api/consultations/${slug}/layers`, { data: { name: 'Council assets', kind: 'assets', format: 'csv', data: 'name,category,lon,lat\nMarket Hall,Hall,-0.175259,53.281209\n' } });
  expect(assets.status()).toBe(201);
}

test('the touch table shows the council\'s layers when the facilitator switches them on', async ({ page }) => {
  test.slow();
  await page.setViewportSize({ width: 1920, height: 1080 });
  const path = await openConsultationPath(page);
  await uploadLayers(page, decodeURIComponent(path.split('/')[2]!));
  await page.goto(`${path}/table?idle=600`);
  await expect(page.locator('.table-map')).toBeVisible();
  // the table starts with its own map: the council's layers wait for the facilitator
  await expect(page.locator('.table-map .leaflet-context-layers-pane path')).toHaveCount(0);
  const cdp = await touchSession(page);
  await longPress(cdp, { x: 40, y: 1040 });
  const panel = page.getByRole('dialog', { name: 'Facilitator' });
  await panel.getByRole('checkbox', { name: 'Conservation areas (reference, 1 features)' }).check();
  await panel.getByRole('checkbox', { name: 'Council assets (existing assets, 1 features)' }).check();
  await expect(panel.getByText('Key: Conservation areas')).toBeVisible();
  // the table's touch targets hold for the layer choices too
  expect((await panel.getByRole('checkbox', { name: /Council assets/ }).locator('xpath=..').boundingBox())?.height).toBeGreaterThanOrEqual(56);
  await expect(page.locator('.table-map .leaflet-context-layers-pane path')).toHaveCount(2);
  await page.screenshot({ path: `${SHOTS}/table-layers-panel-1920.png` });
  await panel.getByRole('button', { name: 'Close panel' }).click();
  await expect(panel).toBeHidden();
  await expect(page.locator('.table-map .leaflet-context-layers-pane path')).toHaveCount(2);
  await page.screenshot({ path: `${SHOTS}/table-layers-1920.png` });
});

test('the resident switcher reads right to left in Urdu and passes axe, names kept as text', async ({ page }) => {
  const path = await openConsultationPath(page);
  await uploadLayers(page, decodeURIComponent(path.split('/')[2]!));
  await page.goto(`${path}?lang=ur`);
  const switcher = page.locator('details.layer-switcher');
  await expect(switcher.locator('summary')).toHaveText('تہیں (1 آن)');
  await switcher.getByRole('checkbox', { name: /Conservation areas/ }).check();
  await expect(switcher.getByText('کلید: Conservation areas')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
  await page.screenshot({ path: `${SHOTS}/resident-layers-ur-1280.png` });
  const result = await new AxeBuilder({ page }).include('.layer-switcher').withTags(WCAG_TAGS).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.getByRole('tab', { name: /فہرست|List/ }).click();
  const list = await new AxeBuilder({ page }).include('.list-panel').withTags(WCAG_TAGS).analyze();
  expect(list.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
