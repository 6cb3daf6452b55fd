// the phone-first resident map (issue 14.5), run by the phone project only (playwright.config.ts: *.phone.spec.ts):
// the map fills the screen, the side panel and the list are sheets over it, and the framing gives way to the map.
import { expect, test } from './support/residentTest.ts';

test('on a phone the map fills the screen and the panel is a sheet over it; the framing gives way to the map', async ({ resident, page }) => {
  const viewport = page.viewportSize()!;
  const map = (await resident.map.boundingBox())!;
  const header = (await page.locator('.app-header').boundingBox())!;
  expect(map.width).toBeGreaterThanOrEqual(viewport.width - 1);
  // from under the header to the foot of the screen
  expect(map.y).toBeLessThanOrEqual(header.y + header.height + 1);
  expect(map.y + map.height).toBeGreaterThanOrEqual(viewport.height - 1);
  const sheet = (await page.locator('.side-panel').boundingBox())!;
  expect(sheet.y, 'the sheet lies over the map').toBeGreaterThan(map.y + map.height / 3);
  expect(sheet.y + sheet.height).toBeCloseTo(map.y + map.height, 0);
  // the list too comes up over the map, which stays there behind it
  await resident.showView('List');
  const list = (await page.locator('#panel-list').boundingBox())!;
  expect(list.y).toBeGreaterThan(header.y + header.height);
  await expect(resident.map).toBeVisible();
  await resident.showView('Map');
  // "Show the map" folds the framing to one line, and the sheet shrinks with it
  await page.getByRole('button', { name: 'Show the map', exact: true }).click();
  await expect(page.getByRole('button', { name: /About this consultation/ })).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('.consultation-intro__steps')).toHaveCount(0);
  const smaller = (await page.locator('.side-panel').boundingBox())!;
  expect(smaller.height).toBeLessThan(sheet.height);
  expect((await page.getByRole('button', { name: /About this consultation/ }).boundingBox())!.height).toBeLessThan(90);
});
