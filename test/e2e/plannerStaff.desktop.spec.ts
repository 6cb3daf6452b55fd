// run by the desktop project only (playwright.config.ts: *.desktop.spec.ts): the planner view is a desktop tool.
// The planner view's staff tools: signing in turns the public (protected) figures into the raw ones at once; replacing
// the consultation's boundaries: a broken file is refused naming its problem, a good one is previewed (names and outline)
// and changes nothing until confirmed, a file that would leave pins outside every area is refused by the server, and a
// confirmed one reaches the server and a resident's map.
import type { Page } from '@playwright/test';
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD, expect, test } from './support/appServer.ts';
import { openConsultationPath } from './support/residentMapPage.ts';

const SHOTS = 'test/output/screenshots';

interface AreaFeature {
  type: 'Feature';
  properties: { id: string; name: string; [key: string]: unknown };
  geometry: unknown;
}
interface Areas {
  type: 'FeatureCollection';
  features: AreaFeature[];
}

async function apiBase(page: Page): Promise<string> {
  return (await openConsultationPath(page)).replace(/^\/c\//, '/api/consultations/');
}

async function serverAreas(page: Page): Promise<Areas> {
  const res = await page.request.get(`${await apiBase(page)}/areas`);
  expect(res.ok(), 'GET …/areas').toBe(true);
  return (await res.json()) as Areas;
}

async function openPlanner(page: Page): Promise<void> {
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  await page.goto((await openConsultationPath(page)).replace(/\/?$/, '/planner'));
}

async function signIn(page: Page): Promise<void> {
  const staff = page.locator('.staff-panel');
  await staff.getByLabel('E-mail', { exact: true }).fill(E2E_ADMIN_EMAIL);
  await staff.getByLabel('Password', { exact: true }).fill(E2E_ADMIN_PASSWORD);
  await staff.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(boundaries(page).getByLabel('Boundaries file (GeoJSON)')).toBeVisible({ timeout: 30_000 });
}

async function openSignedIn(page: Page): Promise<void> {
  await openPlanner(page);
  await signIn(page);
}

const figure = (page: Page, key: 'total' | 'priority' | 'asset') => page.locator(`.planner-dashboard dd[data-figure="${key}"]`);

test('signing in turns the public figures into the raw ones without a reload, and signing out turns them back', async ({ page }) => {
  await openPlanner(page);
  // the demo town has a few pins per area: the public sees its counts hidden
  await expect(page.getByTestId('counts-audience')).toContainText('These are the figures the public sees');
  await expect(figure(page, 'total')).toHaveText('hidden');
  await expect(page.locator('.planner-legend-keys')).toContainText('Fewer than 5 pins');
  await signIn(page);
  const summary = await page.request.get(`${await apiBase(page)}/pins`);
  expect(summary.ok()).toBe(true);
  const pins = ((await summary.json()) as { features: unknown[] }).features.length;
  expect(pins, 'the demo town has pins').toBeGreaterThan(0);
  await expect(page.getByTestId('counts-audience')).toContainText('You are signed in as staff of this consultation');
  await expect(figure(page, 'total')).toHaveText(String(pins));
  // raw counts hide nothing, so the legend no longer explains hatching
  await expect(page.locator('.planner-legend-keys')).not.toContainText('Fewer than');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(figure(page, 'total')).toHaveText('hidden');
});

// the innermost section under the heading (the staff panel around it is a planner section too)
const boundaries = (page: Page) => page.locator('section.planner-section').filter({ has: page.getByRole('heading', { name: 'Replace boundaries' }) }).last();

async function choose(page: Page, name: string, content: string): Promise<void> {
  await boundaries(page).getByLabel('Boundaries file (GeoJSON)').setInputFiles({ name, mimeType: 'application/geo+json', buffer: Buffer.from(content, 'utf8') });
}

test('a broken file is refused naming its problem, and a file leaving pins outside is refused by the server: nothing changes', async ({ page }) => {
  await openSignedIn(page);
  const before = await serverAreas(page);
  expect(before.features.length, 'the demo consultation has areas to replace').toBeGreaterThan(1);

  // an open ring: the reader refuses it before anything is sent
  const open = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'Open' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] } }] };
  await choose(page, 'open-ring.geojson', JSON.stringify(open));
  const refused = boundaries(page).getByRole('alert');
  await expect(refused).toContainText('open-ring.geojson cannot be used:');
  await expect(refused.locator('li').first()).toBeVisible();
  await expect(boundaries(page).getByRole('button', { name: /^Replace with these/ })).toHaveCount(0);

  // one tiny square far from Millbrook: a valid file, previewed, but confirming it would leave every pin outside
  const far = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'far', name: 'Far away' }, geometry: { type: 'Polygon', coordinates: [[[10, 10], [10.01, 10], [10.01, 10.01], [10, 10.01], [10, 10]]] } }] };
  await choose(page, 'far.geojson', JSON.stringify(far));
  await expect(boundaries(page).getByText('far.geojson: 1 areas')).toBeVisible();
  await boundaries(page).getByRole('button', { name: 'Replace with these 1 areas' }).click();
  await expect(boundaries(page).getByRole('alert')).toContainText('The boundaries were not replaced');
  expect(await serverAreas(page), 'the server kept its boundaries').toEqual(before);
});

test('a good file is previewed with names and outline, cancel keeps the old ones, confirm replaces them for residents too', async ({ page, browser, baseURL }) => {
  await openSignedIn(page);
  const before = await serverAreas(page);
  // the same shapes under new names, so every pin still falls inside one of them
  const renamed: Areas = { ...before, features: before.features.map((f) => ({ ...f, properties: { ...f.properties, name: `${f.properties.name} Ward` } })) };
  const names = renamed.features.map((f) => f.properties.name);

  await choose(page, 'wards.geojson', JSON.stringify(renamed));
  const preview = boundaries(page).getByRole('group', { name: `wards.geojson: ${names.length} areas` });
  await expect(preview).toBeVisible();
  await expect(preview.locator('.boundary-preview__names li')).toHaveText(names);
  await expect(preview.getByRole('img', { name: 'Outline of the areas in wards.geojson' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/boundary-import-preview.png` });

  await preview.getByRole('button', { name: 'Cancel' }).click();
  await expect(preview).toHaveCount(0);
  expect(await serverAreas(page), 'cancel sends nothing').toEqual(before);

  await choose(page, 'wards.geojson', JSON.stringify(renamed));
  await boundaries(page).getByRole('button', { name: `Replace with these ${names.length} areas` }).click();
  await expect(boundaries(page).getByRole('status').filter({ hasText: 'Boundaries replaced' })).toContainText(`Boundaries replaced: ${names.length} areas`);
  expect((await serverAreas(page)).features.map((f) => f.properties.name)).toEqual(names);

  // a resident opening the consultation now sees the new names on the map
  const resident = await browser.newPage({ baseURL });
  await resident.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  await resident.goto(await openConsultationPath(page));
  await expect(resident.locator('.area-label').filter({ hasText: names[0]! }).first()).toBeAttached({ timeout: 20_000 });
  await resident.close();
});

interface ThemeWire {
  id: string;
  label: string;
  colour: string;
  icon: string;
  [key: string]: unknown;
}

test('themes from a file: one that drops a theme in use is refused by the server, one that adds a theme replaces them', async ({ page }) => {
  await openSignedIn(page);
  const base = await apiBase(page);
  const before = (await (await page.request.get(`${base}/themes`)).json()) as ThemeWire[];
  const inUse = new Set(((await (await page.request.get(`${base}/pins`)).json()) as { features: { properties: { theme: string } }[] }).features.map((f) => f.properties.theme));
  const dropped = before.find((theme) => inUse.has(theme.id));
  expect(dropped, 'the demo town has a theme its pins use').toBeDefined();
  const themes = page.locator('section.planner-section').filter({ has: page.getByRole('heading', { name: 'Replace themes' }) }).last();
  const choose = (name: string, list: unknown) => themes.getByLabel('Themes file (JSON, like data/themes.json)').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(list), 'utf8') });

  const without = before.filter((theme) => theme.id !== dropped!.id);
  await choose('fewer.json', without);
  await themes.getByRole('button', { name: `Replace with these ${without.length} themes` }).click();
  await expect(themes.getByRole('alert')).toContainText('The themes were not replaced');
  expect((await (await page.request.get(`${base}/themes`)).json()) as ThemeWire[], 'the server kept its themes').toEqual(before);

  // text in a theme's label is text: it shows as typed, never as markup
  const added = { id: 'allotments', label: '<img src=x onerror=alert(1)> Allotments', colour: '#2a7f3f', icon: 'tree', labels: { cy: 'Rhandiroedd' } };
  await choose('more.json', [...before, added]);
  const preview = themes.getByRole('group', { name: `more.json: ${before.length + 1} themes` });
  await expect(preview.locator('.theme-preview li')).toHaveCount(before.length + 1);
  await expect(preview.locator('.theme-preview li').last()).toContainText('<img src=x onerror=alert(1)> Allotments');
  await expect(preview.locator('.theme-preview li').last()).toContainText('labels in 2 languages');
  await expect(preview.locator('img')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/theme-import-preview.png` });
  await themes.getByRole('button', { name: `Replace with these ${before.length + 1} themes` }).click();
  await expect(themes.getByRole('status').filter({ hasText: 'Themes replaced' })).toContainText(`Themes replaced: ${before.length + 1} themes.`);
  const after = (await (await page.request.get(`${base}/themes`)).json()) as ThemeWire[];
  expect(after.map((theme) => theme.id)).toEqual([...before.map((theme) => theme.id), 'allotments']);
});
