// user text is text: an html payload as a title shows literally and runs nothing; a pin outside every boundary is refused.
import { expect, test } from './support/residentTest.ts';
import type { TestPin } from './support/themes.ts';

const PAYLOAD = '<img src=x onerror=alert(1)>';

test('an html title shows literally in popup and list, creates no img and fires no dialog', async ({ resident, page, guards }, testInfo) => {
  const imgsBefore = await page.locator('img').count();
  const pin: TestPin = { kind: 'priority', theme: 'Safety', title: `${PAYLOAD} ${testInfo.project.name}${Math.random().toString(36).slice(2, 6)}`, note: '<b>bold?</b>', area: 'Eastbrook' };
  await resident.addPinByPointer(pin);

  const popup = await resident.openPopup(pin);
  await expect(popup.getByRole('heading', { level: 2 })).toHaveText(pin.title);
  await expect(popup).toContainText('<b>bold?</b>');
  await expect(popup.locator('img, b')).toHaveCount(0);

  await resident.showView('List');
  await expect(resident.listRow(pin.title).getByRole('rowheader')).toHaveText(pin.title);
  await expect(resident.listRow(pin.title).locator('img')).toHaveCount(0);

  await page.reload();
  await resident.waitUntilReady();
  await expect(resident.marker(pin)).toHaveCount(1);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.locator('img').count()).toBe(imgsBefore);
  expect(guards.dialogs).toEqual([]);
});

test('a pin outside every neighbourhood is refused with the reason, and nothing is saved', async ({ resident, page }, testInfo) => {
  const title = `Outside ${testInfo.project.name} ${Math.random().toString(36).slice(2, 7)}`;
  await resident.startAdding();
  await resident.pressAt(await resident.pointOutsideAreas());
  const alert = resident.form.getByRole('alert');
  await expect(alert).toContainText('That spot is outside the neighbourhoods on this map, so the pin cannot go there.');
  // a pointer user places the draft pin directly: the crosshair and its card are only for keyboard users
  await expect(page.locator('.crosshair-status')).toHaveCount(0);

  await resident.form.getByRole('radio', { name: 'Something to keep', exact: true }).check();
  await resident.form.getByRole('radio', { name: 'Housing', exact: true }).check();
  await resident.form.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
  await resident.form.getByRole('button', { name: 'Save pin', exact: true }).click();
  await expect(alert).toContainText('Nothing was saved.');
  await expect(resident.form).toBeVisible();
  await expect(resident.markersTitled(title)).toHaveCount(0);
  await resident.form.getByRole('button', { name: 'Cancel', exact: true }).click();
  await resident.showView('List');
  await expect(resident.listRow(title)).toHaveCount(0);
});
