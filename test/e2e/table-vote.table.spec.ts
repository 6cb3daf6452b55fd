// formal voting at the touch-table, at 1920×1080 with touch: the facilitator switches the table to voter codes, a voter
// types their code on the on-screen keyboard, chooses projects (an over-spend cannot be chosen) and sends; the server
// has the ballot and no workshop allocation; the next voter finds a clean screen, the same code is refused, the
// facilitator leaves the mode, a voter who walks away is forgotten when the table goes idle; axe finds nothing in
// English or in right-to-left Urdu.
import AxeBuilder from '@axe-core/playwright';
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD, expect, test } from './support/appServer.ts';
import type { APIRequestContext, CDPSession, Locator, Page } from '@playwright/test';
import { centreOf, longPress, tap, touchSession } from './support/touch.ts';

// run by the table project only (playwright.config.ts: *.table.spec.ts), at 1920×1080 with touch

const SHOTS = 'test/output/screenshots';
const SLUG = 'neighbourhood-plan';
const keyboard = (page: Page) => page.locator('.table-keyboard[data-keyboard-side="bottom"]');
const card = (page: Page, id: string) => page.getByTestId(`vote-card-${id}`);
const box = (page: Page, id: string) => card(page, id).getByRole('checkbox');

/** fresh one-time codes, read off the planners' printable sheet (its text runs are hex strings) */
async function voterCodes(request: APIRequestContext, count: number): Promise<string[]> {
  const sheet = await request.get(`/api/consultations/${SLUG}/budget/voter-codes.pdf?count=${count}`);
  expect(sheet.ok()).toBe(true);
  const runs = [...(await sheet.body()).toString('latin1').matchAll(/<([0-9a-f]+)>/g)].map((m) => Buffer.from(m[1]!, 'hex').toString('latin1'));
  const codes = runs.filter((text) => /^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/.test(text));
  expect(codes).toHaveLength(count);
  return codes;
}

/** the ballots on the server as the staff's .pb export lists them (anonymous), each as its sorted project ids */
async function serverBallots(request: APIRequestContext): Promise<string[]> {
  const text = await (await request.get(`/api/consultations/${SLUG}/budget/export.pb`)).text();
  const votes = text.split('\n').slice(text.split('\n').indexOf('voter_id;vote') + 1).filter(Boolean);
  return votes.map((line) => line.split(';')[1]!.split(',').sort().join(','));
}

async function results(request: APIRequestContext) {
  return (await (await request.get(`/api/consultations/${SLUG}/budget/results`)).json()) as { voters: number; workshopAllocations: unknown[] };
}

/** taps a code in on the keyboard (small letters: codes do not care about case) */
async function typeCode(cdp: CDPSession, board: Locator, code: string) {
  for (const ch of code.toLowerCase()) await tap(cdp, await centreOf(board.getByRole('button', { name: ch, exact: true })));
}

async function tapOn(cdp: CDPSession, locator: Locator) {
  await tap(cdp, await centreOf(locator));
}

async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include('[data-testid="table-vote"]').include('.table-keyboard').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return result.violations.map((v) => `${v.id} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

async function openPanel(page: Page, cdp: CDPSession) {
  await expect(page.locator('.facilitator-corner--bottom-left')).toBeVisible();
  await longPress(cdp, { x: 40, y: 1040 });
  await expect(page.locator('.facilitator-panel')).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  expect((await page.request.post('/api/session', { data: { email: E2E_ADMIN_EMAIL, password: E2E_ADMIN_PASSWORD } })).ok()).toBe(true);
});

test('a voter types their code, chooses within the budget and votes once; the next voter starts clean and the same code is refused', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const cdp = await touchSession(page);
  const [code] = await voterCodes(page.request, 1);
  const before = await results(page.request);
  const ballotsBefore = await serverBallots(page.request);

  await page.goto(`/c/${SLUG}/table?idle=600`);
  await expect(page.getByRole('region', { name: 'Stickers for the bottom side' })).toBeVisible();
  await openPanel(page, cdp);
  const panel = page.getByRole('dialog', { name: 'Facilitator' });
  await tapOn(cdp, panel.getByRole('button', { name: 'Start formal voting' }));
  await expect(panel).toBeHidden();
  const vote = page.getByRole('region', { name: 'Formal voting' });
  await expect(vote.getByRole('heading', { name: 'Vote on the community budget' })).toBeVisible();
  const field = vote.getByLabel('Your voter code');
  await expect(vote.getByRole('button', { name: 'Show my ballot' })).toBeDisabled();
  // the workshop's stickers and notes are out of reach under the ballot
  await expect(page.locator('.table-workshop')).toHaveAttribute('inert', '');
  await page.locator('[data-drop-obstacle="palette-bottom"] button').first().focus();
  await expect(page.locator('[data-drop-obstacle="palette-bottom"] button').first()).not.toBeFocused();

  // voter 1: a touch on the box opens the bottom side's keyboard, Latin letters and digits, and the code goes in
  await tapOn(cdp, field);
  await expect(keyboard(page)).toBeVisible();
  await typeCode(cdp, keyboard(page), code!);
  await expect(field).toHaveValue(code!.toLowerCase());
  expect(await axe(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/table-vote-${testInfo.project.name}-1-code.png` });
  await tapOn(cdp, keyboard(page).getByRole('button', { name: 'Done', exact: true }));
  await tapOn(cdp, vote.getByRole('button', { name: 'Show my ballot' }));
  await expect(keyboard(page)).toBeHidden();

  // the play area (£25,000) and the speed cushions (£22,000): £13,000 left
  await expect(page.getByTestId('budget-left')).toHaveText('£0 chosen, £60,000 left of £60,000 · 0 projects chosen');
  await tapOn(cdp, card(page, 'hollins-play'));
  await tapOn(cdp, card(page, 'speed-cushions'));
  await expect(box(page, 'hollins-play')).toBeChecked();
  await expect(page.getByTestId('budget-left')).toHaveText('£47,000 chosen, £13,000 left of £60,000 · 2 projects chosen');
  // the meeting room (£18,000) does not fit: it cannot be chosen, and says why
  await expect(box(page, 'meeting-room')).toBeDisabled();
  await expect(card(page, 'meeting-room')).toContainText('Does not fit in what is left');
  await tapOn(cdp, card(page, 'meeting-room'));
  await expect(box(page, 'meeting-room')).not.toBeChecked();
  await expect(page.getByTestId('budget-left')).toHaveText('£47,000 chosen, £13,000 left of £60,000 · 2 projects chosen');
  // the cycle racks (£3,500) still fit
  await tapOn(cdp, card(page, 'station-bikes'));
  await expect(page.getByTestId('budget-left')).toHaveText('£50,500 chosen, £9,500 left of £60,000 · 3 projects chosen');
  expect(await axe(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/table-vote-${testInfo.project.name}-2-ballot.png` });

  await tapOn(cdp, vote.getByRole('button', { name: 'Send my ballot' }));
  await expect(vote.getByRole('heading', { name: 'Thank you, your ballot was received.' })).toBeVisible();
  expect(await axe(page)).toEqual([]);
  // the server has exactly this ballot, as a ballot: no workshop allocation came with it
  const after = await results(page.request);
  expect(after.voters).toBe(before.voters + 1);
  expect(after.workshopAllocations.length).toBe(before.workshopAllocations.length);
  const ballotsAfter = await serverBallots(page.request);
  expect(ballotsAfter.length).toBe(ballotsBefore.length + 1);
  expect(ballotsAfter.filter((b) => b === 'hollins-play,speed-cushions,station-bikes').length).toBe(ballotsBefore.filter((b) => b === 'hollins-play,speed-cushions,station-bikes').length + 1);

  // the next voter: no code, no choice, nothing of the voter before
  await tapOn(cdp, vote.getByRole('button', { name: 'Next voter' }));
  await expect(field).toHaveValue('');
  await expect(vote.getByTestId('table-vote-code-refusal')).toHaveText('');
  // the same code again: the ballot comes clean, and sending it is refused, saying why
  await tapOn(cdp, field);
  await typeCode(cdp, keyboard(page), code!);
  await tapOn(cdp, keyboard(page).getByRole('button', { name: 'Done', exact: true }));
  await tapOn(cdp, vote.getByRole('button', { name: 'Show my ballot' }));
  await expect(page.getByTestId('budget-left')).toHaveText('£0 chosen, £60,000 left of £60,000 · 0 projects chosen');
  for (const id of ['hollins-play', 'speed-cushions', 'station-bikes']) await expect(box(page, id)).not.toBeChecked();
  await tapOn(cdp, card(page, 'junction-trees'));
  await tapOn(cdp, vote.getByRole('button', { name: 'Send my ballot' }));
  await expect(vote.getByTestId('table-vote-code-refusal')).toHaveText('Not accepted: this voter code has already been used: each code votes once.');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  expect((await results(page.request)).voters).toBe(after.voters);
  expect(await axe(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/table-vote-${testInfo.project.name}-3-used-code.png` });

  // the facilitator leaves the mode: the workshop map is back, and with it nothing of the ballot
  await openPanel(page, cdp);
  await expect(panel.getByText('Formal voting is on at this table.')).toBeVisible();
  await tapOn(cdp, panel.getByRole('button', { name: 'Leave formal voting' }));
  await expect(vote).toBeHidden();
  await expect(page.locator('.table-workshop')).not.toHaveAttribute('inert');
  await expect(page.getByRole('region', { name: 'Stickers for the bottom side' }).getByRole('button', { name: 'Green space', exact: true })).toBeVisible();
});

test('in right-to-left Urdu the code is typed in Latin letters, an unknown code is refused, and every step passes axe', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const cdp = await touchSession(page);
  const [code] = await voterCodes(page.request, 1);
  const before = await results(page.request);
  await page.goto(`/c/${SLUG}/table?idle=600&lang=ur`);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('[data-drop-obstacle="palette-bottom"]')).toBeVisible();
  await openPanel(page, cdp);
  await tapOn(cdp, page.getByRole('button', { name: 'باقاعدہ ووٹنگ شروع کریں' }));
  const vote = page.getByTestId('table-vote');
  const field = vote.getByLabel('آپ کا ووٹر کوڈ');
  await tapOn(cdp, field);
  // the interface is Urdu, the code is not: its keyboard is Latin, left to right
  await expect(keyboard(page).locator('.table-keyboard-row').nth(1)).toHaveAttribute('dir', 'ltr');
  await typeCode(cdp, keyboard(page), '2222-2222-2222');
  expect(await axe(page)).toEqual([]);
  await tapOn(cdp, keyboard(page).getByRole('button', { name: 'ہو گیا', exact: true }));
  await tapOn(cdp, vote.getByRole('button', { name: 'میرا بیلٹ دکھائیں' }));
  await tapOn(cdp, card(page, 'river-benches'));
  await expect(box(page, 'river-benches')).toBeChecked();
  expect(await axe(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/table-vote-${testInfo.project.name}-4-ballot-ur.png` });
  await tapOn(cdp, vote.getByRole('button', { name: 'میرا بیلٹ بھیجیں' }));
  // refused in Urdu, back at the code with the choice kept
  await expect(vote.getByTestId('table-vote-code-refusal')).toHaveText(/^قبول نہیں ہوا: /);
  await expect(vote.getByTestId('table-vote-code-refusal')).not.toContainText('unknown');
  expect(await axe(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/table-vote-${testInfo.project.name}-5-unknown-code-ur.png` });

  // the right code, typed over the wrong one, sends the kept choice
  await tapOn(cdp, field);
  await tapOn(cdp, vote.getByRole('button', { name: 'کوڈ مٹائیں' }));
  await expect(field).toHaveValue('');
  // one character wrong is mended with the keyboard's delete key
  await typeCode(cdp, keyboard(page), `${code!.slice(0, -1)}2`);
  await tapOn(cdp, keyboard(page).getByRole('button', { name: 'مٹائیں' }));
  await expect(field).toHaveValue(code!.slice(0, -1).toLowerCase());
  await typeCode(cdp, keyboard(page), code!.slice(-1));
  await tapOn(cdp, keyboard(page).getByRole('button', { name: 'ہو گیا', exact: true }));
  await tapOn(cdp, vote.getByRole('button', { name: 'میرا بیلٹ دکھائیں' }));
  await expect(box(page, 'river-benches')).toBeChecked();
  await tapOn(cdp, vote.getByRole('button', { name: 'میرا بیلٹ بھیجیں' }));
  await expect(vote.getByRole('heading', { name: 'شکریہ، آپ کا بیلٹ موصول ہو گیا۔' })).toBeVisible();
  expect(await axe(page)).toEqual([]);
  expect((await results(page.request)).voters).toBe(before.voters + 1);
});

test('a voter who walks away leaves nothing: the table goes idle and the next person finds no code and no choice', async ({ page }) => {
  test.setTimeout(60_000);
  const cdp = await touchSession(page);
  const [code] = await voterCodes(page.request, 1);
  await page.goto(`/c/${SLUG}/table?idle=5`);
  await openPanel(page, cdp);
  await tapOn(cdp, page.getByRole('button', { name: 'Start formal voting' }));
  const vote = page.getByRole('region', { name: 'Formal voting' });
  const field = vote.getByLabel('Your voter code');
  await tapOn(cdp, field);
  await typeCode(cdp, keyboard(page), code!);
  await tapOn(cdp, keyboard(page).getByRole('button', { name: 'Done', exact: true }));
  await tapOn(cdp, vote.getByRole('button', { name: 'Show my ballot' }));
  await tapOn(cdp, card(page, 'youth-evenings'));
  await expect(box(page, 'youth-evenings')).toBeChecked();
  // nobody touches the table: the invitation comes, and lifting it shows a fresh start, still in formal voting
  const attract = page.locator('.attract');
  await expect(attract).toBeVisible({ timeout: 15_000 });
  await tapOn(cdp, attract);
  await expect(attract).toBeHidden();
  await expect(field).toHaveValue('');
  await tapOn(cdp, field);
  await typeCode(cdp, keyboard(page), code!);
  await tapOn(cdp, keyboard(page).getByRole('button', { name: 'Done', exact: true }));
  await tapOn(cdp, vote.getByRole('button', { name: 'Show my ballot' }));
  await expect(box(page, 'youth-evenings')).not.toBeChecked();
  await expect(page.getByTestId('budget-left')).toHaveText('£0 chosen, £60,000 left of £60,000 · 0 projects chosen');
});
