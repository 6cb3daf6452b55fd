// run by the desktop project only (playwright.config.ts: *.desktop.spec.ts).
// the results page draws where the money goes on a map: each area's shape carries its fill class and figures, the
// funded project is a marker, and an area whose share of voters is a small group shows as withheld to the public
// (as the table beside it does) but not to staff; axe finds nothing on the section.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD, expect, test } from './support/appServer.ts';

const SLUG = 'neighbourhood-plan';
const API = `/api/consultations/${SLUG}`;
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface Area {
  id: string;
  name: string;
  funded: number;
  share: number | null | { suppressed: true };
}
interface Spread {
  greedy: { areas: Area[] };
  equalShares: { areas: Area[] };
}

test.beforeEach(async ({ context }) => {
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.fulfill({ status: 204, body: '' }));
});

async function openResults(page: Page) {
  await page.goto(`/c/${SLUG}/budget/results`);
  const section = page.getByTestId('budget-spread');
  await expect(section.getByRole('heading', { name: 'On the map' })).toBeVisible({ timeout: 30_000 });
  await expect(section.locator('path.spread-area').first()).toBeAttached();
  return section;
}

test('the results map shades the areas by money, marks the funded project, and withholds a small group as the table does', async ({ page, browser }) => {
  const budget = (await (await page.request.get(`${API}/budget`)).json()) as { opensAt: string | null; budget: number; currency: string; rule: string; intro: string; projects: { id: string; location: { point?: [number, number] } | null }[] };
  const project = budget.projects.find((p) => p.location?.point)!;
  // one resident with a pin at the project votes for it: their area gets the money and one voter, a small group
  const device = (await (await page.request.post('/api/device', { data: {} })).json()).token as string;
  const headers = { 'x-device-token': device };
  const pin = await page.request.post(`${API}/pins`, { headers, data: { type: 'Feature', geometry: { type: 'Point', coordinates: project.location!.point }, properties: { kind: 'asset', theme: 'green-space', title: 'Our river path' } } });
  expect(pin.status(), await pin.text()).toBe(201);
  const area = ((await pin.json()) as { properties: { area: string } }).properties.area;
  expect((await page.request.put(`${API}/budget/ballot`, { headers, data: { projects: [project.id] } })).status()).toBe(200);

  // staff close the vote, so the public sees the results
  expect((await page.request.post('/api/session', { data: { email: E2E_ADMIN_EMAIL, password: E2E_ADMIN_PASSWORD } })).ok()).toBe(true);
  const closed = await page.request.put(`${API}/budget`, { data: { amount: budget.budget, currency: budget.currency, rule: budget.rule, opensAt: budget.opensAt, closesAt: new Date(Date.now() - 60_000).toISOString(), minProjects: null, maxProjects: null, intro: budget.intro } });
  expect(closed.status(), await closed.text()).toBe(200);

  // staff see the raw share (1 of 1 voters)
  const staff = await openResults(page);
  await expect(staff.locator(`path[data-area-id="${area}"]`)).toHaveAttribute('data-share', '1');
  await expect(staff.getByTestId('spread-legend-withheld')).toHaveCount(0);

  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.fulfill({ status: 204, body: '' }));
  const publicSpread = ((await (await visitor.request.get(`${API}/budget/results`)).json()) as { spread: Spread }).spread;
  const section = await openResults(visitor);
  for (const [rule, label] of [['greedy', 'Greedy by votes'], ['equalShares', 'Method of Equal Shares']] as const) {
    await section.getByRole('radio', { name: label }).check();
    const areas = publicSpread[rule].areas;
    expect(areas.find((a) => a.id === area)).toMatchObject({ funded: expect.any(Number), share: { suppressed: true } });
    const max = Math.max(...areas.map((a) => a.funded));
    expect(max).toBeGreaterThan(0);
    const shapes = section.locator('path.spread-area');
    await expect(shapes).toHaveCount(areas.length);
    for (const a of areas) {
      const shape = section.locator(`path[data-area-id="${a.id}"]`);
      // the largest area is the darkest class, an area with nothing funded the lightest
      if (a.funded === max) await expect(shape).toHaveClass(/spread-area--class-4/);
      if (a.funded === 0) await expect(shape).toHaveClass(/spread-area--class-0/);
      await expect(shape).toHaveAttribute('data-value', String(a.funded));
    }
    // the voter's area: withheld on the map as in the table
    const withheld = section.locator(`path[data-area-id="${area}"]`);
    await expect(withheld).toHaveAttribute('data-share', 'withheld');
    await expect(withheld).toHaveClass(/spread-area--withheld/);
    await expect(section.locator('path.spread-area--withheld')).toHaveCount(areas.filter((a) => a.share !== null && typeof a.share === 'object').length);
    await expect(section.getByTestId('spread-legend-withheld')).toBeVisible();
    await expect(section.getByRole('row', { name: new RegExp(`^${areas.find((a) => a.id === area)!.name}`) })).toContainText('hidden');
    await expect(section.locator(`.spread-map .budget-project-marker[data-project-id="${project.id}"]`)).toHaveCount(1);
  }
  const axe = await new AxeBuilder({ page: visitor }).include('[data-testid="budget-spread"]').withTags(WCAG_TAGS).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await visitorContext.close();
});
