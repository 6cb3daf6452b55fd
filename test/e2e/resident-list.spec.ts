// filtering, the list view (sorting, row actions) and editing and deleting one's own pins.
import type { Page } from '@playwright/test';
import { expect, test } from './support/residentTest.ts';
import type { ResidentMapPage } from './support/residentMapPage.ts';
import { uniqueTitle } from './support/themes.ts';
import type { TestPin } from './support/themes.ts';

/** The filter's "Showing N of M", the markers on the map and the rows in the list must always agree. */
async function expectMapAndListAgree(resident: ResidentMapPage): Promise<void> {
  const { shown } = await resident.shownCount();
  // the map region must be showing: role locators skip hidden elements
  await expect(resident.map.locator('.pin-marker')).toHaveCount(shown);
  await expect(resident.listTable.locator('tbody tr')).toHaveCount(shown);
}

async function rowTitles(page: Page): Promise<string[]> {
  return page.locator('#panel-list tbody th[scope="row"]').allTextContents();
}

/** Which of these pins the map and the list show right now; the list is looked at in its own view, as a resident would. */
async function expectShown(resident: ResidentMapPage, shown: TestPin[], hidden: TestPin[]): Promise<void> {
  for (const pin of shown) await expect(resident.marker(pin)).toHaveCount(1);
  for (const pin of hidden) await expect(resident.marker(pin)).toHaveCount(0);
  await resident.showView('List');
  for (const pin of shown) await expect(resident.listRow(pin.title)).toHaveCount(1);
  for (const pin of hidden) await expect(resident.listRow(pin.title)).toHaveCount(0);
  await resident.showView('Map');
  await expectMapAndListAgree(resident);
}

test('filters by kind and by theme: markers and list rows follow', async ({ resident }, testInfo) => {
  const keep: TestPin = { kind: 'asset', theme: 'Green space', title: uniqueTitle(testInfo, 'Filter keep'), area: 'Highcroft' };
  const change: TestPin = { kind: 'priority', theme: 'Transport & streets', title: uniqueTitle(testInfo, 'Filter change'), area: 'Southgate' };
  await resident.addPinByPointer(keep);
  await resident.addPinByPointer(change);
  const filters = await resident.openFilters();
  const all = await resident.shownCount();
  expect(all.shown).toBe(all.total);
  await expectShown(resident, [keep, change], []);

  await filters.getByRole('checkbox', { name: 'Something to keep', exact: true }).uncheck();
  await expectShown(resident, [change], [keep]);
  expect((await resident.shownCount()).shown).toBeLessThan(all.total);

  await filters.getByRole('checkbox', { name: 'Something to keep', exact: true }).check();
  await filters.getByRole('checkbox', { name: 'Something to change', exact: true }).uncheck();
  await expectShown(resident, [keep], [change]);
  await filters.getByRole('checkbox', { name: 'Something to change', exact: true }).check();

  await filters.getByRole('checkbox', { name: 'Green space', exact: true }).uncheck();
  await expectShown(resident, [change], [keep]);

  await filters.getByRole('button', { name: 'Hide all themes', exact: true }).click();
  await expectShown(resident, [], [keep, change]);
  expect((await resident.shownCount()).shown).toBe(0);
  await resident.showView('List');
  await expect(resident.page.locator('#panel-list')).toContainText('No pins match the filter.');
  await resident.showView('Map');

  await filters.getByRole('button', { name: 'Show all themes', exact: true }).click();
  await expectShown(resident, [keep, change], []);
  const after = await resident.shownCount();
  expect(after.shown).toBe(after.total);
});

test('list view: sorts by title both ways (aria-sort) and its row actions work', async ({ resident, page }, testInfo) => {
  const tag = uniqueTitle(testInfo, 'Sort');
  // mixed case: the list sorts as people read, not by character code
  const alpha: TestPin = { kind: 'asset', theme: 'Housing', title: `${tag} alpha`, area: 'Greenbank' };
  const bravo: TestPin = { kind: 'priority', theme: 'Safety', title: `${tag} Bravo`, area: 'Southgate' };
  const charlie: TestPin = { kind: 'asset', theme: 'Environment', title: `${tag} charlie`, area: 'Northfield' };
  for (const pin of [charlie, alpha, bravo]) await resident.addPinByPointer(pin);

  await resident.showView('List');
  const titleHeader = resident.listTable.getByRole('columnheader', { name: 'Title' });
  const addedHeader = resident.listTable.getByRole('columnheader', { name: 'Added' });
  await expect(addedHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(titleHeader).not.toHaveAttribute('aria-sort');

  const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  await titleHeader.getByRole('button', { name: 'Title' }).click();
  await expect(titleHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(addedHeader).not.toHaveAttribute('aria-sort');
  const ascending = await rowTitles(page);
  expect(ascending).toEqual([...ascending].sort(collator.compare));
  expect(ascending.filter((t) => t.startsWith(tag))).toEqual([alpha.title, bravo.title, charlie.title]);

  await titleHeader.getByRole('button', { name: 'Title' }).click();
  await expect(titleHeader).toHaveAttribute('aria-sort', 'descending');
  const descending = await rowTitles(page);
  expect(descending).toEqual([...descending].sort((a, b) => collator.compare(b, a)));
  expect(descending.filter((t) => t.startsWith(tag))).toEqual([charlie.title, bravo.title, alpha.title]);

  // support someone else's pin (against the server one cannot support one's own, and support is given once);
  // each project picks a different pin, since both run at once against the same server
  const foreignRows = resident.listTable.locator('tbody tr').filter({ hasNot: page.getByRole('button', { name: /^Edit “/ }) });
  const foreign = foreignRows.nth(testInfo.project.name === 'desktop' ? 0 : 1);
  const foreignTitle = (await foreign.locator('th[scope="row"]').textContent())!;
  const support = page.getByRole('button', { name: `Support “${foreignTitle}”`, exact: true });
  const supportsCell = resident.listRow(foreignTitle).locator('td[data-label="Supports"]');
  const supportsBefore = Number(await supportsCell.textContent());
  await expect(support).toHaveAttribute('aria-pressed', 'false');
  await support.click();
  await expect(support).toHaveAttribute('aria-pressed', 'true');
  await expect(supportsCell).toHaveText(String(supportsBefore + 1));
  await resident.waitUntilSent();
  await expect(support).toHaveAttribute('aria-pressed', 'true');

  // edit opens the form filled in with this pin
  await page.getByRole('button', { name: `Edit “${bravo.title}”`, exact: true }).click();
  await expect(resident.form.getByRole('heading', { name: 'Edit pin' })).toBeVisible();
  await expect(resident.form.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(bravo.title);
  await expect(resident.form.getByRole('radio', { name: 'Something to change', exact: true })).toBeChecked();
  await expect(resident.form.getByRole('radio', { name: 'Safety', exact: true })).toBeChecked();
  await resident.form.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(resident.form).toHaveCount(0);

  // show on map switches to the map and opens the pin
  await resident.showView('List');
  await page.getByRole('button', { name: `Show “${charlie.title}” on map`, exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Map', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(resident.popup.getByRole('heading', { name: charlie.title, exact: true })).toBeVisible();
  await expect(resident.popup).toContainText('Northfield');

  // delete asks first, then the row goes
  await resident.showView('List');
  await page.getByRole('button', { name: `Delete “${alpha.title}”`, exact: true }).click();
  const confirm = page.getByRole('group', { name: `Confirm deleting “${alpha.title}”` });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Yes, delete', exact: true }).click();
  await expect(resident.listRow(alpha.title)).toHaveCount(0);
  await expect(resident.listRow(bravo.title)).toHaveCount(1);
  await expect(resident.marker(alpha)).toHaveCount(0);
});

test('edits and deletes an own pin from its popup on the map', async ({ resident, page }, testInfo) => {
  const before: TestPin = { kind: 'asset', theme: 'Community spaces', title: uniqueTitle(testInfo, 'Edit me'), note: 'First words', area: 'Birch Hill' };
  await resident.addPinByPointer(before);

  let popup = await resident.openPopup(before);
  await popup.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(resident.form.getByRole('heading', { name: 'Edit pin' })).toBeVisible();
  const after: TestPin = { ...before, kind: 'priority', theme: 'Heritage & culture', title: uniqueTitle(testInfo, 'Edited'), note: 'Second thoughts' };
  await resident.form.getByRole('textbox', { name: 'Note (optional)', exact: true }).fill('');
  await resident.fillForm(after);
  await resident.save();
  await expect(resident.marker(before)).toHaveCount(0);
  await expect(resident.marker(after)).toBeAttached();

  popup = await resident.openPopup(after);
  await expect(popup).toContainText('Something to change');
  await expect(popup).toContainText('Heritage & culture');
  await expect(popup).toContainText('Second thoughts');
  await expect(popup).not.toContainText('First words');
  await expect(popup).toContainText('Birch Hill');

  await page.reload();
  await resident.waitUntilReady();
  await resident.showView('List');
  await page.getByRole('button', { name: `Delete “${after.title}”`, exact: true }).click();
  // the confirmation focuses its Cancel button, so a slip of the Enter key deletes nothing
  await expect(page.getByRole('button', { name: 'Cancel', exact: true })).toBeFocused();
  await page.getByRole('button', { name: 'Yes, delete', exact: true }).click();
  await expect(resident.listRow(after.title)).toHaveCount(0);
  await resident.showView('Map');
  await expect(resident.marker(after)).toHaveCount(0);
  await resident.waitUntilSent();

  await page.reload();
  await resident.waitUntilReady();
  await expect(resident.marker(after)).toHaveCount(0);
});
