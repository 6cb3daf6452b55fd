// the resident page as a phone shows it (issues 14.5 and 17.8–17.11), against the real server: the framing and the
// privacy notice, the map filling the screen with sheets over it, the thank-you after saving, finding a place, the list.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/residentTest.ts';
import { openConsultationPath } from './support/residentMapPage.ts';
import { uniqueTitle } from './support/themes.ts';
import type { TestPin } from './support/themes.ts';

const SHOTS = 'test/output/screenshots';
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** true when the first match is wholly inside the viewport */
async function inViewport(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).first().evaluate((el) => {
    const b = el.getBoundingClientRect();
    return b.height > 0 && b.top >= 0 && b.bottom <= window.innerHeight && b.left >= 0 && b.right <= window.innerWidth;
  });
}

test('framing: the question, who asks, when it closes, three steps, the privacy notice and a map key, all on screen', async ({ resident, page }, testInfo) => {
  const intro = page.locator('section.consultation-intro');
  await expect(intro.getByRole('heading', { level: 2, name: 'Millbrook neighbourhood plan' })).toBeVisible();
  await expect(intro).toContainText("Asked by the council's planning team");
  await expect(intro).toContainText(/Open, with no closing date yet|Closes \d/);
  await expect(intro.getByRole('heading', { name: 'How it works' })).toBeVisible();
  await expect(intro.getByRole('listitem')).toHaveCount(3);
  const privacy = intro.getByRole('link', { name: 'Privacy notice: what is kept and who sees it' });
  // without scrolling or opening anything: the whole framing, the add button and the map key are in the viewport
  for (const selector of ['#consultation-question', '.consultation-intro__steps', '.consultation-intro__links a', '.map-key']) {
    expect(await inViewport(page, selector), `${selector} on screen at ${testInfo.project.name} size`).toBe(true);
  }
  await expect(page.getByRole('button', { name: 'Add a pin', exact: true })).toBeInViewport({ ratio: 1 });
  await expect(page.locator('.map-key')).toContainText('Something to keep');
  await expect(page.locator('.map-key')).toContainText('Something to change');
  await expect(page.getByRole('button', { name: 'Filter pins', exact: true })).toHaveAttribute('aria-expanded', testInfo.project.name === 'phone' ? 'false' : 'true');
  await page.screenshot({ path: `${SHOTS}/framing-${testInfo.project.name}.png` });

  await privacy.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy notice' })).toBeVisible();
  await expect(page).toHaveURL(/\/c\/[^/]+\/privacy$/);
  // no notice written by the planners yet: the default says what is kept, for how long and who sees it
  for (const heading of ['What is kept', 'For how long', 'Who sees it']) await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  await expect(page.getByText('For the consultation “Millbrook neighbourhood plan”')).toBeVisible();
  await page.getByRole('link', { name: 'Back to the map' }).click();
  await resident.waitUntilReady();
});

test('a pin added with the sheets gets a thank-you with "See your pin" and "Add another", the new pin highlighted', async ({ resident, page }, testInfo) => {
  const pin: TestPin = { kind: 'asset', theme: 'Green space', title: uniqueTitle(testInfo, 'Thanked'), note: 'The old orchard', area: 'Mill Lane' };
  await resident.startAdding();
  // while placing, the one draft pin follows the tap; the crosshair card is for keyboard users only
  await expect(page.locator('.crosshair-panel')).toHaveCount(0);
  await resident.placeInArea(pin.area);
  await expect(page.locator('.draft-marker')).toHaveCount(1);
  await resident.fillForm(pin);
  await resident.save();
  const thanks = page.locator('section.thank-you');
  await expect(thanks.getByRole('heading', { name: 'Thank you: your pin is on the map' })).toBeFocused();
  await expect(thanks).toContainText(`“${pin.title}” is saved`);
  await expect(resident.marker(pin)).toHaveClass(/pin-marker--thanked/);
  const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).disableRules(['target-size']).include('section.thank-you').analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/thanks-${testInfo.project.name}.png` });
  await thanks.getByRole('button', { name: 'See your pin', exact: true }).click();
  await expect(resident.popup.getByRole('heading', { name: pin.title, exact: true })).toBeVisible();
  await expect(resident.popup).toContainText('The old orchard');
  await resident.popup.locator('.leaflet-popup-close-button').dispatchEvent('click');
  await thanks.getByRole('button', { name: 'Add another', exact: true }).click();
  await expect(resident.form.getByRole('heading', { name: 'Add a pin' })).toBeVisible();
  await expect(thanks).toHaveCount(0);
  await expect(resident.marker(pin)).not.toHaveClass(/pin-marker--thanked/);
});

test('the search box finds a neighbourhood by name and takes the map there; a name it does not know is said', async ({ resident, page }) => {
  const search = page.getByRole('searchbox', { name: 'Find a place' });
  await search.fill('zzz');
  await expect(page.getByText('No neighbourhood matches “zzz”.')).toBeVisible();
  await search.fill('mill');
  const results = page.getByRole('list', { name: /places? found/ });
  await expect(results.getByRole('button', { name: /^Mill Lane/ })).toBeVisible();
  const spread = () => page.locator('.area-label').evaluateAll((els) => {
    const [a, b] = els.map((l) => l.getBoundingClientRect());
    return a && b ? Math.hypot(a.left - b.left, a.top - b.top) : 0;
  });
  const before = await spread();
  await results.getByRole('button', { name: /^Mill Lane/ }).click();
  // fitted to Mill Lane: zoomed in (labels further apart) with its label inside the map, above any sheet
  await expect.poll(spread).toBeGreaterThan(before * 1.5);
  const label = (await page.locator('.area-label').filter({ hasText: /^Mill Lane$/ }).boundingBox())!;
  const map = (await resident.map.boundingBox())!;
  const sheetTop = (await page.locator('.side-panel').boundingBox())!.y;
  expect(label.x).toBeGreaterThan(map.x);
  expect(label.x + label.width).toBeLessThan(map.x + map.width);
  expect(label.y).toBeGreaterThan(map.y);
  expect(label.y + label.height).toBeLessThan(sheetTop > map.y + 10 && sheetTop < map.y + map.height ? sheetTop : map.y + map.height);
  await expect(search).toHaveValue('Mill Lane');
});

test('"use my location" asks first, moves the map to the shared position, and says so when it is refused', async ({ resident, page, context }) => {
  const locate = page.getByRole('button', { name: 'Use my location', exact: true });
  // refused (no permission given): said plainly, with what to do instead
  await locate.click();
  await expect(page.getByText(/only moves the map on this device/)).toBeVisible();
  await page.getByRole('button', { name: 'Yes, use my location', exact: true }).click();
  await expect(page.getByText('Your location was not shared. You can search for your neighbourhood or move the map instead.')).toBeVisible();
  // shared: the map centres on it
  const slug = new URL(page.url()).pathname.split('/')[2]!;
  const areas = (await (await page.request.get(`/api/consultations/${slug}/areas`)).json()) as { features: { properties: { name: string }; geometry: { coordinates: number[][][] } }[] };
  const ring = areas.features.find((f) => f.properties.name === 'Mill Lane')!.geometry.coordinates[0]!;
  const [longitude, latitude] = [ring.reduce((s, p) => s + p[0]!, 0) / ring.length, ring.reduce((s, p) => s + p[1]!, 0) / ring.length];
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation({ longitude: longitude!, latitude: latitude! });
  await locate.click();
  await page.getByRole('button', { name: 'Yes, use my location', exact: true }).click();
  await expect(page.getByText('The map now shows where you are.')).toBeVisible();
  await expect(page.locator('.area-label').filter({ hasText: /^Mill Lane$/ })).toBeInViewport();
  await expect(resident.map).toBeVisible();
});

test('the list shows notes, searches their words, filters by neighbourhood and dates follow the reader', async ({ browser, baseURL }, testInfo) => {
  // a reader in Britain: "23 May 2026", not "May 23, 2026"
  const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = testInfo.project.use;
  const context = await browser.newContext({ baseURL, viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, locale: 'en-GB' });
  await context.route((url) => url.origin !== new URL(baseURL!).origin && url.protocol.startsWith('http'), (route) => route.fulfill({ status: 204, body: '' }));
  const page = await context.newPage();
  await page.goto(await openConsultationPath(page));
  await page.getByRole('tab', { name: 'List' }).click();
  const table = page.locator('#panel-list table');
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  const rows = table.locator('tbody tr');
  const all = await rows.count();
  expect(all).toBeGreaterThan(5);
  // every "Added" date reads day month year
  const dates = await table.locator('tbody time').allTextContents();
  for (const date of dates) expect(date).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
  // the notes are there, in their own column
  const note = table.locator('td.pin-list__note').filter({ hasText: /\w{4,}/ }).first();
  const words = ((await note.textContent()) ?? '').trim().split(/\s+/).filter((w) => /^[A-Za-z]{5,}$/.test(w));
  expect(words.length).toBeGreaterThan(0);
  await page.getByRole('searchbox', { name: 'Search the pins' }).fill(words[0]!);
  await expect.poll(() => rows.count()).toBeLessThan(all);
  for (const text of await rows.allTextContents()) expect(text.toLowerCase()).toContain(words[0]!.toLowerCase());
  await page.getByRole('searchbox', { name: 'Search the pins' }).fill('');
  await expect.poll(() => rows.count()).toBe(all);
  await page.getByRole('combobox', { name: 'Neighbourhood' }).selectOption({ label: 'Mill Lane' });
  await expect.poll(() => rows.count()).toBeLessThan(all);
  for (const area of await table.locator('tbody td[data-label="Neighbourhood"]').allTextContents()) expect(area).toBe('Mill Lane');
  await page.screenshot({ path: `${SHOTS}/list-${testInfo.project.name}.png` });
  await context.close();
});

test('map controls are at least 44 px to touch', async ({ resident, page }) => {
  for (const control of [
    resident.map.getByRole('button', { name: 'Zoom in' }),
    resident.map.getByRole('button', { name: 'Zoom out' }),
    page.getByRole('button', { name: 'Use my location', exact: true }),
    page.getByRole('button', { name: 'Find', exact: true }),
    page.getByRole('searchbox', { name: 'Find a place' }),
  ]) {
    const box = (await control.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(44);
    expect(box.height).toBeGreaterThanOrEqual(44);
  }
});

for (const lang of ['en', 'ur'] as const) {
  test(`no axe violations on the framing, place search, location consent and privacy notice in ${lang}`, async ({ page }, testInfo) => {
    const axe = async (view: string) => {
      // markers are exempt from target-size only (see a11y.spec.ts); everything else is checked everywhere
      const all = await new AxeBuilder({ page }).withTags(WCAG_TAGS).disableRules(['target-size']).analyze();
      const targets = await new AxeBuilder({ page }).withRules(['target-size']).exclude('.leaflet-marker-pane').analyze();
      const violations = [...all.violations, ...targets.violations].map((v) => `${view}: ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      expect(violations).toEqual([]);
    };
    await page.goto(await openConsultationPath(page, `?lang=${lang}`));
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.locator('.pin-marker').first()).toBeAttached();
    await expect(page.locator('.leaflet-container')).toBeVisible();
    await axe('framing');
    await page.locator('input[type="search"]').first().fill(lang === 'ur' ? 'zz' : 'mill');
    await page.locator('.place-search__results').first().waitFor();
    await axe('search results');
    await page.locator('.place-search__locate').click();
    await axe('location consent');
    await page.screenshot({ path: `${SHOTS}/framing-${lang}-${testInfo.project.name}.png` });
    await page.locator('.consultation-intro__links a').click();
    await expect(page.locator('.privacy-notice h1')).toBeVisible();
    await axe('privacy notice');
  });
}
