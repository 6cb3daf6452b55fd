// screenshots of the resident map at each size, for a person to look at: map with pins, the form, the list.
import { expect, test } from './support/residentTest.ts';
import { uniqueTitle } from './support/themes.ts';
import type { TestPin } from './support/themes.ts';

test('screenshots: map with pins, form open, list view', async ({ resident, page }, testInfo) => {
  const shot = (name: string) => page.screenshot({ path: `test/output/screenshots/resident-${testInfo.project.name}-${name}.png` });
  const keep: TestPin = { kind: 'asset', theme: 'Play & youth', title: uniqueTitle(testInfo, 'Screenshot keep'), area: 'Mill Lane' };
  const change: TestPin = { kind: 'priority', theme: 'Housing', title: uniqueTitle(testInfo, 'A rather long title for a screenshot, to see how it wraps'), area: 'Greenbank' };
  await resident.addPinByPointer(keep);
  await resident.addPinByPointer(change);
  await resident.openPopup(change);
  await shot('map');

  await page.keyboard.press('Escape');
  await resident.startAdding();
  await resident.placeInArea('Mill Lane');
  await resident.form.getByRole('textbox', { name: 'Title', exact: true }).fill('Half-written pin');
  await shot('form');
  await resident.form.getByRole('button', { name: 'Cancel', exact: true }).click();

  await resident.showView('List');
  await expect(resident.listRow(change.title)).toHaveCount(1);
  await shot('list');
  // nothing in the list may be wider than the screen
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
