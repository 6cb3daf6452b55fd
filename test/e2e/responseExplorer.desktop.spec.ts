// the planner's response explorer and staff pages against the real server: filters and a filtered export (its rows and
// its stated filters), a pin picked in the table ↔ on the map, moderation with a preset reason, the resident map
// without staff controls, and axe in English and Urdu.
import AxeBuilder from '@axe-core/playwright';
import type { Download, Page, TestInfo } from '@playwright/test';
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD, expect, test } from './support/appServer.ts';
import { csvRecords } from './support/pinData.ts';
import { openConsultationPath, ResidentMapPage } from './support/residentMapPage.ts';

const SHOTS = 'test/output/screenshots';
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface RowWire {
  id: string;
  title: string;
  kind: string;
  theme: string;
  area: string;
  areaName: string | null;
}

async function plannerPath(page: Page, query = ''): Promise<string> {
  return (await openConsultationPath(page)).replace(/\/?$/, '/planner') + query;
}

async function openSignedIn(page: Page, query = ''): Promise<void> {
  // tiles are off on the test server; anything that still goes out is refused rather than sent
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  await page.goto(await plannerPath(page, query));
  const staff = page.locator('.staff-panel');
  await staff.getByLabel(/^(E-mail|ای میل)/).fill(E2E_ADMIN_EMAIL);
  await staff.locator('input[type="password"]').fill(E2E_ADMIN_PASSWORD);
  await staff.locator('button[type="submit"]').click();
  await expect(page.locator('.explorer-table tbody tr').first()).toBeVisible({ timeout: 30_000 });
}

const explorer = (page: Page) => page.locator('section.response-explorer');
const caption = (page: Page) => explorer(page).locator('.explorer-caption');

async function text(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
}

async function apiRows(page: Page, search: string): Promise<{ total: number; rows: RowWire[] }> {
  const base = (await openConsultationPath(page)).replace(/^\/c\//, '/api/consultations/');
  const res = await page.request.get(`${base}/responses?${search}`);
  expect(res.ok(), `GET …/responses?${search}`).toBe(true);
  return (await res.json()) as { total: number; rows: RowWire[] };
}

test('filters the responses and exports exactly the filtered ones, with the filters stated', async ({ page }, testInfo) => {
  await openSignedIn(page);
  const all = await apiRows(page, 'limit=500');
  await expect(caption(page)).toContainText(`of ${all.total} (no filters)`);

  // the most common theme among priorities, so the filter keeps several rows and drops others
  const priorities = all.rows.filter((r) => r.kind === 'priority');
  const counts = new Map<string, number>();
  for (const r of priorities) counts.set(r.theme, (counts.get(r.theme) ?? 0) + 1);
  const theme = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const expected = priorities.filter((r) => r.theme === theme);
  expect(expected.length).toBeGreaterThan(0);
  expect(expected.length).toBeLessThan(all.total);

  const filters = explorer(page).getByRole('search', { name: 'Filter responses' });
  await filters.getByLabel('Kind').selectOption('priority');
  await filters.getByLabel('Theme').selectOption(theme);
  const themeLabel = (await filters.getByLabel('Theme').locator('option:checked').textContent())!.trim();
  await expect(caption(page)).toContainText(`of ${expected.length} (themes ${themeLabel}; kind: Something to change)`);
  await expect(explorer(page).locator('.explorer-table tbody tr')).toHaveCount(expected.length);
  await page.screenshot({ path: `${SHOTS}/explorer-${testInfo.project.name}-filtered.png` });

  // the CSV holds exactly those rows (every page, not one), the GeoJSON states the filters it was made with
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), explorer(page).getByRole('button', { name: 'CSV (spreadsheet)' }).click()]);
  expect(csvDownload.suggestedFilename()).toMatch(/^coplan-[a-z0-9-]+-responses-raw-\d{4}-\d{2}-\d{2}\.csv$/);
  const records = csvRecords(await text(csvDownload));
  expect(records.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
  expect(records.every((r) => r.kind === 'priority' && r.theme === theme)).toBe(true);

  const [geoDownload] = await Promise.all([page.waitForEvent('download'), explorer(page).getByRole('button', { name: 'GeoJSON (GIS)' }).click()]);
  const collection = JSON.parse(await text(geoDownload)) as { features: { id: string }[]; coplan: { pins: number; filters: Record<string, unknown>; caption: string; layer: string } };
  expect(collection.features.map((f) => f.id).sort()).toEqual(expected.map((r) => r.id).sort());
  expect(collection.coplan).toMatchObject({ layer: 'responses', pins: expected.length, filters: { kind: 'priority', themes: [theme], area: null, text: null } });
  expect(collection.coplan.caption).toContain(`Filters: kind priority; themes ${theme}`);
  await expect(explorer(page).getByTestId('explorer-export-caption')).toContainText(`all ${expected.length} responses that match (themes ${themeLabel}; kind: Something to change)`);

  // words: every row shown has them in its title, note, theme or area
  const word = expected[0]!.title.split(/\s+/).find((w) => w.length > 3) ?? expected[0]!.title;
  await filters.getByLabel('Kind').selectOption('');
  await filters.getByLabel('Theme').selectOption('');
  await filters.getByLabel('Words').fill(word);
  await expect(caption(page)).toContainText(`words “${word}”`);
  const found = await apiRows(page, `q=${encodeURIComponent(word)}`);
  await expect(explorer(page).locator('.explorer-table tbody tr')).toHaveCount(found.total);
  expect(found.total).toBeGreaterThan(0);

  // sorting by a header says so in aria-sort
  const title = explorer(page).getByRole('columnheader', { name: 'Title' });
  await title.getByRole('button').click();
  await expect(title).toHaveAttribute('aria-sort', 'ascending');
  await title.getByRole('button').click();
  await expect(title).toHaveAttribute('aria-sort', 'descending');
});

test('an area chosen on the dashboard filters the table, and a pin picked in the table or on the map shows in both', async ({ page }, testInfo) => {
  await openSignedIn(page);
  const areaButton = page.locator('.planner-dashboard-column tbody th button').first();
  const areaName = (await areaButton.textContent())!.trim();
  await areaButton.click();
  await expect(explorer(page).getByRole('search').getByLabel('Area')).toHaveValue(/\d+/);
  await expect(caption(page)).toContainText(`area ${areaName}`);
  const areaCells = explorer(page).locator('.explorer-table tbody tr td:nth-of-type(4)');
  await expect(areaCells.first()).toBeVisible();
  for (const cell of await areaCells.allTextContents()) expect(cell).toBe(areaName);
  // and back: "All areas" in the explorer clears the map's selection
  await explorer(page).getByRole('search').getByLabel('Area').selectOption('');
  await expect(caption(page)).toContainText('(no filters)');

  // map → table: clicking a pin's dot on the map (at the fitted zoom) selects its row
  await page.locator('.planner-map').scrollIntoViewIfNeeded();
  const dots = page.locator('.leaflet-explorer-pins-pane path.leaflet-interactive').locator('visible=true');
  await expect(dots.first()).toBeVisible();
  await dots.first().click({ force: true });
  const pressed = explorer(page).locator('.explorer-table tbody th button[aria-pressed="true"]');
  await expect(pressed).toHaveCount(1);
  const fromMap = (await pressed.textContent())!.trim();

  // table → map: another pin is ringed on the map and the map flies to it
  const otherId = await explorer(page).locator('.explorer-table tbody tr').filter({ hasNot: page.locator('th button[aria-pressed="true"]') }).first().getAttribute('data-pin-id');
  const other = explorer(page).locator(`tr[data-pin-id="${otherId}"]`);
  const title = (await other.locator('th button').textContent())!.trim();
  expect(title).not.toBe(fromMap);
  await other.locator('th button').click();
  await expect(other.locator('th button')).toHaveAttribute('aria-pressed', 'true');
  await expect(pressed).toHaveCount(1);
  const ring = page.locator('.planner-map .explorer-selected-pin');
  await expect(ring).toHaveAttribute('title', `Selected: ${title}`);
  await page.locator('.planner-map').scrollIntoViewIfNeeded();
  await expect
    .poll(async () => {
      const [box, map] = [await ring.boundingBox(), await page.locator('.planner-map').boundingBox()];
      return box !== null && map !== null && box.x > map.x && box.x < map.x + map.width && box.y > map.y && box.y < map.y + map.height;
    }, { message: 'the selected pin is inside the map view' })
    .toBe(true);
  await page.screenshot({ path: `${SHOTS}/explorer-${testInfo.project.name}-selected.png` });
});

test('a planner hides a pin with a preset reason, finds it among hidden pins in the audit log, and restores it', async ({ page }, testInfo) => {
  await openSignedIn(page);
  const first = explorer(page).locator('.explorer-table tbody tr').first();
  const id = (await first.getAttribute('data-pin-id'))!;
  const title = (await first.locator('th button').textContent())!.trim();
  const before = (await apiRows(page, '')).total;

  await first.getByRole('button', { name: `Hide “${title}”` }).click();
  const form = first.getByRole('form', { name: `Hide “${title}”` });
  await form.getByRole('button', { name: 'Hide pin' }).click();
  await expect(form.getByRole('alert')).toHaveText('Choose a reason.');
  await form.getByLabel('Why hide it? (kept in the audit log)').selectOption({ label: 'Duplicate of another pin' });
  await page.screenshot({ path: `${SHOTS}/explorer-${testInfo.project.name}-moderation.png` });
  await form.getByRole('button', { name: 'Hide pin' }).click();
  await expect(explorer(page).locator(`tr[data-pin-id="${id}"]`)).toHaveCount(0);
  await expect(caption(page)).toContainText(`of ${before - 1} (no filters)`);
  // residents no longer get it
  const base = (await openConsultationPath(page)).replace(/^\/c\//, '/api/consultations/');
  expect((await page.request.get(`${base}/pins/${id}`, { headers: { cookie: '' } })).status()).toBe(404);

  await page.getByRole('button', { name: 'Show the audit log' }).click();
  await expect(page.locator('.audit-log li').first()).toContainText('hid a pin — Duplicate of another pin');

  await explorer(page).getByLabel('Moderation').selectOption('hidden');
  const hidden = explorer(page).locator(`tr[data-pin-id="${id}"]`);
  await expect(hidden).toContainText('Hidden because: Duplicate of another pin');
  await hidden.getByRole('button', { name: `Restore “${title}”` }).click();
  await hidden.getByLabel('Why restore it? (kept in the audit log)').selectOption('other');
  await hidden.getByLabel('The reason, in your words').fill('Checked with the author');
  await hidden.getByRole('button', { name: 'Restore pin' }).click();
  await expect(hidden).toHaveCount(0);
  expect((await page.request.get(`${base}/pins/${id}`)).status()).toBe(200);
  await page.getByRole('button', { name: 'Read it again' }).click();
  await expect(page.locator('.audit-log li').first()).toContainText('restored a pin — Checked with the author');
});

test('the resident map has no staff controls, only a small staff sign-in link to the planner view', async ({ page }, testInfo) => {
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  await page.goto(await openConsultationPath(page));
  await expect(page.getByRole('button', { name: 'Add a pin', exact: true })).toBeVisible();
  const link = page.getByRole('link', { name: 'Staff sign-in' });
  await expect(link).toHaveAttribute('href', /\/c\/[a-z0-9-]+\/planner#staff-heading$/);
  await expect(page.getByRole('button', { name: 'Data', exact: true })).toHaveCount(0);
  await expect(page.getByLabel('Password')).toHaveCount(0);
  await expect(page.getByLabel(/Import/)).toHaveCount(0);
  const resident = new ResidentMapPage(page, { touch: false });
  await resident.showView('List');
  await expect(resident.listTable.getByRole('row').nth(1)).toBeVisible();
  // no moderation in the list (its rows offer support, and edits of one's own pins only)
  await expect(resident.listTable.getByRole('button', { name: /^Hide/ })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/explorer-${testInfo.project.name}-resident-link.png` });
  // on a phone the list is a sheet over the side panel: back to the map, where the panel (and the link) is
  await resident.showView('Map');
  await link.click();
  await expect(page.getByRole('heading', { name: 'Staff', exact: true })).toBeVisible();
});

async function axe(page: Page, testInfo: TestInfo, label: string): Promise<string[]> {
  const all = await new AxeBuilder({ page }).withTags(WCAG_TAGS).disableRules(['target-size']).analyze();
  // as in a11y-views.spec.ts: map markers are exempt from target size (SC 2.5.8 "Essential"), nothing else is
  const targets = await new AxeBuilder({ page }).withRules(['target-size']).exclude('.leaflet-marker-pane').analyze();
  const violations = [...all.violations, ...targets.violations];
  console.log(`axe [${testInfo.project.name}] ${label}: ${violations.length} violations`);
  return violations.map((v) => `${label}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(', ')}`);
}

for (const lang of ['en', 'ur'] as const) {
  test(`no axe violations on the response explorer and staff pages in ${lang}`, async ({ page }, testInfo) => {
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    await page.goto(await plannerPath(page, `?lang=${lang}`));
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.locator('.explorer-signin')).toBeVisible({ timeout: 30_000 });
    const signedOut = await axe(page, testInfo, `${lang} explorer signed out`);
    await openSignedIn(page, `?lang=${lang}`);
    const first = explorer(page).locator('.explorer-table tbody tr').first();
    await first.locator('th button').click();
    await first.locator('td:last-child button').click();
    await first.locator('select').selectOption('other');
    const signedIn = await axe(page, testInfo, `${lang} explorer signed in, a pin selected, its moderation open`);
    await explorer(page).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/explorer-${lang}-${testInfo.project.name}-axe.png`, fullPage: true });
    expect([...signedOut, ...signedIn]).toEqual([]);
  });
}
