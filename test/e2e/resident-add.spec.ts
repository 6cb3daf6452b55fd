// adding pins: by pointer (click or tap) and by keyboard alone, then finding them again after a reload.
import { expect, test } from './support/residentTest.ts';
import { uniqueTitle } from './support/themes.ts';
import type { TestPin } from './support/themes.ts';

test('adds a keep and a change pin by pointer; both show as different shapes and in the list, and survive a reload', async ({ resident, page }, testInfo) => {
  const keep: TestPin = { kind: 'asset', theme: 'Green space', title: uniqueTitle(testInfo, 'Pointer keep'), note: 'Quiet bench by the pond', sentiment: 'Positive', area: 'Upper Heath' };
  const change: TestPin = { kind: 'priority', theme: 'Transport & streets', title: uniqueTitle(testInfo, 'Pointer change'), area: 'Weir Meadows' };

  await resident.addPinByPointer(keep);
  await resident.addPinByPointer(change);

  // the kinds differ by shape, not only by name: a circle for keep, a diamond with a "!" badge for change
  const keepMarker = resident.marker(keep);
  const changeMarker = resident.marker(change);
  await expect(keepMarker).toHaveClass(/pin-marker--asset/);
  await expect(changeMarker).toHaveClass(/pin-marker--priority/);
  await expect(keepMarker.locator('svg > circle')).toHaveCount(2);
  await expect(keepMarker.locator('svg > path[d^="M24 2 46 24"]')).toHaveCount(0);
  await expect(changeMarker.locator('svg > path[d^="M24 2 46 24"]')).toHaveCount(1);
  await expect(changeMarker.locator('svg > circle')).toHaveCount(1);
  await expect(keepMarker).toBeInViewport();
  await expect(changeMarker).toBeInViewport();

  await resident.showView('List');
  await expect(resident.listRow(keep.title)).toContainText('Something to keep');
  await expect(resident.listRow(keep.title)).toContainText('Upper Heath');
  await expect(resident.listRow(change.title)).toContainText('Something to change');
  await expect(resident.listRow(change.title)).toContainText('Transport & streets');
  await expect(resident.listRow(change.title)).toContainText('Weir Meadows');

  await page.reload();
  await resident.waitUntilReady();
  await expect(resident.marker(keep)).toBeAttached();
  await expect(resident.marker(change)).toBeAttached();
  const popup = await resident.openPopup(keep);
  await expect(popup).toContainText('Quiet bench by the pond');
  await expect(popup).toContainText('Positive');
  await resident.showView('List');
  await expect(resident.listRow(keep.title)).toHaveCount(1);
  await expect(resident.listRow(change.title)).toHaveCount(1);
});
