// run by the desktop project only (playwright.config.ts: *.desktop.spec.ts), beside loop.desktop.spec.ts: residents
// hearing back without an account in Chromium against the real server: "answered" on a pin they only commented on,
// editing and deleting their own comment by keyboard, and what changed since their last visit.
import { openConsultationPath } from './support/residentMapPage.ts';
import { expect, test } from './support/residentTest.ts';
import { addSentPin, answerByTitle, axeViolations, SHOTS, XSS } from './support/loopSteps.ts';
import { uniqueTitle } from './support/themes.ts';
import type { TestPin } from './support/themes.ts';

test('a device that only commented on a pin sees it answered, live, and still after a reload', async ({ resident, openFreshResident }, testInfo) => {
  const pin: Omit<TestPin, 'area'> = { kind: 'priority', theme: 'Safety', title: uniqueTitle(testInfo, 'Loop kerb') };
  await addSentPin(resident, pin);
  const neighbour = await openFreshResident();
  const popup = await neighbour.openPopup(pin);
  await popup.getByLabel('Your comment').fill('A dropped kerb here please');
  await popup.getByRole('button', { name: 'Post comment' }).click();
  await expect(popup.locator('.comment__text')).toHaveText('A dropped kerb here please');
  await neighbour.page.keyboard.press('Escape');
  await neighbour.showView('List');
  await expect(neighbour.listRow(pin.title)).not.toContainText('Answered:');

  await answerByTitle((await openFreshResident()).page, pin.title, 'under-consideration', 'We will survey it');
  await expect(neighbour.listRow(pin.title)).toContainText('Answered: a pin you commented on', { timeout: 15_000 });
  // a third device neither made, supported nor commented on it: no notice there
  const stranger = await openFreshResident();
  await stranger.showView('List');
  await expect(stranger.listRow(pin.title)).toContainText('Under consideration');
  await expect(stranger.listRow(pin.title)).not.toContainText('Answered:');
  // remembered on the device
  await neighbour.goto();
  await neighbour.showView('List');
  await expect(neighbour.listRow(pin.title)).toContainText('Answered: a pin you commented on');
});

test('the author edits and deletes a comment by keyboard while allowed, and the neighbour sees both live', async ({ resident, openFreshResident }, testInfo) => {
  const pin: Omit<TestPin, 'area'> = { kind: 'asset', theme: 'Green space', title: uniqueTitle(testInfo, 'Loop meadow') };
  await addSentPin(resident, pin);
  const popup = await resident.openPopup(pin);
  await popup.getByLabel('Your comment').fill('Mow it less often');
  await popup.getByRole('button', { name: 'Post comment' }).click();
  // the only comment on this pin (found by position: its text changes below)
  const mine = popup.locator('.comment');
  await expect(mine).toContainText(/You can edit or delete it for 1[45] more minutes\./);
  const neighbour = await openFreshResident();
  const theirs = (await neighbour.openPopup(pin)).locator('.comment');
  await expect(theirs).toHaveCount(1);
  // a neighbour cannot edit or delete it
  await expect(theirs.getByRole('button', { name: 'Edit' })).toHaveCount(0);
  await expect(theirs.getByRole('button', { name: 'Delete' })).toHaveCount(0);

  // by keyboard: Enter opens the form with the text in focus; Escape leaves it, focus back on Edit
  await resident.page.bringToFront();
  const edit = mine.getByRole('button', { name: 'Edit' });
  await edit.focus();
  await resident.page.keyboard.press('Enter');
  const field = mine.getByLabel('Edit your comment');
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('Mow it less often');
  await resident.page.keyboard.press('Escape');
  await expect(edit).toBeFocused();
  await resident.page.keyboard.press('Enter');
  await field.fill(`Mow it twice a year ${XSS}`);
  await mine.getByRole('button', { name: 'Save changes' }).click();
  await expect(popup.locator('.comment__text')).toHaveText(`Mow it twice a year ${XSS}`);
  await expect(popup.locator('.comment')).toContainText('edited');
  await expect(edit).toBeFocused();
  await expect(theirs.locator('.comment__text')).toHaveText(`Mow it twice a year ${XSS}`);
  await expect(popup.locator('.comment img')).toHaveCount(0);

  // delete asks first; the confirm button takes focus
  await popup.locator('.comment').getByRole('button', { name: 'Delete' }).click();
  await expect(popup.getByText('Delete this comment? Its replies go with it.')).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Delete comment' })).toBeFocused();
  await resident.page.keyboard.press('Enter');
  await expect(popup.locator('.comment')).toHaveCount(0);
  await expect(theirs).toHaveCount(0);
});

test('on a later visit the resident sees what changed on its pin since the last one, and can dismiss it', async ({ resident, openFreshResident }, testInfo) => {
  const pin: Omit<TestPin, 'area'> = { kind: 'priority', theme: 'Safety', title: uniqueTitle(testInfo, 'Loop lamp') };
  await addSentPin(resident, pin);
  await expect(resident.page.getByTestId('what-changed')).toHaveCount(0);
  // this visit began an hour ago (as if the resident left then): the next opening is a new visit
  const slug = (await openConsultationPath(resident.page)).replace('/c/', '');
  const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
  await resident.page.evaluate(([key, at]) => localStorage.setItem(key!, JSON.stringify({ previous: null, start: at, seen: at, dismissed: false })), [`coplan.visit:${slug}`, hourAgo]);

  // while away: a planner answers it and a neighbour comments
  await answerByTitle((await openFreshResident()).page, pin.title, 'planned', 'New lamp in March');
  const neighbour = await openFreshResident();
  const theirPopup = await neighbour.openPopup(pin);
  await theirPopup.getByLabel('Your comment').fill('Yes, it is dark there');
  await theirPopup.getByRole('button', { name: 'Post comment' }).click();
  await expect(theirPopup.locator('.comment')).toHaveCount(1);

  await resident.goto();
  const changes = resident.page.getByTestId('what-changed');
  await expect(changes.getByRole('heading', { name: 'Since your last visit' })).toBeVisible();
  await expect(changes.locator('li').filter({ hasText: 'Answered:' })).toHaveText(`Answered: ${pin.title}: Planned`);
  await expect(changes.locator('li').filter({ hasText: 'new comment' })).toHaveText(`1 new comment on ${pin.title}`);
  await expect(changes).toContainText(/\d+ of the \d+ pins? you follow ha(s|ve) an answer\./);
  expect(await axeViolations(resident.page, '[data-testid="what-changed"]')).toEqual([]);
  await resident.page.screenshot({ path: `${SHOTS}/loop-what-changed.png` });
  // dismissed by keyboard: gone, focus on the next control, and still gone on a reload in the same visit
  await resident.page.bringToFront();
  await changes.getByRole('button', { name: 'Dismiss' }).focus();
  await resident.page.keyboard.press('Enter');
  await expect(changes).toHaveCount(0);
  await expect(resident.page.getByRole('button', { name: 'Add a pin' })).toBeFocused();
  await resident.goto();
  await expect(resident.page.getByRole('heading', { name: 'Add a pin' }).or(resident.page.getByRole('button', { name: 'Add a pin' }))).toBeVisible();
  await expect(resident.page.getByTestId('what-changed')).toHaveCount(0);
});

