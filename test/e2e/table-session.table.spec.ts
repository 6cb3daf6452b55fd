// the touch-table against its real server (not ?server=off) at 1920×1080 with touch: a facilitator signs in and
// starts a session on purpose with the on-screen keyboard, two sides type notes at once on their own keyboards and the
// words reach the server, next group resets the table visibly, and ending the session asks first; axe checks each view.
import AxeBuilder from '@axe-core/playwright';
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD, expect, test } from './support/appServer.ts';
import type { CDPSession, Locator, Page } from '@playwright/test';
import { centreOf, dragTogether, longPress, steadyCentreOf, tap, touchSession } from './support/touch.ts';

// run by the table project only (playwright.config.ts: *.table.spec.ts), at 1920×1080 with touch

const SHOTS = 'test/output/screenshots';
type Side = 'bottom' | 'top' | 'left' | 'right';

interface ServerPin {
  id: string;
  properties: { theme: string; kind: string; note?: string; sessionId?: string };
}

const palette = (page: Page, side: Side) => page.getByRole('region', { name: `Stickers for the ${side} side` });
const sticker = (page: Page, side: Side, theme: string) => palette(page, side).getByRole('button', { name: theme, exact: true });
const keyboard = (page: Page, side: Side) => page.getByRole('group', { name: `Keyboard for the ${side} side` });

/** taps the keys for a text on a side's keyboard, with Capitals for capital letters and ?123 for what is only there */
async function typeWithKeys(cdp: CDPSession, board: Locator, text: string) {
  for (const ch of text) {
    if (ch === ' ') {
      await tap(cdp, await centreOf(board.getByRole('button', { name: 'space', exact: true })));
      continue;
    }
    const lower = ch.toLowerCase();
    if (ch !== lower) await tap(cdp, await centreOf(board.getByRole('button', { name: 'Capitals' })));
    await tap(cdp, await centreOf(board.getByRole('button', { name: ch === lower ? ch : ch, exact: true })));
  }
}

type Box = { x: number; y: number; width: number; height: number };
const intersects = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
async function box(locator: Locator): Promise<Box> {
  const b = await locator.boundingBox();
  if (!b) throw new Error('no box');
  return b;
}

async function axeViolations(page: Page, label: string): Promise<string[]> {
  const all = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).disableRules(['target-size']).analyze();
  const targets = await new AxeBuilder({ page }).withRules(['target-size']).exclude('.leaflet-marker-pane').analyze();
  return [...all.violations, ...targets.violations].map((v) => `${label}: ${v.id} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

test('a session is started on purpose, notes typed on two on-screen keyboards at once reach the server, next group resets, end asks first', async ({ page, request }, testInfo) => {
  test.setTimeout(120_000);
  const cdp = await touchSession(page);
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  await page.goto('/table?idle=600');
  await expect(sticker(page, 'bottom', 'Green space')).toBeVisible();
  await expect(page.locator('.area-label').first()).toBeVisible();
  const serverPins = async (): Promise<ServerPin[]> => ((await (await request.get('/api/pins')).json()) as { features: ServerPin[] }).features;
  const residentPins = (await serverPins()).length;
  // the map starts with no one else's pins: only this session's, and there is no session yet
  await expect(page.locator('.leaflet-marker-pane [data-pin-id]')).toHaveCount(0);
  await expect(palette(page, 'bottom').getByText('No session yet: a facilitator starts one')).toBeVisible();

  // a passer-by's drop starts nothing and pins nothing, and says why, facing them
  await dragTogether(cdp, [{ id: 1, from: await centreOf(sticker(page, 'bottom', 'Housing')), to: { x: 900, y: 560 } }]);
  await expect(page.getByText('No session is running yet, so nothing was pinned.', { exact: false })).toBeVisible();
  await expect(page.locator('form.note-card')).toHaveCount(0);
  expect((await serverPins()).length).toBe(residentPins);

  // the facilitator signs in with the on-screen keyboard: there is no physical one at the table
  await longPress(cdp, { x: 40, y: 1040 });
  const panel = page.getByRole('dialog', { name: 'Facilitator' });
  await tap(cdp, await centreOf(panel.getByLabel('E-mail', { exact: true })));
  const bottomKeys = keyboard(page, 'bottom');
  await expect(bottomKeys).toBeVisible();
  // e-mail is typed in Latin letters and digits, with @ and . on the letters
  await typeWithKeys(cdp, bottomKeys, E2E_ADMIN_EMAIL);
  await expect(panel.getByLabel('E-mail', { exact: true })).toHaveValue(E2E_ADMIN_EMAIL);
  // the panel moved up out of the keyboard's way
  expect(intersects(await box(panel), await box(bottomKeys))).toBe(false);
  await page.screenshot({ path: `${SHOTS}/table17-${testInfo.project.name}-1-sign-in-keyboard.png` });
  await tap(cdp, await centreOf(panel.getByLabel('Password', { exact: true })));
  // one keyboard per side: the same one now types the password
  await expect(page.locator('.table-keyboard')).toHaveCount(1);
  await typeWithKeys(cdp, bottomKeys, E2E_ADMIN_PASSWORD);
  await expect(panel.getByLabel('Password', { exact: true })).toHaveValue(E2E_ADMIN_PASSWORD);
  await tap(cdp, await centreOf(bottomKeys.getByRole('button', { name: 'Done', exact: true })));
  await expect(bottomKeys).toBeHidden();
  await tap(cdp, await centreOf(panel.getByRole('button', { name: 'Sign in', exact: true })));

  // and starts a session on purpose
  const sessionName = 'Spring hall';
  await panel.getByLabel('Session name').fill(sessionName);
  await panel.getByRole('button', { name: 'Start session' }).click();
  await expect(panel.getByRole('heading', { name: `Session: ${sessionName}` })).toBeVisible();
  expect(await axeViolations(page, 'panel')).toEqual([]);
  await panel.getByRole('button', { name: 'Close panel' }).click();
  await expect(palette(page, 'top').getByText(`${sessionName} · group 1`)).toBeVisible();

  // other pins are one toggle away, small and grey; off again for the session
  await longPress(cdp, { x: 40, y: 1040 });
  await panel.getByLabel('Other pins').check();
  await expect(page.locator('.leaflet-marker-pane [data-look="other"]')).toHaveCount(residentPins);
  await panel.getByLabel('Other pins').uncheck();
  await panel.getByRole('button', { name: 'Close panel' }).click();
  await expect(page.locator('.leaflet-marker-pane [data-pin-id]')).toHaveCount(0);

  // the top side picks "change"; both sides drop a sticker at once and type a note at once, each on their keyboard
  await tap(cdp, await centreOf(palette(page, 'top').getByRole('button', { name: 'Something to change' })));
  await dragTogether(cdp, [
    { id: 1, from: await centreOf(sticker(page, 'bottom', 'Green space')), to: { x: 860, y: 560 } },
    { id: 2, from: await centreOf(sticker(page, 'top', 'Transport & streets')), to: { x: 1080, y: 470 } },
  ]);
  const keepCard = page.getByRole('form', { name: 'Pinned: Green space' });
  const changeCard = page.getByRole('form', { name: 'Pinned: Transport & streets' });
  // each person touches their own card's field; a keyboard opening moves the cards apart, so the second touch waits
  // for its card to settle where the first one's keyboard pushed it (a touch where it was would miss)
  const topKeys = keyboard(page, 'top');
  await tap(cdp, await steadyCentreOf(keepCard.getByLabel('Add a short note (optional)')));
  await expect(bottomKeys).toBeVisible();
  await tap(cdp, await steadyCentreOf(changeCard.getByLabel('Add a short note (optional)')));
  await expect(topKeys).toBeVisible();
  await expect(bottomKeys).toBeVisible();
  // each faces its side, along its own edge, clear of the other sides' palettes, of the other keyboard and of its card
  expect(await topKeys.evaluate((el) => getComputedStyle(el).transform)).toMatch(/^matrix\(-1, [^,]+, [^,]+, -1,/);
  for (const [side, keys, card] of [['bottom', bottomKeys, keepCard], ['top', topKeys, changeCard]] as const) {
    const k = await box(keys);
    for (const other of ['bottom', 'top', 'left', 'right'] as const) if (other !== side) expect(intersects(k, await box(palette(page, other)))).toBe(false);
    expect(intersects(k, await box(card))).toBe(false);
  }
  expect(intersects(await box(bottomKeys), await box(topKeys))).toBe(false);
  // and the two cards moved apart so neither covers the other's field
  expect(intersects(await box(keepCard), await box(changeCard))).toBe(false);
  // keys are turns taken by two people: letters go to their own card whoever touched last
  for (const [bottomWord, topWord] of [['Keep', 'Safer'], [' the', ' crossing'], [' oak', ' please']]) {
    await typeWithKeys(cdp, bottomKeys, bottomWord!);
    await typeWithKeys(cdp, topKeys, topWord!);
  }
  await expect(keepCard.getByLabel('Add a short note (optional)')).toHaveValue('Keep the oak');
  await expect(changeCard.getByLabel('Add a short note (optional)')).toHaveValue('Safer crossing please');
  await page.screenshot({ path: `${SHOTS}/table17-${testInfo.project.name}-2-two-keyboards.png` });
  expect(await axeViolations(page, 'keyboards')).toEqual([]);
  await tap(cdp, await centreOf(keepCard.getByRole('button', { name: 'Save note' })));
  await tap(cdp, await centreOf(changeCard.getByRole('button', { name: 'Save note' })));
  // a card that goes takes its keyboard with it
  await expect(page.locator('.table-keyboard')).toHaveCount(0);
  await expect
    .poll(async () => (await serverPins()).filter((p) => p.properties.sessionId).map((p) => `${p.properties.kind}:${p.properties.note ?? ''}`).sort())
    .toEqual(['asset:Keep the oak', 'priority:Safer crossing please']);

  // next group: a welcome, every palette back to keep, the last group's pins paler
  await longPress(cdp, { x: 1880, y: 40 });
  await panel.getByRole('button', { name: 'Next group' }).click();
  const welcome = page.getByRole('dialog', { name: 'Welcome, group 2' });
  await expect(welcome).toBeVisible();
  await expect(palette(page, 'top').getByRole('button', { name: 'Something to keep' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.leaflet-marker-pane [data-look="earlier"]')).toHaveCount(2);
  expect(Number(await page.locator('.leaflet-marker-pane [data-look="earlier"]').first().evaluate((el) => getComputedStyle(el).opacity))).toBeLessThan(0.75);
  await page.screenshot({ path: `${SHOTS}/table17-${testInfo.project.name}-3-welcome.png` });
  expect(await axeViolations(page, 'welcome')).toEqual([]);
  await tap(cdp, { x: 960, y: 800 });
  await expect(welcome).toBeHidden();
  await expect(palette(page, 'bottom').getByText(`${sessionName} · group 2`)).toBeVisible();
  await dragTogether(cdp, [{ id: 3, from: await centreOf(sticker(page, 'left', 'Safety')), to: { x: 760, y: 640 } }]);
  await expect(page.locator('.leaflet-marker-pane [data-look="current"]')).toHaveCount(1);
  await page.getByRole('form', { name: 'Pinned: Safety' }).getByRole('button', { name: 'Skip' }).click();
  await page.screenshot({ path: `${SHOTS}/table17-${testInfo.project.name}-4-next-group-map.png` });

  // ending asks first, with large buttons in the panel; "keep going" keeps the session
  await longPress(cdp, { x: 40, y: 1040 });
  await panel.getByRole('button', { name: 'End session' }).click();
  const confirm = panel.getByRole('alertdialog', { name: `End “${sessionName}”?` });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Keep the session going' })).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/table17-${testInfo.project.name}-5-end-confirm.png` });
  expect(await axeViolations(page, 'confirm')).toEqual([]);
  await tap(cdp, await centreOf(confirm.getByRole('button', { name: 'Keep the session going' })));
  await expect(confirm).toBeHidden();
  await expect(panel.getByRole('heading', { name: `Session: ${sessionName}` })).toBeVisible();
  await panel.getByRole('button', { name: 'End session' }).click();
  await tap(cdp, await centreOf(confirm.getByRole('button', { name: 'Yes, end the session' })));

  // what we heard: keep and change apart, area names, the notes in people's words, from every side
  const summary = page.getByRole('dialog', { name: `What we heard at “${sessionName}”` });
  await expect(summary).toBeVisible();
  const readOut = summary.locator('.summary-column--bottom');
  await expect(readOut.getByText('3 pins: 2 to keep, 1 to change')).toBeVisible();
  await expect(readOut.locator('.summary-kind--keep blockquote')).toHaveText(['“Keep the oak”']);
  await expect(readOut.locator('.summary-kind--change blockquote')).toHaveText(['“Safer crossing please”']);
  await expect(readOut.locator('.summary-kind--keep').getByRole('heading', { name: 'To keep' })).toBeVisible();
  await expect(readOut.locator('.summary-kind--change').getByRole('heading', { name: 'To change' })).toBeVisible();
  await expect(readOut.locator('.summary-kind--change .summary-kind-items li').first()).toContainText('Transport & streets in ');
  expect(await readOut.locator('.summary-quote').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(24);
  const left = summary.locator('.summary-end--left');
  const right = summary.locator('.summary-end--right');
  await expect(left).toContainText('Change: Transport & streets in');
  expect(await left.evaluate((el) => getComputedStyle(el).writingMode)).toBe('vertical-rl');
  expect(await right.evaluate((el) => getComputedStyle(el).transform)).toMatch(/^matrix\(-1, [^,]+, [^,]+, -1,/);
  await page.screenshot({ path: `${SHOTS}/table17-${testInfo.project.name}-6-what-we-heard.png` });
  expect(await axeViolations(page, 'summary')).toEqual([]);
});

test('the keyboard speaks the interface language: Welsh accents on a row, Polish on long press, Urdu letters right to left', async ({ page }, testInfo) => {
  const cdp = await touchSession(page);
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  for (const lang of ['cy', 'ur']) {
    await page.goto(`/table?idle=600&server=off&lang=${lang}`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.locator('.area-label').first()).toBeVisible();
    await longPress(cdp, { x: 40, y: 1040 });
    const panel = page.getByRole('dialog');
    // the session name is typed from the panel side's keyboard, in the language's script
    const name = panel.locator('input[type="text"]').first();
    await tap(cdp, await centreOf(name));
    const board = page.locator('.table-keyboard[data-keyboard-side="bottom"]');
    await expect(board).toBeVisible();
    const key = (ch: string) => board.getByRole('button', { name: ch, exact: true }).first();
    if (lang === 'cy') {
      for (const ch of ['c', 'w', 'r']) await tap(cdp, await centreOf(key(ch)));
      await tap(cdp, await centreOf(board.locator('.table-keyboard-row--extra').getByRole('button', { name: 'ŵ', exact: true })));
      // a long press on a shows its other forms, Polish ą among them
      const a = await centreOf(key('a'));
      await longPress(cdp, a, 700);
      await tap(cdp, await centreOf(board.locator('.table-keyboard-row--extra').getByRole('button', { name: 'ą', exact: true })));
      await expect(name).toHaveValue('cwrŵą');
    } else {
      await expect(board.locator('.table-keyboard-row').nth(0)).toHaveAttribute('dir', 'rtl');
      for (const ch of ['ب', 'ا', 'غ']) await tap(cdp, await centreOf(key(ch)));
      await expect(name).toHaveValue('باغ');
      await expect(board.getByRole('button', { name: 'a', exact: true })).toHaveCount(0);
    }
    await page.screenshot({ path: `${SHOTS}/table17-${testInfo.project.name}-7-keyboard-${lang}.png` });
    expect(await axeViolations(page, `keyboard ${lang}`)).toEqual([]);
  }
});

test('in right-to-left Urdu the welcome, the end confirmation and what we heard have no axe violations either', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const cdp = await touchSession(page);
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  await page.goto('/table?idle=600&server=off&lang=ur');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('.area-label').first()).toBeVisible();
  await longPress(cdp, { x: 40, y: 1040 });
  const panel = page.locator('.facilitator-panel');
  await panel.locator('input[type="text"]').first().fill('باغ کی میٹنگ');
  await panel.locator('form button[type="submit"]').click();
  await expect(panel.locator('.panel-actions')).toBeVisible();
  await panel.locator('.panel-header button').click();
  await dragTogether(cdp, [{ id: 1, from: await centreOf(page.locator('.palette--bottom .sticker').first()), to: { x: 860, y: 560 } }]);
  const card = page.locator('form.note-card');
  await card.locator('textarea').fill('بڑا درخت رہنے دیں');
  await card.locator('button[type="submit"]').click();
  await expect(card).toHaveCount(0);

  await longPress(cdp, { x: 40, y: 1040 });
  await panel.locator('.panel-actions .table-button--primary').first().click();
  await expect(page.locator('.welcome')).toContainText('خوش آمدید، گروپ 2');
  expect(await axeViolations(page, 'ur welcome')).toEqual([]);
  await tap(cdp, { x: 960, y: 800 });
  await expect(page.locator('.welcome')).toHaveCount(0);

  await longPress(cdp, { x: 40, y: 1040 });
  await panel.locator('.panel-actions .table-button--danger').click();
  await expect(page.locator('.end-confirm')).toContainText('ختم کریں؟');
  expect(await axeViolations(page, 'ur confirm')).toEqual([]);
  await page.locator('.end-confirm .table-button--danger').click();
  const summary = page.locator('.summary');
  await expect(summary.locator('.summary-column--bottom blockquote')).toHaveText(['“بڑا درخت رہنے دیں”']);
  // right to left, each short end's headline still lies along its own end
  expect((await box(summary.locator('.summary-end--left'))).x).toBeLessThan(200);
  expect((await box(summary.locator('.summary-end--right'))).x).toBeGreaterThan(1700);
  await page.screenshot({ path: `${SHOTS}/table17-${testInfo.project.name}-8-what-we-heard-ur.png` });
  expect(await axeViolations(page, 'ur summary')).toEqual([]);
});
