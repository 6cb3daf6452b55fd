// run by the desktop project only (playwright.config.ts: *.desktop.spec.ts): the planner view is a desktop tool.
// closing the loop in Chromium against the real server: a planner answers three pins at once and the resident who made
// one sees it answered live in another browser; a comment is reported, hidden from the queue, and vanishes live; axe
// finds no WCAG 2.2 AA violation on the new views, in English and right-to-left Urdu.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD } from './support/appServer.ts';
import { openConsultationPath } from './support/residentMapPage.ts';
import type { ResidentMapPage } from './support/residentMapPage.ts';
import { expect, test } from './support/residentTest.ts';
import { addPinAtCrosshair } from './support/crosshairPin.ts';
import { uniqueTitle } from './support/themes.ts';
import type { TestPin } from './support/themes.ts';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const XSS = '<img src=x onerror=alert(1)>';
const SHOTS = 'test/output/screenshots';

/** a pin made through the form, and on the server */
async function addSentPin(resident: ResidentMapPage, pin: Omit<TestPin, 'area'>): Promise<void> {
  await addPinAtCrosshair(resident, pin);
  await resident.waitUntilSent();
}

/** the planner view of the open consultation, signed in as the e2e admin (the session cookie is the context's) */
async function openPlanner(page: Page, query = ''): Promise<void> {
  const signIn = await page.request.post('/api/session', { data: { email: E2E_ADMIN_EMAIL, password: E2E_ADMIN_PASSWORD } });
  expect(signIn.ok()).toBe(true);
  const resident = await openConsultationPath(page);
  await page.goto(`${resident}/planner${query}`);
  await expect(page.locator('.answer-panel table tbody tr').first()).toBeVisible({ timeout: 30_000 });
}

/** answers one pin by its title through the API, as the e2e admin in a context of its own */
async function answerByTitle(page: Page, title: string, status: string, text: string): Promise<void> {
  const signIn = await page.request.post('/api/session', { data: { email: E2E_ADMIN_EMAIL, password: E2E_ADMIN_PASSWORD } });
  expect(signIn.ok()).toBe(true);
  const api = `/api${(await openConsultationPath(page)).replace('/c/', '/consultations/')}`;
  const pins = (await (await page.request.get(`${api}/pins?limit=10000`)).json()) as { features: { id: string; properties: { title: string } }[] };
  const id = pins.features.find((f) => f.properties.title === title)!.id;
  const answered = await page.request.put(`${api}/pins/${id}/response`, { data: { status, text } });
  expect(answered.ok(), await answered.text()).toBe(true);
}

async function axeViolations(page: Page, include: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include(include).withTags(WCAG_TAGS).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('a planner answers three pins at once, the resident sees its pin answered live; a reported comment is hidden and vanishes live', async ({ resident, openFreshResident }, testInfo) => {
  const pin: Omit<TestPin, 'area'> = { kind: 'priority', theme: 'Safety', title: uniqueTitle(testInfo, 'Loop crossing') };
  await addSentPin(resident, pin);
  await resident.showView('List');
  await expect(resident.listRow(pin.title)).toHaveCount(1);

  const planner = (await openFreshResident()).page;
  await openPlanner(planner);
  const panel = planner.locator('.answer-panel');
  await panel.getByRole('checkbox', { name: `Select “${pin.title}”` }).check();
  // two more: the first unanswered pins the list shows besides the resident's
  const others = panel.locator('tbody tr').filter({ hasNot: planner.getByRole('rowheader', { name: pin.title, exact: true }) });
  await others.nth(0).getByRole('checkbox').check();
  await others.nth(1).getByRole('checkbox').check();
  await expect(panel.getByText('3 pins selected')).toBeVisible();
  await panel.getByLabel('Answer', { exact: true }).selectOption('planned');
  await panel.getByLabel('Public answer (up to 1000 characters)').fill(`A new crossing in May ${XSS}`);
  await panel.getByRole('button', { name: 'Answer selected pins' }).click();
  await expect(panel.getByText('Answer 3 pins as “Planned”? Residents see it at once.')).toBeVisible();
  await panel.getByRole('button', { name: 'Yes, answer 3 pins' }).click();
  await expect(panel.getByText('3 pins answered.')).toBeVisible();

  // the resident's browser was open all along: the answer arrives over the event stream
  const row = resident.listRow(pin.title);
  await expect(row).toContainText('Planned');
  await expect(row).toContainText('Answered: your pin');
  await resident.page.getByLabel('Show answers').selectOption('planned');
  await expect(resident.listTable.locator('tbody tr')).toHaveCount(3);
  await resident.page.getByLabel('Show answers').selectOption('all');
  await resident.showView('Map');
  const popup = await resident.openPopup(pin);
  await expect(popup.locator('.pin-answer__text')).toHaveText(`A new crossing in May ${XSS}`);
  await expect(popup.locator('.pin-answer img')).toHaveCount(0);

  // a comment, reported from a third browser
  await popup.getByLabel('Your comment').fill(`Please light it too ${XSS}`);
  await popup.getByRole('button', { name: 'Post comment' }).click();
  await expect(popup.locator('.comment__text')).toHaveText(`Please light it too ${XSS}`);
  const neighbour = await openFreshResident();
  const theirPopup = await neighbour.openPopup(pin);
  const theirComment = theirPopup.locator('.comment').filter({ hasText: 'Please light it too' });
  await expect(theirComment).toHaveCount(1);
  await theirComment.getByRole('button', { name: 'Report' }).click();
  await expect(theirComment).toContainText('Reported. Thank you');

  // the planner hides it from the queue, with a reason; it leaves both residents' popups live
  const queue = planner.locator('.moderation-queue');
  await queue.getByRole('button', { name: 'Refresh' }).click();
  const item = queue.locator('.moderation-item').filter({ hasText: 'Please light it too' });
  await expect(item).toContainText('1 report');
  await item.getByRole('button', { name: 'Hide', exact: true }).click();
  await item.getByLabel('Reason (kept in the audit log)').fill('Off topic');
  await item.getByRole('button', { name: 'Hide', exact: true }).click();
  await expect(queue.getByText('Nothing is waiting')).toBeVisible();
  await expect(popup.locator('.comment')).toHaveCount(0);
  await expect(theirPopup.locator('.comment')).toHaveCount(0);
  await resident.page.screenshot({ path: `${SHOTS}/loop-resident-${testInfo.project.name}.png` });
  await planner.screenshot({ path: `${SHOTS}/loop-planner-${testInfo.project.name}.png`, fullPage: true });
});

test('a planner selects every pin of an area chosen on the map, confirms the count and answers them at once', async ({ openFreshResident }) => {
  const planner = (await openFreshResident()).page;
  await openPlanner(planner);
  const panel = planner.locator('.answer-panel');
  await expect(panel.getByText('Choose an area on the map or in the areas table to select its pins.')).toBeVisible();
  // the area with the most pins, from the API; chosen in the areas table (the same choice as a click on the map)
  const api = `/api${(await openConsultationPath(planner)).replace('/c/', '/consultations/')}`;
  const pins = ((await (await planner.request.get(`${api}/pins?limit=10000`)).json()) as { features: { id: string; properties: { area: string } }[] }).features;
  const byArea = new Map<string, string[]>();
  for (const p of pins) byArea.set(p.properties.area, [...(byArea.get(p.properties.area) ?? []), p.id]);
  const [areaId, ids] = [...byArea].filter(([a]) => a).sort((a, b) => b[1].length - a[1].length)[0]!;
  const row = planner.locator(`tr[data-area-id="${areaId}"]`).first();
  const name = (await row.locator('th button').textContent())!;
  await row.locator('th button').click();
  const n = ids.length;
  await panel.getByRole('button', { name: `Select the ${n} pin${n === 1 ? '' : 's'} in ${name}` }).click();
  await expect(panel.getByText(`${n} pin${n === 1 ? '' : 's'} selected`)).toBeVisible();
  await expect(panel.locator("tbody input:checked")).toHaveCount(n);
  await panel.getByLabel('Answer', { exact: true }).selectOption('under-consideration');
  await panel.getByLabel('Public answer (up to 1000 characters)').fill(`Looking at ${name} as a whole`);
  await panel.getByRole('button', { name: 'Answer selected pins' }).click();
  const confirm = panel.getByRole('group', { name: /Answer \d+ pins? as/ });
  await expect(confirm).toContainText(`Answer ${n} pin${n === 1 ? '' : 's'} as “Under consideration”?`);
  // Back changes nothing
  await planner.bringToFront();
  await confirm.getByRole('button', { name: 'Back' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Answer selected pins' })).toBeFocused();
  await planner.keyboard.press('Enter');
  await expect(panel.getByRole('button', { name: `Yes, answer ${n} pin${n === 1 ? '' : 's'}` })).toBeFocused();
  await planner.keyboard.press('Enter');
  await expect(panel.getByText(`${n} pin${n === 1 ? '' : 's'} answered.`)).toBeVisible();
  await expect(panel.getByText(`${n} pin${n === 1 ? '' : 's'} answered.`)).toBeFocused();
  const after = ((await (await planner.request.get(`${api}/pins?limit=10000`)).json()) as { features: { id: string; properties: { response?: { status: string; text: string } } }[] }).features;
  const answered = after.filter((p) => p.properties.response).map((p) => p.id).sort();
  expect(answered).toEqual([...ids].sort());
  expect(after.find((p) => p.id === ids[0])!.properties.response).toMatchObject({ status: 'under-consideration', text: `Looking at ${name} as a whole` });
  // the map view's pins are offered too (zoomed to a cluster, this is the cluster's pins)
  await expect(panel.getByRole('button', { name: /^Select the \d+ pins? in the map view$/ })).toBeVisible();
  expect(await axeViolations(planner, '.answer-panel')).toEqual([]);
});

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

for (const lang of ['en', 'ur'] as const) {
  test(`the answer, the comments and the planner's answer panel have no WCAG 2.2 AA violations (${lang})`, async ({ resident, openFreshResident }, testInfo) => {
      const pin: Omit<TestPin, 'area'> = { kind: 'asset', theme: 'Green space', title: uniqueTitle(testInfo, 'Loop orchard') };
    await addSentPin(resident, pin);
    const planner = (await openFreshResident()).page;
    await openPlanner(planner, `?lang=${lang}`);
    expect(await axeViolations(planner, '.answer-panel')).toEqual([]);
    const id = (await (await resident.page.request.get(`/api${(await openConsultationPath(resident.page)).replace('/c/', '/consultations/')}/pins?limit=10000`)).json()).features
      .find((f: { properties: { title: string } }) => f.properties.title === pin.title).id as string;
    const answered = await planner.request.put(`/api${(await openConsultationPath(planner)).replace('/c/', '/consultations/')}/pins/${id}/response`, { data: { status: 'done', text: 'Planted' } });
    expect(answered.ok()).toBe(true);
    // opened in English (the helpers find markers by their English names), then switched as a resident would
    await resident.goto();
    const popup = await resident.openPopup(pin);
    if (lang === 'ur') {
      await resident.page.locator('header select').first().selectOption('ur');
      await expect(resident.page.locator('html')).toHaveAttribute('dir', 'rtl');
    }
    await popup.locator('textarea').fill('A comment');
    await popup.locator('.comment-form button[type="submit"]').click();
    await expect(popup.locator('.comment')).toHaveCount(1);
    expect(await axeViolations(resident.page, '.pin-details')).toEqual([]);
    // the author's edit form too
    await resident.page.bringToFront();
    await popup.locator('.comment-own .comment-link').first().click();
    await expect(popup.locator('.comment-own textarea')).toBeFocused();
    expect(await axeViolations(resident.page, '.pin-details')).toEqual([]);
    await resident.page.screenshot({ path: `${SHOTS}/loop-a11y-popup-${lang}.png` });
    // the list with its answer column and filter, by the tab's id (its name is translated)
    await resident.page.locator('#tab-list').click();
    await expect(resident.page.locator('.answer-filter select')).toBeVisible();
    expect(await axeViolations(resident.page, '.pin-list')).toEqual([]);
    await resident.page.screenshot({ path: `${SHOTS}/loop-a11y-list-${lang}.png` });
  });
}
