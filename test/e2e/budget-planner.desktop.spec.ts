// run by the desktop project only (playwright.config.ts: *.desktop.spec.ts): the planner view is a desktop tool.
// a planner sets up the community budget in the planner view (settings, a project by hand, one started from two
// priority pins with the assets near it), sees the projects on the planner map; a resident sees them on the ballot's
// list and map, and when voting closes under them the refusal is in the resident's language.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD, expect, test } from './support/appServer.ts';

const SLUG = 'neighbourhood-plan';
const API = `/api/consultations/${SLUG}`;
const XSS = '<img src=x onerror=alert(1)>';
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const polish = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../src/i18n/locales/pl/budget.json'), 'utf8')) as { budget: Record<string, string> };
const polishRefusals = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../src/i18n/locales/pl/budgetPlanner.json'), 'utf8')) as { budgetRefusal: Record<string, string> };

interface ApiPin {
  id: string;
  geometry: { coordinates: [number, number] };
  properties: { kind: string; title: string };
}

test.beforeEach(async ({ page }) => {
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.fulfill({ status: 204, body: '' }));
});

async function violations(page: Page, include: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include(include).withTags(WCAG_TAGS).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function openPlanner(page: Page, query = ''): Promise<void> {
  const signIn = await page.request.post('/api/session', { data: { email: E2E_ADMIN_EMAIL, password: E2E_ADMIN_PASSWORD } });
  expect(signIn.ok()).toBe(true);
  await page.goto(`/c/${SLUG}/planner${query}`);
  await expect(page.getByTestId('budget-planner').locator('.budget-planner-pins tbody tr').first()).toBeVisible({ timeout: 30_000 });
}

test('a planner sets up the budget and its projects, one from pins; a resident sees them on the ballot, and a refusal in Polish', async ({ page, browser, appServer }) => {
  await openPlanner(page);
  const budget = page.getByTestId('budget-planner');
  await expect(budget.getByTestId('budget-voting-state')).toHaveText('Voting is open.');

  // the total goes up
  await budget.getByLabel('Total to spend (whole units)').fill('70000');
  await budget.getByLabel('What the ballot says at its top').fill(`For the square and the park ${XSS}`);
  await budget.getByRole('button', { name: 'Save the settings' }).click();
  await expect(budget.getByText('The budget settings are saved.')).toBeVisible();
  await expect(budget.getByTestId('budget-planner-total')).toContainText('9 projects costing £105,000 in all; the budget is £70,000.');

  // a project by hand, at a resident's asset, so that asset is "near" it
  const pins = ((await (await page.request.get(`${API}/pins`)).json()) as { features: ApiPin[] }).features;
  const asset = pins.find((p) => p.properties.kind === 'asset')!;
  await budget.getByRole('button', { name: 'Add a project' }).click();
  const form = budget.locator('.budget-planner-project-form');
  await expect(form.getByLabel('Title')).toBeFocused();
  await form.getByLabel('Title').fill(`Bike racks ${XSS}`);
  await form.getByLabel('What the ballot says about it').fill('Twelve covered racks.');
  await form.getByLabel('Cost (whole units)').fill('3000');
  await form.getByLabel('Theme').selectOption({ index: 1 });
  await form.getByRole('radio', { name: 'A point' }).check();
  await form.getByLabel('Longitude').fill(String(asset.geometry.coordinates[0]));
  await form.getByLabel('Latitude').fill(String(asset.geometry.coordinates[1]));
  await expect(form.getByTestId('assets-near')).toContainText(`${asset.properties.title} 0 m`);
  await form.getByRole('button', { name: 'Add to the ballot' }).click();
  await expect(budget.getByText(`“Bike racks ${XSS}” is on the ballot.`)).toBeVisible();
  const racksRow = budget.getByRole('row', { name: new RegExp(`Bike racks`) });
  await expect(racksRow).toContainText('£3,000');
  await expect(racksRow).toContainText(asset.properties.title);
  await expect(budget.locator('img')).toHaveCount(0);

  // a project from two residents' priorities: the draft takes the more supported one's title and links both
  const pinRows = budget.locator('.budget-planner-pins tbody tr');
  const first = (await pinRows.nth(0).getByRole('rowheader').textContent())!;
  const second = (await pinRows.nth(1).getByRole('rowheader').textContent())!;
  await budget.getByRole('checkbox', { name: `Choose “${first}”` }).check();
  await budget.getByRole('checkbox', { name: `Choose “${second}”` }).check();
  await expect(budget.getByText('2 pins chosen')).toBeVisible();
  await budget.getByRole('button', { name: 'Start a project from these' }).click();
  await expect(form.getByLabel('Title')).toHaveValue(first);
  await expect(form.getByLabel('Title')).toBeFocused();
  await expect(form.getByLabel('What the ballot says about it')).toHaveValue(new RegExp(second.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await expect(form.getByRole('radio', { name: 'A point' })).toBeChecked();
  await expect(form.getByText('It answers 2 residents’ pins')).toBeVisible();
  await form.getByLabel('Cost (whole units)').fill('5000');
  await form.getByRole('button', { name: 'Add to the ballot' }).click();
  await expect(budget.getByText(`“${first}” is on the ballot.`)).toBeVisible();
  await expect(budget.getByTestId('budget-planner-total')).toContainText('11 projects costing £113,000');
  expect(await violations(page, '[data-testid="budget-planner"]')).toEqual([]);

  // the server keeps the link to the pins, and the place
  const view = (await (await page.request.get(`${API}/budget`)).json()) as { projects: { title: string; pinIds: string[]; location: unknown }[] };
  const fromPins = view.projects.find((p) => p.title === first)!;
  const ids = pins.filter((p) => p.properties.title === first || p.properties.title === second).map((p) => p.id);
  expect(fromPins.pinIds.sort()).toEqual(ids.sort());
  expect(fromPins.location).toMatchObject({ point: [expect.any(Number), expect.any(Number)] });

  // every located project is a marker on the planner map: the demo's 9 and the 2 new ones
  await expect(page.locator('.planner-map .budget-project-marker')).toHaveCount(11);
  await expect(page.locator(`.planner-map .budget-project-marker[title^="Bike racks ${XSS}"]`)).toHaveCount(1);
  // a marker picked with the keyboard opens its project's form
  const plannerMarker = page.locator('.planner-map .budget-project-marker[title^="Bike racks"]');
  await plannerMarker.focus();
  await plannerMarker.press('Enter');
  await expect(form.getByRole('heading', { name: `Change “Bike racks ${XSS}”` })).toBeVisible();
  await expect(form.getByLabel('Title')).toBeFocused();
  await form.getByRole('button', { name: 'Cancel' }).click();

  // a resident, in Polish, sees the new projects on the ballot's list and on its map
  const context = await browser.newContext({ baseURL: appServer.url });
  const resident = await context.newPage();
  await resident.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.fulfill({ status: 204, body: '' }));
  await resident.goto(`/c/${SLUG}/budget?lang=pl`);
  await expect(resident.getByRole('checkbox')).toHaveCount(11);
  await expect(resident.getByTestId('budget-own-intro')).toHaveText(`For the square and the park ${XSS}`);
  await expect(resident.locator('main img')).toHaveCount(0);
  const racks = resident.getByRole('checkbox', { name: `Bike racks ${XSS}` });
  await expect(racks).toBeVisible();
  await expect(resident.getByRole('checkbox', { name: first, exact: true })).toBeVisible();
  await expect(resident.locator('.ballot-map .budget-project-marker')).toHaveCount(11);
  // picking a marker on the map takes the keyboard to its project in the list
  const marker = resident.locator(`.ballot-map .budget-project-marker[title^="Bike racks"]`);
  await marker.focus();
  await marker.press('Enter');
  await expect(racks).toBeFocused();
  await racks.check();
  await expect(resident.locator('.ballot-map .budget-project-marker--on')).toHaveCount(1);
  // the filter narrows the map with the list
  await resident.getByLabel(polish.budget.theme!).selectOption({ index: 1 });
  const listed = await resident.getByRole('checkbox').count();
  expect(listed).toBeLessThan(11);
  await resident.getByLabel(polish.budget.theme!).selectOption('');

  // voting closes while the resident's page is open: the server refuses, and the page says so in Polish
  await budget.getByRole('button', { name: 'Close voting now' }).click();
  await expect(budget.getByTestId('budget-voting-state')).toHaveText('Voting has closed.');
  await resident.getByRole('button', { name: polish.budget.submit }).click();
  await expect(resident.getByTestId('ballot-status')).toContainText(polishRefusals.budgetRefusal['voting-closed']!);
  await expect(resident.getByTestId('ballot-status')).not.toContainText('Voting on this budget has closed');
  await context.close();

  // and opens again
  await budget.getByRole('button', { name: 'Open voting now' }).click();
  await expect(budget.getByTestId('budget-voting-state')).toHaveText('Voting is open.');
});

test('the planner\u2019s budget section and its project form pass axe in right-to-left Urdu', async ({ page }) => {
  await openPlanner(page, '?lang=ur');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const budget = page.getByTestId('budget-planner');
  await budget.locator('.budget-planner-pins tbody tr').first().getByRole('checkbox').check();
  await budget.locator('.budget-planner-pins > button.button--primary').click();
  await expect(budget.locator('.budget-planner-project-form')).toBeVisible();
  expect(await violations(page, '[data-testid="budget-planner"]')).toEqual([]);
});

test('the pin picked in the response explorer starts a project that answers it', async ({ page }) => {
  await openPlanner(page);
  const row = page.locator('.explorer-table tbody tr').filter({ has: page.getByRole('cell', { name: 'Something to change', exact: true }) }).first();
  const title = (await row.getByRole('rowheader').textContent())!;
  await row.getByRole('button', { name: `Show “${title}” on the map` }).click();
  const budget = page.getByTestId('budget-planner');
  await budget.getByRole('button', { name: `Start a project from the pin picked in the explorer: “${title}”` }).click();
  const form = budget.locator('.budget-planner-project-form');
  await expect(form.getByLabel('Title')).toHaveValue(title);
  await expect(form.getByLabel('Title')).toBeFocused();
  await expect(form.getByText('It answers 1 resident’s pin')).toBeVisible();
  await expect(form.getByTestId('project-source-pins')).toContainText(title);
});
