// the touch-table budget game at 1920×1080 with touch: a facilitator starts it for the session, two hands drag tokens
// onto project cards at once, an over-spend bounces back with a message, a token moves to another card, "count" shows
// what the room funded under both rules and saves it as a workshop allocation, and "what we heard" mentions it.
import AxeBuilder from '@axe-core/playwright';
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD, expect, test } from './support/appServer.ts';
import type { Page } from '@playwright/test';
import { centreOf, dragTogether, longPress, touchSession } from './support/touch.ts';

// run by the table project only (playwright.config.ts: *.table.spec.ts), at 1920×1080 with touch

const SHOTS = 'test/output/screenshots';
const SLUG = 'neighbourhood-plan';
const card = (page: Page, id: string) => page.getByTestId(`game-card-${id}`);
const token = (page: Page, side: string) => page.getByTestId(`game-token-${side}`);

test('two hands drag budget tokens at once, an over-spend bounces back, count saves what the room funded', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const cdp = await touchSession(page);
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  const signIn = await page.request.post('/api/session', { data: { email: E2E_ADMIN_EMAIL, password: E2E_ADMIN_PASSWORD } });
  expect(signIn.ok()).toBe(true);
  const before = (await (await page.request.get(`/api/consultations/${SLUG}/budget/results`)).json()) as { workshopAllocations: unknown[] };

  await page.goto(`/c/${SLUG}/table?idle=600`);
  await expect(page.getByRole('region', { name: 'Stickers for the bottom side' }).getByRole('button', { name: 'Green space', exact: true })).toBeVisible();
  await longPress(cdp, { x: 40, y: 1040 });
  const panel = page.getByRole('dialog', { name: 'Facilitator' });
  await panel.getByLabel('Session name').fill('Budget evening');
  await panel.getByRole('button', { name: 'Start session' }).click();
  await panel.getByRole('button', { name: 'Start the budget game' }).click();
  await expect(panel).toBeHidden();
  const game = page.getByRole('dialog', { name: 'Budget game' });
  await expect(card(page, 'hollins-play')).toBeVisible();
  await expect(page.getByTestId('game-pot-bottom')).toHaveText('£60,000 left of £60,000');

  // two hands at once: bottom puts a token on the play area (£25,000), top on the speed cushions (£22,000)
  await dragTogether(cdp, [
    { id: 1, from: await centreOf(token(page, 'bottom')), to: await centreOf(card(page, 'hollins-play')) },
    { id: 2, from: await centreOf(token(page, 'top')), to: await centreOf(card(page, 'speed-cushions')) },
  ]);
  await expect(page.getByTestId('game-pot-bottom')).toHaveText('£35,000 left of £60,000');
  await expect(page.getByTestId('game-pot-top')).toHaveText('£38,000 left of £60,000');
  await expect(page.getByTestId('game-total-hollins-play')).toHaveText('£25,000 from the table');

  // again together: bottom adds the speed cushions (£22,000, £13,000 left); the left end takes the junction trees
  await dragTogether(cdp, [
    { id: 3, from: await centreOf(token(page, 'bottom')), to: await centreOf(card(page, 'speed-cushions')) },
    { id: 4, from: await centreOf(token(page, 'left')), to: await centreOf(card(page, 'junction-trees')) },
  ]);
  await expect(page.getByTestId('game-pot-bottom')).toHaveText('£13,000 left of £60,000');
  await expect(page.getByTestId('game-total-speed-cushions')).toHaveText('£44,000 from the table');
  await expect(page.getByTestId('game-pot-left')).toHaveText('£48,000 left of £60,000');

  // the meeting room (£18,000) does not fit in bottom's £13,000: refused, said plainly, nothing changes
  await dragTogether(cdp, [{ id: 5, from: await centreOf(token(page, 'bottom')), to: await centreOf(card(page, 'meeting-room')) }]);
  await expect(page.getByTestId('game-note-bottom')).toHaveText('Not enough left: this costs £18,000, your side has £13,000.');
  await expect(page.getByTestId('game-pot-bottom')).toHaveText('£13,000 left of £60,000');
  await expect(page.getByTestId('game-total-meeting-room')).toHaveText('£0 from the table');

  // top changes its mind: its token moves from the speed cushions to the junction trees
  await dragTogether(cdp, [{ id: 6, from: await centreOf(page.getByTestId('game-slot-speed-cushions-top')), to: await centreOf(card(page, 'junction-trees')) }]);
  await expect(page.getByTestId('game-pot-top')).toHaveText('£48,000 left of £60,000');
  await expect(page.getByTestId('game-total-speed-cushions')).toHaveText('£22,000 from the table');
  await expect(page.getByTestId('game-total-junction-trees')).toHaveText('£24,000 from the table');
  // the top tray and the cards of the far row face the far side
  expect(await page.getByTestId('game-tray-top').evaluate((el) => getComputedStyle(el).transform)).toMatch(/^matrix\(-1, [^,]+, [^,]+, -1,/);
  await page.screenshot({ path: `${SHOTS}/table-budget-${testInfo.project.name}-1-game.png` });
  const axe = await new AxeBuilder({ page }).include('[data-testid="budget-game"]').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  // count: sides are ballots: bottom {play 25,000, cushions 22,000}, top {trees}, left {trees}. Greedy: trees (2
  // votes) 12,000, then cushions (1, cheaper) 34,000, play 59,000: all fit. Equal Shares funds the same three
  await game.getByTestId('game-count').click();
  await expect(page.getByTestId('game-save')).toHaveText('Saved for the planners, beside the vote (not counted as ballots).');
  await expect(page.getByTestId('game-greedy')).toHaveText('£59,000 of £60,000: Trees and planters at the busy junction, Speed cushions on the main road, New play equipment in Hollins Park');
  await expect(page.getByTestId('game-equal-shares')).toContainText('£59,000 of £60,000');
  const after = (await (await page.request.get(`/api/consultations/${SLUG}/budget/results`)).json()) as { workshopAllocations: { allocation: Record<string, number>; sessionId: string; sessionName: string | null }[] };
  expect(after.workshopAllocations.length).toBe(before.workshopAllocations.length + 1);
  // the session's name goes with it, so planners read it rather than the session's id
  expect(after.workshopAllocations.at(-1)!.sessionName).toBe('Budget evening');
  expect(after.workshopAllocations.at(-1)!.allocation).toEqual({ 'hollins-play': 25_000, 'speed-cushions': 22_000, 'junction-trees': 24_000 });

  // back to the game and counting again without a change records nothing new
  await game.getByRole('button', { name: 'Back to the game' }).click();
  await game.getByTestId('game-count').click();
  await expect(page.getByTestId('game-save')).toHaveText('Saved for the planners, beside the vote (not counted as ballots).');
  const again = (await (await page.request.get(`/api/consultations/${SLUG}/budget/results`)).json()) as { workshopAllocations: unknown[] };
  expect(again.workshopAllocations.length).toBe(after.workshopAllocations.length);

  // "what we heard" for the session mentions the game
  await game.getByRole('button', { name: 'Close the game' }).last().click();
  await expect(game).toBeHidden();
  await longPress(cdp, { x: 40, y: 1040 });
  await panel.getByRole('button', { name: 'What we heard' }).first().click();
  await expect(page.getByTestId('summary-budget-game')).toContainText('Budget game: the table funded Trees and planters at the busy junction');
});

test('the results page says where the money goes, per area for both rules, and passes axe with it', async ({ page }) => {
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  expect((await page.request.post('/api/session', { data: { email: E2E_ADMIN_EMAIL, password: E2E_ADMIN_PASSWORD } })).ok()).toBe(true);
  await page.goto(`/c/${SLUG}/budget/results`);
  const spread = page.getByTestId('budget-spread');
  await expect(spread.getByRole('heading', { name: 'Where the money goes' })).toBeVisible();
  const results = (await (await page.request.get(`/api/consultations/${SLUG}/budget/results`)).json()) as { spread: { greedy: { areas: { name: string; funded: number }[] } } };
  // the table names every area and its money as the API counted it
  const first = results.spread.greedy.areas[0]!;
  await expect(spread.getByRole('row', { name: new RegExp(`^${first.name}`) })).toBeVisible();
  await expect(spread.getByRole('row')).toHaveCount(2 + results.spread.greedy.areas.length + 1);
  await expect(page.getByTestId('spread-share-greedy')).toContainText('of voters have at least one funded project they voted for');
  const axe = await new AxeBuilder({ page }).include('[data-testid="budget-spread"]').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
});
