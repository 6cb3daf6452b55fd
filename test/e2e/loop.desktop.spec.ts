// run by the desktop project only (playwright.config.ts: *.desktop.spec.ts): the planner view is a desktop tool.
// closing the loop in Chromium against the real server: a planner answers three pins at once (or every pin of an area,
// after a confirm naming the count) and the resident who made one sees it answered live in another browser; a comment
// is reported, hidden from the queue, and vanishes live; a planner features a pin's words on the results page; axe
// finds no WCAG 2.2 AA violation on the new views, in English and right-to-left Urdu.
import { openConsultationPath } from './support/residentMapPage.ts';
import { expect, test } from './support/residentTest.ts';
import { addSentPin, axeViolations, openPlanner, SHOTS, XSS } from './support/loopSteps.ts';
import { uniqueTitle } from './support/themes.ts';
import type { TestPin } from './support/themes.ts';

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

test('a planner features a pin\'s words and the results page shows them as text, until the pin is hidden', async ({ resident, openFreshResident }, testInfo) => {
  const pin: Omit<TestPin, 'area'> = { kind: 'asset', theme: 'Green space', title: uniqueTitle(testInfo, 'Loop oak'), note: `Keep the old oak ${XSS}` };
  await addSentPin(resident, pin);
  const planner = (await openFreshResident()).page;
  await openPlanner(planner);
  const toggle = planner.locator('.answer-panel').getByRole('button', { name: `Feature the words of “${pin.title}” on the results page` });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');

  const results = `${await openConsultationPath(resident.page)}/results`;
  await resident.page.goto(results);
  const quotes = resident.page.getByTestId('results-quotes');
  await expect(quotes.getByRole('heading', { name: 'In residents’ own words' })).toBeVisible();
  await expect(quotes.locator('blockquote')).toHaveText(`Keep the old oak ${XSS}`);
  await expect(quotes.locator('img')).toHaveCount(0);
  await expect(quotes).toContainText('A resident, on Green space');
  expect(await axeViolations(resident.page, '[data-testid="results-quotes"]')).toEqual([]);

  // hidden by a planner: its words leave the page
  const api = `/api${(await openConsultationPath(planner)).replace('/c/', '/consultations/')}`;
  const list = (await (await planner.request.get(`${api}/pins?limit=10000`)).json()) as { features: { id: string; properties: { title: string } }[] };
  const id = list.features.find((f) => f.properties.title === pin.title)!.id;
  expect((await planner.request.post(`${api}/pins/${id}/hide`, { data: { reason: 'test' } })).ok()).toBe(true);
  await resident.page.reload();
  await expect(resident.page.getByTestId('results-next')).toBeVisible();
  await expect(resident.page.getByTestId('results-quotes')).toHaveCount(0);
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
