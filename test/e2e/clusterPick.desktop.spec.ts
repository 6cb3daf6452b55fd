// a signed-in planner chooses a cluster on the planner map (by click, and by keyboard) and, for the pins of that
// cluster as the server lists them, starts a budget project draft from its priorities (the draft keeps their ids) or
// selects them for one answer (the confirmation names how many); the popup and the panels pass axe.
import type { Locator, Page, Request } from '@playwright/test';
import { expect, test } from './support/appServer.ts';
import { axeViolations, openPlanner, SHOTS } from './support/loopSteps.ts';

const API = '/api/consultations/neighbourhood-plan';
type Bbox = [number, number, number, number];
interface Mark { lng: number; lat: number; count: number; row: number; priority: number; bounds?: Bbox }
interface Page1 { total: number; rows: { id: string; title: string; position: [number, number] }[] }

const isClusters = (r: Request) => new URL(r.url()).pathname.endsWith('/aggregates/clusters');
const bboxOf = (r: Request): Bbox => new URL(r.url()).searchParams.get('bbox')!.split(',').map(Number) as Bbox;
const inside = ([lng, lat]: readonly [number, number], [w, s, e, n]: Bbox) => lng >= w && lng <= e && lat >= s && lat <= n;

test.use({ seedPins: 3000 });
test.setTimeout(120_000);

/** the Clusters layer of the signed-in planner view, and the raw marks the server sent for it */
async function showClusters(page: Page): Promise<Mark[] & { zoom: number }> {
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  await openPlanner(page);
  await expect(page.getByTestId('budget-planner').getByTestId('budget-voting-state')).toBeVisible();
  const answered = page.waitForResponse((r) => isClusters(r.request()) && r.ok());
  await page.getByLabel('Clusters').check();
  const response = await answered;
  const marks = ((await response.json()) as { marks: Mark[] }).marks;
  await expect(page.locator('.planner-map .planner-cluster').first()).toBeVisible();
  return Object.assign(marks, { zoom: Number(new URL(response.url()).searchParams.get('zoom')) });
}

/** a cluster marker of between `low` and `high` pins with priorities in it (and a count no other cluster has), and its mark */
function clusterMarker(page: Page, marks: readonly Mark[], low: number, high: number): { marker: Locator; mark: Mark } {
  const clusters = marks.filter((m) => m.row < 0);
  const unique = (m: Mark) => clusters.filter((o) => o.count === m.count).length === 1;
  const fits = clusters.filter((m) => m.bounds && m.count >= low && m.count <= high && m.priority > 0 && unique(m)).sort((a, b) => a.count - b.count);
  expect(fits.length, 'a cluster of a good size').toBeGreaterThan(0);
  const mark = fits[0]!;
  return { marker: page.locator(`.planner-map .planner-cluster[title="${mark.count} pins: choose what to do with them"]`), mark };
}

test('a planner starts a project from a cluster’s priorities, and the draft keeps their ids', async ({ page }) => {
  const marks = await showClusters(page);
  const { marker, mark: chosen } = clusterMarker(page, marks, 10, 400);
  const count = chosen.count;
  await expect(marker).toHaveCount(1);

  await marker.click();
  const popup = page.locator('.cluster-pick-popup');
  await expect(popup.getByRole('group', { name: new RegExp(`^A cluster of ${count} pins, \\d+ of them priorities$`) })).toBeVisible();
  // the first choice takes the focus, so the choice is heard; zooming in is still one of them
  await expect(popup.getByRole('button', { name: 'Select its pins to answer them' })).toBeFocused();
  await expect(popup.getByRole('button', { name: 'Zoom in' })).toBeVisible();
  expect(await axeViolations(page, '.cluster-pick-popup')).toEqual([]);
  await page.locator('.planner-map').screenshot({ path: `${SHOTS}/planner-cluster-pick.png` });

  const asked = page.waitForRequest((r) => new URL(r.url()).pathname.endsWith('/responses') && new URL(r.url()).searchParams.get('kind') === 'priority' && new URL(r.url()).searchParams.has('bbox'));
  await popup.getByRole('button', { name: /^Start a project from its priorities \(\d+\)$/ }).click();
  await expect(popup).toHaveCount(0);
  const request = await asked;
  const bbox = bboxOf(request);
  // the pins asked for are the cluster's: its extent as the server sent it, a hair wider
  for (let i = 0; i < 4; i++) expect(Math.abs(bbox[i]! - chosen.bounds![i]!)).toBeLessThan(1e-6);
  // the server's own list of the cluster's priorities, most supported first, as the test reads it
  const mine = (await (await page.request.get(`${API}/responses?kind=priority&bbox=${bbox.join(',')}&sort=supports&dir=desc&limit=50`)).json()) as Page1;
  expect(mine.rows.length).toBeGreaterThan(0);
  expect(mine.rows.every((r) => inside(r.position, chosen.bounds!))).toBe(true);

  const budget = page.getByTestId('budget-planner');
  const form = budget.locator('.budget-planner-project-form');
  await expect(form.getByLabel('Title')).toHaveValue(mine.rows[0]!.title);
  await expect(form.getByLabel('Title')).toBeFocused();
  await expect(form.getByTestId('project-source-pins').locator('li')).toHaveCount(mine.rows.length);
  await form.getByLabel('Title').fill('From the chosen cluster');
  await form.getByLabel('Cost (whole units)').fill('4000');
  await form.getByRole('button', { name: 'Add to the ballot' }).click();
  await expect(budget.getByText('“From the chosen cluster” is on the ballot.')).toBeVisible();
  const view = (await (await page.request.get(`${API}/budget`)).json()) as { projects: { title: string; pinIds: string[] }[] };
  const saved = view.projects.find((p) => p.title === 'From the chosen cluster')!;
  expect([...saved.pinIds].sort()).toEqual(mine.rows.map((r) => r.id).sort());
  expect(await axeViolations(page, '[data-testid="budget-planner"]')).toEqual([]);
});

test('a planner chooses a cluster by keyboard and answers its pins at once, the confirmation naming how many', async ({ page }) => {
  const marks = await showClusters(page);
  const { marker, mark: chosen } = clusterMarker(page, marks, 5, 300);
  await expect(marker).toHaveCount(1);

  await marker.focus();
  await page.keyboard.press('Enter');
  const popup = page.locator('.cluster-pick-popup');
  const select = popup.getByRole('button', { name: 'Select its pins to answer them' });
  await expect(select).toBeFocused();
  // Escape closes it and gives the focus back to the cluster
  await page.keyboard.press('Escape');
  await expect(popup).toHaveCount(0);
  await expect(marker).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(select).toBeFocused();

  const asked = page.waitForRequest((r) => new URL(r.url()).pathname.endsWith('/responses') && new URL(r.url()).searchParams.get('answer') === 'unanswered' && new URL(r.url()).searchParams.has('bbox') && new URL(r.url()).searchParams.get('limit') === '500');
  await page.keyboard.press('Enter');
  const bbox = bboxOf(await asked);
  for (let i = 0; i < 4; i++) expect(Math.abs(bbox[i]! - chosen.bounds![i]!)).toBeLessThan(1e-6);
  const before = (await (await page.request.get(`${API}/responses?answer=unanswered&bbox=${bbox.join(',')}&limit=500`)).json()) as Page1;
  const n = before.total;
  expect(n).toBeGreaterThan(0);
  expect(n).toBeLessThanOrEqual(500);

  const panel = page.locator('.answer-panel');
  const note = panel.getByText(`Pins of the chosen cluster selected: ${n} (the answer filter above applies). Answer them below.`);
  await expect(note).toBeFocused();
  await expect(panel.getByText(n === 1 ? '1 pin selected' : `${n} pins selected`)).toBeVisible();
  await panel.getByLabel('Answer', { exact: true }).selectOption('planned');
  await panel.getByRole('button', { name: 'Answer selected pins' }).click();
  await expect(panel.getByText(`Answer ${n} pin${n === 1 ? '' : 's'} as “Planned”? Residents see it at once.`)).toBeVisible();
  expect(await axeViolations(page, '.answer-panel')).toEqual([]);
  await panel.getByRole('button', { name: `Yes, answer ${n} pin${n === 1 ? '' : 's'}` }).click();
  await expect(panel.getByText(`${n} pin${n === 1 ? '' : 's'} answered.`)).toBeVisible();
  // every pin of the cluster's extent is answered now, and as planned
  const after = (await (await page.request.get(`${API}/responses?answer=unanswered&bbox=${bbox.join(',')}&limit=1`)).json()) as Page1;
  expect(after.total).toBe(0);
  const planned = (await (await page.request.get(`${API}/responses?answer=planned&bbox=${bbox.join(',')}&limit=500`)).json()) as Page1;
  expect(planned.rows.map((r) => r.id).sort()).toEqual(expect.arrayContaining(before.rows.map((r) => r.id)));

  // zooming into a cluster is still one choice away
  const zoomed = page.waitForRequest((r) => isClusters(r) && Number(new URL(r.url()).searchParams.get('zoom')) > marks.zoom);
  await page.locator('.planner-map .planner-cluster').first().click();
  await popup.getByRole('button', { name: 'Zoom in' }).click();
  await zoomed;
  await expect(popup).toHaveCount(0);
});
