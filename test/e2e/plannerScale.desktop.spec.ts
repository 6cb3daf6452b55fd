// run by the desktop project only (playwright.config.ts: *.desktop.spec.ts): the planner view is a desktop tool.
// a signed-in planner's page over a consultation of 100k stored pins never asks for the whole pin list (every /pins
// request is bounded by a small limit), stays small in bytes, and its answer panel, "start a project from pins" and
// "assets near a project" still work over the server's queries.
import type { Page, Request } from '@playwright/test';
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD, expect, test } from './support/appServer.ts';

const SLUG = 'neighbourhood-plan';
const N = 100_000;
/** the largest /pins page a planner screen may ask for: a viewport's or a few pins', never the consultation's */
const PIN_LIMIT_MAX = 500;
/** the signed-in planner page's whole download (app, figures, panels) at 100k pins must stay under this */
const PAGE_BYTES_MAX = 700_000;

interface Traffic {
  bytes: number;
  /** path and transfer size of each finished request */
  each: [string, number][];
  pinRequests: string[];
}

/** every request's transfer size (headers and encoded body) and every …/pins list request, from now on */
function watchTraffic(page: Page): Traffic {
  const traffic: Traffic = { bytes: 0, each: [], pinRequests: [] };
  const counted = async (request: Request) => {
    const sizes = await request.sizes().catch(() => null);
    if (!sizes) return;
    const size = sizes.requestHeadersSize + sizes.requestBodySize + sizes.responseHeadersSize + sizes.responseBodySize;
    traffic.bytes += size;
    traffic.each.push([new URL(request.url()).pathname, size]);
  };
  page.on('requestfinished', (r) => void counted(r));
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (/\/pins$/.test(url.pathname)) traffic.pinRequests.push(`${url.pathname}${url.search}`);
  });
  return traffic;
}

const unbounded = (paths: readonly string[]) => paths.filter((p) => {
  const limit = Number(new URL(p, 'http://x').searchParams.get('limit'));
  return !(limit >= 1 && limit <= PIN_LIMIT_MAX);
});

test.use({ seedPins: N });
test.setTimeout(240_000);

test.beforeEach(async ({ page }) => {
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.fulfill({ status: 204, body: '' }));
});

test('signed in at 100k pins, the planner page never downloads the pin list, and its panels work', async ({ page }) => {
  const signIn = await page.request.post('/api/session', { data: { email: E2E_ADMIN_EMAIL, password: E2E_ADMIN_PASSWORD } });
  expect(signIn.ok()).toBe(true);
  const traffic = watchTraffic(page);
  await page.goto(`/c/${SLUG}/planner`);
  const panel = page.locator('.answer-panel');
  const budget = page.getByTestId('budget-planner');
  const priorities = budget.locator('.budget-planner-pins tbody tr');
  await expect(panel.locator('tbody tr').first()).toBeVisible({ timeout: 90_000 });
  await expect(priorities.first()).toBeVisible({ timeout: 90_000 });
  // the projects' assets within 300 m are in (each row asks the server for its nearest few)
  const projectRows = budget.locator('.budget-planner-table tbody tr');
  await expect(projectRows.first()).toBeVisible();
  await expect(projectRows.filter({ hasText: '…' })).toHaveCount(0, { timeout: 30_000 });
  // the panels' first answers are in; anything still on its way is given a moment to land in the count
  await page.waitForTimeout(3000);
  const bytes = traffic.bytes;
  console.log(`planner at ${N.toLocaleString('en')} pins, signed in: ${bytes.toLocaleString('en')} bytes downloaded; /pins requests: ${traffic.pinRequests.join(' ') || 'none'}`);
  console.log(`the largest: ${traffic.each.sort((a, b) => b[1] - a[1]).slice(0, 6).map(([p, n]) => `${p} ${n.toLocaleString('en')}`).join(', ')}`);
  expect(unbounded(traffic.pinRequests)).toEqual([]);
  expect(bytes).toBeLessThan(PAGE_BYTES_MAX);

  // the answer panel pages through every unanswered pin, most supported first
  await expect(panel.getByRole('navigation', { name: 'Pages of pins' })).toContainText(/^Pins 1–100 of \d{2,3},\d{3}/);
  const firstTitle = (await panel.locator('tbody tr').first().getByRole('rowheader').textContent())!;
  await panel.getByRole('checkbox', { name: `Select “${firstTitle}”` }).check();
  await panel.getByLabel('Answer', { exact: true }).selectOption('planned');
  await panel.getByRole('button', { name: 'Answer selected pins' }).click();
  await panel.getByRole('button', { name: 'Yes, answer 1 pin' }).click();
  await expect(panel.getByText('1 pin answered.')).toBeVisible();
  await expect(panel.getByRole('rowheader', { name: firstTitle, exact: true })).toHaveCount(0);
  await panel.getByLabel('Show answers').selectOption('planned');
  await expect(panel.getByRole('rowheader', { name: firstTitle, exact: true })).toHaveCount(1);

  // a project from two priorities on the second page of one area; its form lists the assets near it, from the server
  const areaSelect = budget.getByLabel('Area', { exact: true });
  await areaSelect.selectOption({ index: 1 });
  const pager = budget.getByRole('navigation', { name: 'Pages of pins' });
  await expect(pager).toContainText(/^Pins 1–50 of [\d,]+/);
  await pager.getByRole('button', { name: 'Next' }).click();
  await expect(pager).toContainText(/^Pins 51–100 of [\d,]+/);
  const first = (await priorities.nth(0).getByRole('rowheader').textContent())!;
  const second = (await priorities.nth(1).getByRole('rowheader').textContent())!;
  await budget.getByRole('checkbox', { name: `Choose “${first}”` }).check();
  await budget.getByRole('checkbox', { name: `Choose “${second}”` }).check();
  await budget.getByRole('button', { name: 'Start a project from these' }).click();
  const form = budget.locator('.budget-planner-project-form');
  await expect(form.getByLabel('Title')).toHaveValue(first);
  await expect(form.getByTestId('project-source-pins')).toContainText(second);
  const assets = form.getByTestId('assets-near').locator('li');
  await expect(assets.first()).toBeVisible({ timeout: 15_000 });
  const metres = (await assets.allTextContents()).map((text) => Number(/(\d+) m$/.exec(text)?.[1]));
  expect(metres.length).toBeGreaterThan(0);
  expect(metres.every((m) => m >= 0 && m <= 300)).toBe(true);
  expect(metres).toEqual([...metres].sort((a, b) => a - b));
  expect(unbounded(traffic.pinRequests)).toEqual([]);
});
