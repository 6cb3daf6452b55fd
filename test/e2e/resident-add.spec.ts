// adding pins: by pointer (click or tap) and by keyboard alone, then finding them again after a reload.
import { focused, named, tabTo } from './support/keyboard.ts';
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

test('adds a pin by keyboard alone: Tab to the controls, crosshair on the map, arrow keys, Enter', async ({ resident, page }, testInfo) => {
  const title = uniqueTitle(testInfo, 'Keyboard change');

  await tabTo(page, (el) => el.tag === 'button' && el.name === 'Add a pin', { what: '"Add a pin"' });
  await page.keyboard.press('Enter');
  await expect(resident.form.getByRole('heading', { name: 'Add a pin' })).toBeFocused();

  // radio groups: Tab enters the group on its first option, arrows move and check
  await tabTo(page, (el) => el.type === 'radio' && el.name === 'Something to keep', { what: 'the kind radios' });
  await page.keyboard.press('ArrowRight');
  expect(await focused(page)).toMatchObject({ name: 'Something to change', checked: true });
  await tabTo(page, (el) => el.type === 'radio' && el.name === 'Green space', { what: 'the theme radios' });
  await page.keyboard.press('ArrowRight');
  expect(await focused(page)).toMatchObject({ name: 'Play & youth', checked: true });
  await tabTo(page, named('Title'), { what: 'the title box' });
  await page.keyboard.type(title);
  await tabTo(page, named('Note (optional)'), { what: 'the note box' });
  await page.keyboard.type('Typed without a mouse');

  // on to the map: the crosshair says which neighbourhood is under it, and arrow keys pan
  await tabTo(page, (el) => el.name === 'Neighbourhood map', { what: 'the map' });
  const crosshair = page.locator('.crosshair-status');
  await expect(crosshair).toHaveText(/^Crosshair is (over .+|outside the neighbourhoods)$/);
  const first = await crosshair.textContent();
  let now = first;
  for (let press = 0; press < 8 && now === first; press++) {
    await page.keyboard.press('ArrowLeft');
    await expect(crosshair).not.toHaveText(first!, { timeout: 1500 }).catch(() => undefined);
    now = await crosshair.textContent();
  }
  expect(now, 'the arrow keys moved the crosshair into another neighbourhood').not.toBe(first);
  const area = /^Crosshair is over (.+)$/.exec(now ?? '')?.[1];
  expect(area, `the crosshair should be over a neighbourhood, it says "${now}"`).toBeTruthy();
  await page.keyboard.press('Enter');
  await expect(resident.form.locator('#pin-position')).toContainText(`Placed in ${area}.`);

  await tabTo(page, (el) => el.tag === 'button' && el.name === 'Save pin', { backwards: true, what: '"Save pin"' });
  await page.keyboard.press('Enter');
  await expect(resident.form).toHaveCount(0);

  const pin = { kind: 'priority', theme: 'Play & youth', title } as const;
  await expect(resident.marker(pin)).toBeAttached();
  // the new marker is reachable by keyboard too, and Enter opens its details
  await tabTo(page, named(`Something to change: ${title} (Play & youth)`), { what: 'the new marker', max: 120 });
  await page.keyboard.press('Enter');
  await expect(resident.popup.getByRole('heading', { name: title, exact: true })).toBeVisible();
  await expect(resident.popup).toContainText(area!);
  await expect(resident.popup).toContainText('Typed without a mouse');
});
