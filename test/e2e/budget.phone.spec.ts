// the community budget in Chromium: a resident builds a ballot within the budget, changes it, votes offline and it
// arrives once; the ballot and results pages pass axe in English and right-to-left Urdu.
// At phone size only, as residents mostly vote: the ballot and results pages have one layout at every width (their
// desktop runs did the same steps on the same page); pageWidth.phone.spec.ts checks they fit, a11y*.spec.ts the header at desktop size.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD, expect, test } from './support/appServer.ts';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const BALLOT = '/c/neighbourhood-plan/budget';

async function violations(page: Page, view: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const found = result.violations.map((v) => `${view}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  console.log(`axe ${view}: ${found.length} violations (${result.passes.length} rules passed)`);
  return found;
}

const project = (page: Page, title: string) => page.getByRole('checkbox', { name: title });
const left = (page: Page) => page.getByTestId('budget-left');

test.beforeEach(async ({ page }) => {
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.fulfill({ status: 204, body: '' }));
});

test('a resident builds a ballot, cannot overspend, changes it, and a ballot cast offline arrives once', async ({ page, context }) => {
  const sent: number[] = [];
  page.on('response', (res) => {
    if (res.url().endsWith('/budget/ballot') && res.request().method() === 'PUT') sent.push(res.status());
  });
  await page.goto(BALLOT);
  await expect(page.getByRole('checkbox')).toHaveCount(9);
  await expect(left(page)).toContainText('£0 chosen, £60,000 left of £60,000');

  // £25,000 + £22,000 + £12,000 = £59,000: the £6,000 benches no longer fit, the £1,000-or-less nothing else does
  await project(page, 'New play equipment in Hollins Park').check();
  await project(page, 'Speed cushions on the main road').check();
  await project(page, 'Trees and planters at the busy junction').check();
  await expect(left(page)).toContainText('£59,000 chosen, £1,000 left');
  await expect(left(page)).toHaveAttribute('aria-live', 'polite');
  await expect(project(page, 'Benches along the river path')).toBeDisabled();
  await expect(page.getByText('Does not fit in what is left')).toHaveCount(6);
  await page.getByRole('button', { name: 'Send my ballot' }).click();
  await expect(page.getByTestId('ballot-status')).toHaveText('Your ballot was received. You can change it until voting closes.');

  // the filters narrow the list; what is chosen stays chosen
  await page.getByLabel('Area').selectOption({ label: 'Old Town' });
  await expect(page.getByRole('checkbox')).toHaveCount(2);
  await page.getByLabel('Area').selectOption('');
  await page.getByLabel('Theme').selectOption({ label: 'Play & youth' });
  await expect(page.getByRole('checkbox')).toHaveCount(2);
  await page.getByLabel('Theme').selectOption('');

  // a change of mind: the speed cushions out, benches and the meeting room in (25 + 12 + 6 + 18 = 61: the room does not fit)
  await project(page, 'Speed cushions on the main road').uncheck();
  await project(page, 'Benches along the river path').check();
  await expect(project(page, 'A meeting room groups can book cheaply')).toBeDisabled();
  await page.reload();
  await expect(project(page, 'Speed cushions on the main road')).toBeChecked();
  await project(page, 'Speed cushions on the main road').uncheck();
  await project(page, 'Benches along the river path').check();
  await page.getByRole('button', { name: 'Send my changed ballot' }).click();
  await expect(page.getByTestId('ballot-status')).toHaveText('Your ballot was received. You can change it until voting closes.');
  expect(sent).toEqual([200, 200]);

  // offline: the ballot waits on the device, then goes once when the browser is back online
  await context.setOffline(true);
  await project(page, 'Heritage trail signs').check();
  await page.getByRole('button', { name: 'Send my changed ballot' }).click();
  await expect(page.getByTestId('ballot-status')).toContainText('You are offline');
  await context.setOffline(false);
  await expect(page.getByTestId('ballot-status')).toHaveText('Your ballot was received. You can change it until voting closes.');
  await expect.poll(() => sent.filter((s) => s === 200).length).toBe(3);
  await page.reload();
  await expect(project(page, 'Heritage trail signs')).toBeChecked();
  await expect(left(page)).toContainText('£48,000 chosen, £12,000 left');
  // reopening sends nothing more: the outbox is empty
  await page.waitForTimeout(500);
  expect(sent.filter((s) => s === 200)).toHaveLength(3);
  const server = await page.request.get('/api/consultations/neighbourhood-plan/budget', { headers: { 'x-device-token': await page.evaluate(() => localStorage.getItem('coplan.deviceToken') ?? '') } });
  expect((await server.json()).ballot.projects.sort()).toEqual(['heritage-trail', 'hollins-play', 'junction-trees', 'river-benches']);
});

for (const lang of ['en', 'ur']) {
  test(`the ballot and results pages pass axe (${lang})`, async ({ page }) => {
    const found: string[] = [];
    await page.goto(`${BALLOT}?lang=${lang}`);
    await expect(page.getByRole('checkbox')).toHaveCount(9);
    await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ur' ? 'rtl' : 'ltr');
    await page.getByRole('checkbox').first().check();
    found.push(...(await violations(page, `${lang} ballot`)));
    // the public sees the results after closing; staff at any time
    await page.goto(`${BALLOT}/results?lang=${lang}`);
    await expect(page.getByRole('status')).toHaveText(lang === 'en' ? 'The results are published when voting closes.' : 'نتائج ووٹنگ بند ہونے پر شائع ہوں گے۔');
    found.push(...(await violations(page, `${lang} results, not yet public`)));
    const signIn = await page.request.post('/api/session', { data: { email: E2E_ADMIN_EMAIL, password: E2E_ADMIN_PASSWORD } });
    expect(signIn.ok()).toBe(true);
    await page.reload();
    await expect(page.getByTestId('results-equal-shares').getByRole('row')).toHaveCount(10);
    await expect(page.getByTestId('results-greedy').getByRole('row')).toHaveCount(10);
    found.push(...(await violations(page, `${lang} results`)));
    expect(found).toEqual([]);
  });
}

test('the results page shows both rules, won or lost and why, counted in the browser', async ({ page }) => {
  for (const projects of [['hollins-play', 'river-benches'], ['river-benches', 'station-bikes'], ['speed-cushions']]) {
    const device = (await (await page.request.post('/api/device', { data: {} })).json()).token as string;
    const res = await page.request.put('/api/consultations/neighbourhood-plan/budget/ballot', { headers: { 'x-device-token': device }, data: { projects } });
    expect(res.status()).toBe(200);
  }
  await page.request.post('/api/session', { data: { email: E2E_ADMIN_EMAIL, password: E2E_ADMIN_PASSWORD } });
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto(`${BALLOT}/results`);
  const greedy = page.getByTestId('results-greedy');
  const shares = page.getByTestId('results-equal-shares');
  await expect(shares.getByRole('heading', { level: 2 })).toContainText('official rule');
  // greedy: benches (2 votes) first, then by votes and cost: bikes £3,500, cushions £22,000, play £25,000 = £56,500
  await expect(greedy.getByRole('row', { name: /Benches along the river path/ })).toContainText('Rank 1; £6,000 committed after it');
  await expect(greedy.getByRole('row', { name: /Heritage trail signs/ })).toContainText('Nobody voted for it');
  await expect(greedy).toContainText('£56,500 spent of £60,000');
  await expect(shares.getByRole('row', { name: /Benches along the river path/ })).toContainText('Funded');
  // its two voters share its cost; a project one voter pays for alone says so in the singular
  await expect(shares.getByRole('row', { name: /Benches along the river path/ })).toContainText('2 voters paid £6,000, at most £3,000 each');
  await expect(shares.getByRole('row', { name: /Covered cycle racks at the station/ })).toContainText('1 voter paid £3,500');
  expect(workers.some((url) => /budgetCountWorker/.test(url))).toBe(true);
});

test('at a shared desk a voter code votes once, and "next voter" clears the ballot', async ({ page }) => {
  await page.request.post('/api/session', { data: { email: E2E_ADMIN_EMAIL, password: E2E_ADMIN_PASSWORD } });
  const sheet = await page.request.get('/api/consultations/neighbourhood-plan/budget/voter-codes.pdf?count=2');
  expect(sheet.headers()['content-type']).toBe('application/pdf');
  // the sheet's text runs are hex strings; the codes are the runs shaped like one
  const runs = [...(await sheet.body()).toString('latin1').matchAll(/<([0-9a-f]+)>/g)].map((m) => Buffer.from(m[1]!, 'hex').toString('latin1'));
  const [code] = runs.filter((text) => /^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/.test(text));
  await page.context().clearCookies();
  await page.goto(`${BALLOT}?code=`);
  await page.getByLabel('Voter code').fill(code!);
  await project(page, 'Heritage trail signs').check();
  await page.getByRole('button', { name: 'Send my ballot' }).click();
  await expect(page.getByTestId('ballot-status')).toHaveText('Your ballot was received. You can change it until voting closes.');
  await page.getByRole('button', { name: 'Next voter' }).click();
  await expect(page.getByLabel('Voter code')).toBeFocused();
  await expect(page.getByLabel('Voter code')).toHaveValue('');
  await expect(project(page, 'Heritage trail signs')).not.toBeChecked();
  await page.getByLabel('Voter code').fill(code!);
  await project(page, 'Covered cycle racks at the station').check();
  await page.getByRole('button', { name: 'Send my ballot' }).click();
  await expect(page.getByTestId('ballot-status')).toContainText('already been used');
});
