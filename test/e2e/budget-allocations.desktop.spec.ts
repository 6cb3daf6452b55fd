// run by the desktop project only (playwright.config.ts: *.desktop.spec.ts): the planner view is a desktop tool.
// a table group's budget game, recorded through the API as the table does, shows in the planner's Community budget
// section as a workshop allocation: its session, date, the money per project beside the vote's approvals, labelled as
// never counted as ballots; and the vote's count does not change.
import AxeBuilder from '@axe-core/playwright';
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD, expect, test } from './support/appServer.ts';

const SLUG = 'neighbourhood-plan';
const API = `/api/consultations/${SLUG}`;
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface Project {
  id: string;
  title: string;
  cost: number;
}

test.beforeEach(async ({ page }) => {
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.fulfill({ status: 204, body: '' }));
});

test('a table game recorded through the API shows to the planner beside the vote, never as ballots', async ({ page }) => {
  const budget = (await (await page.request.get(`${API}/budget`)).json()) as { projects: Project[]; budget: number };
  const [a, b, c] = budget.projects;
  expect(a!.cost + b!.cost).toBeLessThanOrEqual(budget.budget);

  // one resident votes for b, so the vote beside the allocation has a ballot
  const device = (await (await page.request.post('/api/device', { data: {} })).json()).token as string;
  const ballot = await page.request.put(`${API}/budget/ballot`, { data: { projects: [b!.id] }, headers: { 'x-device-token': device } });
  expect(ballot.ok(), await ballot.text()).toBe(true);

  const signIn = await page.request.post('/api/session', { data: { email: E2E_ADMIN_EMAIL, password: E2E_ADMIN_PASSWORD } });
  expect(signIn.ok()).toBe(true);
  const before = (await (await page.request.get(`${API}/budget/results`)).json()) as { voters: number };
  const posted = await page.request.post(`${API}/budget/allocations`, { data: { sessionId: 'library-saturday', sessionName: 'Library, Saturday', sides: { bottom: [a!.id, b!.id], top: [a!.id] } } });
  expect(posted.status(), await posted.text()).toBe(201);

  await page.goto(`/c/${SLUG}/planner`);
  const section = page.getByTestId('workshop-allocations');
  await expect(section.getByRole('heading', { name: 'Workshop allocations' })).toBeVisible({ timeout: 30_000 });
  await expect(section).toContainText('These are not counted as ballots.');
  const allocation = section.locator('.budget-allocation').first();
  const day = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date());
  await expect(allocation.getByRole('heading', { level: 4 })).toContainText(`Session Library, Saturday, ${day}`);
  const pounds = (n: number) => `£${n.toLocaleString('en-GB')}`;
  const row = (p: Project) => allocation.locator(`tr[data-project-id="${p.id}"]`);
  await expect(row(a!).getByTestId('allocation-amount')).toHaveText(pounds(2 * a!.cost));
  await expect(row(a!).getByTestId('allocation-approvals')).toHaveText('0');
  await expect(row(b!).getByTestId('allocation-amount')).toHaveText(pounds(b!.cost));
  await expect(row(b!).getByTestId('allocation-approvals')).toHaveText('1');
  await expect(row(c!).getByTestId('allocation-amount')).toHaveText('£0');
  await expect(allocation.getByTestId('allocation-total')).toHaveText(pounds(2 * a!.cost + b!.cost));
  await expect(allocation.getByTestId('allocation-outcome')).toContainText('The table\u2019s count: 2 sides voted.');
  await expect(allocation.getByTestId('allocation-outcome')).toContainText(a!.title);
  await expect(section.getByTestId('workshop-allocations-vote')).toHaveText('The vote has 1 ballot so far.');

  // never counted as ballots
  const after = (await (await page.request.get(`${API}/budget/results`)).json()) as { voters: number };
  expect(after.voters).toBe(before.voters);
  expect(after.voters).toBe(1);

  const result = await new AxeBuilder({ page }).include('[data-testid="workshop-allocations"]').withTags(WCAG_TAGS).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
