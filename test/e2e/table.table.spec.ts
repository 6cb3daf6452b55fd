// touch-table mode at 1920×1080 with touch: concurrent sticker drags from opposite palettes and from both short
// ends, next group, idle attract screen and "what we heard"; the side palettes stepping back on a smaller screen.
// Fingers are real touches sent through CDP, two ids interleaved.
import AxeBuilder from '@axe-core/playwright';
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD, expect, test } from './support/appServer.ts';
import type { CDPSession, Locator, Page } from '@playwright/test';
import { centreOf, dragTogether, longPress, tap, touchSession, type Point } from './support/touch.ts';

// run by the table project only (playwright.config.ts: *.table.spec.ts), at 1920×1080 with touch

const SHOTS = 'test/output/screenshots';

type Side = 'bottom' | 'top' | 'left' | 'right';

function palette(page: Page, side: Side): Locator {
  return page.getByRole('region', { name: `Stickers for the ${side} side` });
}

function sticker(page: Page, side: Side, theme: string): Locator {
  return palette(page, side).getByRole('button', { name: theme, exact: true });
}

/** the turn of an element's computed transform in whole degrees, clockwise as CSS rotate() counts it */
async function rotationOf(locator: Locator): Promise<number> {
  const transform = await locator.evaluate((el) => getComputedStyle(el).transform);
  const match = /^matrix\(([^,]+), ([^,]+),/.exec(transform);
  if (!match) throw new Error(`no 2d matrix in the computed transform "${transform}"`);
  return Math.round((Math.atan2(Number(match[2]), Number(match[1])) * 180) / Math.PI);
}

async function boxOf(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  if (!box) throw new Error('element has no box');
  return box;
}

/** pins in the app's IndexedDB, as the table stored them */
interface StoredPin {
  id: string;
  theme: string;
  kind: string;
  sessionId?: string;
  note?: string;
  coordinates: number[];
}

async function storedPins(page: Page): Promise<StoredPin[]> {
  return page.evaluate(
    () =>
      new Promise<StoredPin[]>((resolve, reject) => {
        const open = indexedDB.open('coplan');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          if (!open.result.objectStoreNames.contains('pins')) {
            open.result.close();
            reject(new Error('the app database has no pins store: is the table in device-only mode?'));
            return;
          }
          const request = open.result.transaction('pins').objectStore('pins').getAll();
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result.map((p: { id: string; properties: Omit<StoredPin, 'coordinates'>; geometry: { coordinates: number[] } }) => ({ ...p.properties, id: p.id, coordinates: p.geometry.coordinates })));
          };
        };
      }),
  );
}

/**
 * Each marker is there once and sits where its finger was lifted (markers are anchored at their centre), and the
 * pins are stored with the session's id and these `kind:theme` pairs; returns the stored session pins.
 */
async function expectLanded(page: Page, landed: ReadonlyArray<readonly [Locator, Point]>, kindThemes: string[]): Promise<StoredPin[]> {
  for (const [marker] of landed) await expect(marker).toHaveCount(1);
  for (const [marker, target] of landed) {
    const centre = await centreOf(marker);
    expect(Math.abs(centre.x - target.x)).toBeLessThanOrEqual(2);
    expect(Math.abs(centre.y - target.y)).toBeLessThanOrEqual(2);
  }
  await expect.poll(async () => (await storedPins(page)).filter((p) => p.sessionId).length).toBe(kindThemes.length);
  const stored = (await storedPins(page)).filter((p) => p.sessionId);
  expect(stored.map((p) => `${p.kind}:${p.theme}`).sort()).toEqual(kindThemes);
  return stored;
}

async function openTable(page: Page, idle = 600) {
  // tiles are off on the test server; anything that still asks for one is refused rather than sent out
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  // WARNING: the device-only mode (a hall without Wi-Fi), so the desktop and phone runs of this file, which share
  // one e2e server, never see each other's identical stickers live. That server-mode table pins keep their
  // session id is tested in test/unit/serverSyncStore.test.ts. Without a server nobody can check a password, so the
  // panel opens without one; the server-mode sign-in has its own test below.
  await page.goto(`/table?idle=${idle}&server=off`);
  await expect(sticker(page, 'bottom', 'Green space')).toBeVisible();
  await expect(page.locator('.area-label').first()).toBeVisible();
}

async function openPanel(page: Page, cdp: CDPSession) {
  // the bottom-left corner, whatever the screen's size
  await longPress(cdp, { x: 40, y: (page.viewportSize()?.height ?? 1080) - 40 });
  const panel = page.getByRole('dialog', { name: 'Facilitator' });
  await expect(panel).toBeVisible();
  await expect(panel.getByText('No server is connected: this table works on its own and nobody needs to sign in.')).toBeVisible();
  await expect(panel.getByLabel('Password', { exact: true })).toHaveCount(0);
  await expect(panel.getByRole('group', { name: 'Show on the map' })).toBeVisible();
  return panel;
}

/** the facilitator starts a session on purpose: without one a drop pins nothing */
async function startSession(page: Page, cdp: CDPSession, name = 'Workshop') {
  const panel = await openPanel(page, cdp);
  await panel.getByLabel('Session name').fill(name);
  await panel.getByRole('button', { name: 'Start session' }).click();
  await expect(panel.getByRole('heading', { name: `Session: ${name}` })).toBeVisible();
  await panel.getByRole('button', { name: 'Close panel' }).click();
  await expect(panel).toBeHidden();
}

test('with the server, the panel asks for a staff sign-in, and idle time signs the facilitator out there too', async ({ page }, testInfo) => {
  const cdp = await touchSession(page);
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  // a private context starts signed out; the idle time is short but every tap and key below keeps the table awake
  await page.goto('/table?idle=6');
  await expect(sticker(page, 'bottom', 'Green space')).toBeVisible();
  await longPress(cdp, { x: 40, y: 1040 });
  const panel = page.getByRole('dialog', { name: 'Facilitator' });
  const email = panel.getByLabel('E-mail', { exact: true });
  const password = panel.getByLabel('Password', { exact: true });
  await expect(password).toBeVisible();
  await expect(panel.getByRole('group', { name: 'Show on the map' })).toHaveCount(0);
  // the general sign-in form keeps the table's touch targets
  const signIn = panel.getByRole('button', { name: 'Sign in', exact: true });
  for (const target of [email, password, signIn]) expect((await target.boundingBox())?.height).toBeGreaterThanOrEqual(56);
  await page.screenshot({ path: `${SHOTS}/table-${testInfo.project.name}-8-sign-in.png` });
  await email.fill(E2E_ADMIN_EMAIL);
  await password.fill(E2E_ADMIN_PASSWORD);
  await signIn.click();
  await expect(panel.getByRole('group', { name: 'Show on the map' })).toBeVisible();
  const signedInAs = () => page.evaluate(async () => ((await (await fetch('/api/session')).json()) as { user: { email: string } | null }).user?.email ?? null);
  expect(await signedInAs()).toBe(E2E_ADMIN_EMAIL);

  const attract = page.getByRole('dialog', { name: 'Welcome' });
  await expect(attract).toBeVisible({ timeout: 15_000 });
  await expect.poll(signedInAs).toBeNull();
  await tap(cdp, { x: 960, y: 800 });
  await expect(attract).toBeHidden();
  await longPress(cdp, { x: 40, y: 1040 });
  await expect(panel.getByLabel('Password', { exact: true })).toBeVisible();
  await expect(panel.getByRole('group', { name: 'Show on the map' })).toHaveCount(0);
});

test('two people drag stickers from opposite palettes at once; next group keeps both pins; what we heard counts them', async ({ page }, testInfo) => {
  const cdp = await touchSession(page);
  await openTable(page);
  await page.screenshot({ path: `${SHOTS}/table-${testInfo.project.name}-1-palettes.png` });

  // the facilitator starts a named session (long-press in a corner, form)
  const sessionName = `Hall ${testInfo.project.name} ${Math.random().toString(36).slice(2, 8)}`;
  let panel = await openPanel(page, cdp);
  await panel.getByLabel('Session name').fill(sessionName);
  await panel.getByLabel('Place (optional)').fill('St Anne’s hall');
  await panel.getByRole('button', { name: 'Start session' }).click();
  await panel.getByRole('button', { name: 'Close panel' }).click();
  await expect(panel).toBeHidden();

  // the top palette is turned to face the far side of the table
  const topTransform = await palette(page, 'top').evaluate((el) => getComputedStyle(el).transform);
  expect(topTransform).toMatch(/^matrix\(-1, [^,]+, [^,]+, -1,/);

  // one person at the bottom picks "keep", one at the top "change"; both drag at the same time
  await palette(page, 'top').getByRole('button', { name: 'Something to change' }).click();
  await expect(palette(page, 'top').getByRole('button', { name: 'Something to change' })).toHaveAttribute('aria-pressed', 'true');
  const keepTarget = { x: 860, y: 560 };
  const changeTarget = { x: 1080, y: 470 };
  await dragTogether(
    cdp,
    [
      { id: 1, from: await centreOf(sticker(page, 'bottom', 'Green space')), to: keepTarget },
      { id: 2, from: await centreOf(sticker(page, 'top', 'Transport & streets')), to: changeTarget },
    ],
    {
      whileHeld: async () => {
        await expect(page.locator('.drag-ghost')).toHaveCount(2);
        await page.screenshot({ path: `${SHOTS}/table-${testInfo.project.name}-2-dragging.png` });
      },
    },
  );

  const keepMarker = page.getByRole('img', { name: 'Something to keep: Green space (Green space)' });
  const changeMarker = page.getByRole('img', { name: 'Something to change: Transport & streets (Transport & streets)' });
  const stored = await expectLanded(page, [[keepMarker, keepTarget], [changeMarker, changeTarget]], ['asset:green-space', 'priority:transport-streets']);
  expect(new Set(stored.map((p) => p.sessionId)).size).toBe(1);

  // each person gets a note card facing them; the top one is turned round
  const cards = page.locator('form.note-card');
  await expect(cards).toHaveCount(2);
  const keepCard = page.getByRole('form', { name: 'Pinned: Green space' });
  const changeCard = page.getByRole('form', { name: 'Pinned: Transport & streets' });
  expect(await changeCard.evaluate((el) => getComputedStyle(el).transform)).toMatch(/^matrix\(-1, [^,]+, [^,]+, -1,/);
  expect((await centreOf(keepCard)).y).toBeGreaterThan(keepTarget.y);
  expect((await centreOf(changeCard)).y).toBeLessThan(changeTarget.y);
  await page.screenshot({ path: `${SHOTS}/table-${testInfo.project.name}-3-notes.png` });
  await keepCard.getByLabel('Add a short note (optional)').fill('Keep the big oak');
  await keepCard.getByRole('button', { name: 'Save note' }).click();
  await expect(keepCard).toBeHidden();
  await expect.poll(async () => (await storedPins(page)).find((p) => p.theme === 'green-space' && p.sessionId)?.note).toBe('Keep the big oak');

  // next group: the change card is still open and the map is panned away; both go, the pins stay
  // one finger on the map pans it (the map keeps its own touch gestures)
  await dragTogether(cdp, [{ id: 5, from: { x: 1300, y: 640 }, to: { x: 1000, y: 600 } }]);
  const moved = await centreOf(keepMarker);
  expect(Math.abs(moved.x - keepTarget.x)).toBeGreaterThan(100);
  panel = await openPanel(page, cdp);
  await expect(panel.getByRole('heading', { name: `Session: ${sessionName}` })).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'This session\'s pins (2)' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/table-${testInfo.project.name}-4-panel.png` });
  await panel.getByRole('button', { name: 'Next group' }).click();
  await expect(panel).toBeHidden();
  await expect(cards).toHaveCount(0);
  // the next group is welcomed; a touch lets them start
  const welcome = page.getByRole('dialog', { name: 'Welcome, group 2' });
  await expect(welcome).toBeVisible();
  await tap(cdp, { x: 960, y: 800 });
  await expect(welcome).toBeHidden();
  await expect(keepMarker).toHaveCount(1);
  await expect(changeMarker).toHaveCount(1);
  const reset = await centreOf(keepMarker);
  expect(Math.abs(reset.x - keepTarget.x)).toBeLessThanOrEqual(2);
  expect((await storedPins(page)).filter((p) => p.sessionId)).toHaveLength(2);

  // what we heard: this session's counts, readable from both long sides
  panel = await openPanel(page, cdp);
  await panel.getByRole('button', { name: 'What we heard' }).click();
  const summary = page.getByRole('dialog', { name: `What we heard at “${sessionName}”` });
  await expect(summary).toBeVisible();
  // the upright copy is the one read out; the turned copy for the far side is the same words, hidden from screen readers
  await expect(summary.locator('.summary-column--bottom').getByText('2 pins: 1 to keep, 1 to change')).toBeVisible();
  await expect(summary.locator('.summary-column--top').getByText('2 pins: 1 to keep, 1 to change')).toBeVisible();
  await expect(summary.locator('.summary-column--bottom .summary-row').filter({ hasText: 'Green space' })).toContainText('1 keep · 0 change');
  await expect(summary.locator('.summary-column--bottom .summary-row').filter({ hasText: 'Transport & streets' })).toContainText('0 keep · 1 change');
  await expect(summary.getByRole('img', { name: 'Map of the session\'s 2 pins' })).toBeVisible();
  await expect(summary.locator('.summary-column--top')).toHaveAttribute('aria-hidden', 'true');
  expect(await summary.locator('.summary-column--top').evaluate((el) => getComputedStyle(el).transform)).toMatch(/^matrix\(-1, [^,]+, [^,]+, -1,/);
  await page.screenshot({ path: `${SHOTS}/table-${testInfo.project.name}-5-summary.png` });

  const [download] = await Promise.all([page.waitForEvent('download'), summary.getByRole('button', { name: 'Save as PNG' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^coplan-what-we-heard-\d{4}-\d{2}-\d{2}-hall-.*\.png$/);
  const file = testInfo.outputPath('summary.png');
  await download.saveAs(file);
  const { readFile } = await import('node:fs/promises');
  const bytes = await readFile(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(bytes.length).toBeGreaterThan(20_000);
  await readFile(file).then((png) => testInfo.attach('summary.png', { body: png, contentType: 'image/png' }));
});

test('a sticker let go outside the neighbourhoods makes no pin and says why, facing that side', async ({ page }, testInfo) => {
  const cdp = await touchSession(page);
  await openTable(page);
  await startSession(page, cdp);
  const before = (await storedPins(page)).length;
  // just past the left palette's strip, left of the neighbourhoods (over the strip the sticker would go back)
  const leftStrip = await boxOf(palette(page, 'left'));
  await dragTogether(cdp, [{ id: 3, from: await centreOf(sticker(page, 'top', 'Safety')), to: { x: leftStrip.x + leftStrip.width + 40, y: 540 } }]);
  const toast = page.getByText('That spot is outside the neighbourhoods. Try a place inside the lines.');
  await expect(toast).toBeVisible();
  expect(await toast.evaluate((el) => getComputedStyle(el).transform)).toMatch(/^matrix\(-1, [^,]+, [^,]+, -1,/);
  await page.screenshot({ path: `${SHOTS}/table-${testInfo.project.name}-6-outside.png` });
  expect(await storedPins(page)).toHaveLength(before);
  // a tap without a drag explains what to do instead of pinning anything
  await tap(cdp, await centreOf(sticker(page, 'bottom', 'Safety')));
  await expect(page.getByText('Drag the sticker onto the map')).toBeVisible();
  expect(await storedPins(page)).toHaveLength(before);
});

test('after the idle time the attract screen shows; touching it returns to the map with the half-written note gone', async ({ page }, testInfo) => {
  const cdp = await touchSession(page);
  await openTable(page, 3);
  await startSession(page, cdp);
  await dragTogether(cdp, [{ id: 4, from: await centreOf(sticker(page, 'bottom', 'Play & youth')), to: { x: 960, y: 520 } }]);
  const card = page.getByRole('form', { name: 'Pinned: Play & youth' });
  await card.getByLabel('Add a short note (optional)').fill('Half a thought');
  const attract = page.getByRole('dialog', { name: 'Welcome' });
  await expect(attract).toBeVisible({ timeout: 8000 });
  await expect(attract).toContainText('What should your neighbourhood keep, and what should change?');
  await page.screenshot({ path: `${SHOTS}/table-${testInfo.project.name}-7-attract.png` });
  await tap(cdp, { x: 960, y: 800 });
  await expect(attract).toBeHidden();
  await expect(card).toHaveCount(0);
  await expect(page.getByRole('img', { name: 'Something to keep: Play & youth (Play & youth)' })).toHaveCount(1);
  const pin = (await storedPins(page)).find((p) => p.theme === 'play-youth' && p.sessionId);
  expect(pin?.note).toBeUndefined();
  // the touch that woke the table did not drop or open anything
  await expect(page.getByRole('dialog', { name: 'Facilitator' })).toHaveCount(0);
});

test('people at both short ends drag from the left and right palettes at once; the pins land there and all faces them', async ({ page }, testInfo) => {
  const cdp = await touchSession(page);
  await openTable(page);
  await startSession(page, cdp);
  const left = palette(page, 'left');
  const right = palette(page, 'right');

  // each strip is turned a quarter to face its end, lies along that edge, between the long palettes
  expect(await rotationOf(left)).toBe(90);
  expect(await rotationOf(right)).toBe(-90);
  const [leftBox, rightBox, topBox, bottomBox] = await Promise.all([boxOf(left), boxOf(right), boxOf(palette(page, 'top')), boxOf(palette(page, 'bottom'))]);
  expect(Math.abs(leftBox.x)).toBeLessThanOrEqual(1);
  expect(Math.abs(rightBox.x + rightBox.width - 1920)).toBeLessThanOrEqual(1);
  for (const strip of [leftBox, rightBox]) {
    expect(strip.y).toBeGreaterThan(topBox.y + topBox.height);
    expect(strip.y + strip.height).toBeLessThan(bottomBox.y);
    // the map keeps the middle: each strip is under a fifth of the width
    expect(strip.width).toBeLessThan(1920 / 5);
  }
  // stickers as wide as the long sides' (turned, so it shows as their height), every target 56 px or more both ways
  const longSticker = await boxOf(sticker(page, 'bottom', 'Green space'));
  for (const side of ['left', 'right'] as const) {
    expect(Math.abs((await boxOf(sticker(page, side, 'Green space'))).height - longSticker.width)).toBeLessThanOrEqual(1);
    for (const button of await palette(page, side).getByRole('button').all()) {
      const box = await boxOf(button);
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(56);
    }
  }

  // the person on the right turns their palette to "change" with a touch; the left one keeps "keep"
  const change = right.getByRole('button', { name: 'Something to change' });
  await tap(cdp, await centreOf(change));
  await expect(change).toHaveAttribute('aria-pressed', 'true');
  await expect(left.getByRole('button', { name: 'Something to keep' })).toHaveAttribute('aria-pressed', 'true');

  const keepTarget = { x: 820, y: 600 };
  const changeTarget = { x: 1150, y: 520 };
  await dragTogether(
    cdp,
    [
      { id: 1, from: await centreOf(sticker(page, 'left', 'Housing')), to: keepTarget },
      { id: 2, from: await centreOf(sticker(page, 'right', 'Safety')), to: changeTarget },
    ],
    {
      whileHeld: async () => {
        const ghosts = page.locator('.drag-ghost');
        await expect(ghosts).toHaveCount(2);
        // the sticker under each finger faces the person holding it
        expect((await Promise.all([rotationOf(ghosts.nth(0)), rotationOf(ghosts.nth(1))])).sort()).toEqual([-90, 90]);
        await page.screenshot({ path: `${SHOTS}/table-${testInfo.project.name}-9-ends-dragging.png` });
      },
    },
  );

  const keepMarker = page.getByRole('img', { name: 'Something to keep: Housing (Housing)' });
  const changeMarker = page.getByRole('img', { name: 'Something to change: Safety (Safety)' });
  await expectLanded(page, [[keepMarker, keepTarget], [changeMarker, changeTarget]], ['asset:housing', 'priority:safety']);

  // each note card is turned to its end and sits between the pin and that end
  const keepCard = page.getByRole('form', { name: 'Pinned: Housing' });
  const changeCard = page.getByRole('form', { name: 'Pinned: Safety' });
  expect(await rotationOf(keepCard)).toBe(90);
  expect(await rotationOf(changeCard)).toBe(-90);
  const keepCardBox = await boxOf(keepCard);
  const changeCardBox = await boxOf(changeCard);
  expect(keepCardBox.x + keepCardBox.width).toBeLessThan(keepTarget.x);
  expect(changeCardBox.x).toBeGreaterThan(changeTarget.x);
  for (const [box, target] of [[keepCardBox, keepTarget], [changeCardBox, changeTarget]] as const) {
    expect(box.height).toBeGreaterThan(box.width);
    expect(Math.abs(box.y + box.height / 2 - target.y)).toBeLessThanOrEqual(2);
  }
  await page.screenshot({ path: `${SHOTS}/table-${testInfo.project.name}-10-ends-notes.png` });
  // the turned card takes a note and a touch on its button like any other
  await keepCard.getByLabel('Add a short note (optional)').fill('More homes above the shops');
  await tap(cdp, await centreOf(keepCard.getByRole('button', { name: 'Save note' })));
  await expect(keepCard).toBeHidden();
  await expect.poll(async () => (await storedPins(page)).find((p) => p.theme === 'housing' && p.sessionId)?.note).toBe('More homes above the shops');
});

test('at the short ends: outside the neighbourhoods says why facing the right end, a drop on a side palette goes back, a tap asks to drag', async ({ page }, testInfo) => {
  const cdp = await touchSession(page);
  await openTable(page);
  await startSession(page, cdp);
  const before = (await storedPins(page)).length;
  await dragTogether(cdp, [{ id: 3, from: await centreOf(sticker(page, 'right', 'Safety')), to: { x: 1540, y: 300 } }]);
  const outside = page.getByText('That spot is outside the neighbourhoods. Try a place inside the lines.');
  await expect(outside).toBeVisible();
  expect(await rotationOf(outside)).toBe(-90);
  await page.screenshot({ path: `${SHOTS}/table-${testInfo.project.name}-11-ends-outside.png` });
  expect(await storedPins(page)).toHaveLength(before);

  // let go over the left palette (an obstacle lying on the map): no pin, no note card
  await dragTogether(cdp, [{ id: 4, from: await centreOf(sticker(page, 'bottom', 'Housing')), to: await centreOf(sticker(page, 'left', 'Environment')) }]);
  // a tap without a drag explains what to do, facing the left end
  await tap(cdp, await centreOf(sticker(page, 'left', 'Safety')));
  const hint = page.getByText('Drag the sticker onto the map');
  await expect(hint).toBeVisible();
  expect(await rotationOf(hint)).toBe(90);
  await expect(page.locator('form.note-card')).toHaveCount(0);
  expect(await storedPins(page)).toHaveLength(before);
});

test('with all four palettes out there are no axe violations, in English and right-to-left Urdu', async ({ page }, testInfo) => {
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  for (const lang of ['en', 'ur']) {
    await page.goto(`/table?idle=600&server=off&lang=${lang}`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.locator('.area-label').first()).toBeVisible();
    await expect(page.locator('.palette--left .sticker').first()).toBeVisible();
    // the same rules as a11y-views.spec.ts, which sees the table at the projects' smaller sizes without the strips
    const all = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).disableRules(['target-size']).analyze();
    const targets = await new AxeBuilder({ page }).withRules(['target-size']).exclude('.leaflet-marker-pane').analyze();
    const found = [...all.violations, ...targets.violations].map((v) => `${lang}: ${v.id} at ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(', ')}`);
    await page.screenshot({ path: `${SHOTS}/table-${testInfo.project.name}-12-four-palettes-${lang}.png` });
    expect(found).toEqual([]);
  }
});

test.describe('on a smaller screen', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the side palettes step back and the long sides still place stickers where they are dropped', async ({ page }, testInfo) => {
    const cdp = await touchSession(page);
    await openTable(page);
    await startSession(page, cdp);
    await expect(palette(page, 'left')).toBeHidden();
    await expect(palette(page, 'right')).toBeHidden();
    await expect(palette(page, 'top')).toBeVisible();
    const target = { x: 600, y: 420 };
    await dragTogether(cdp, [{ id: 5, from: await centreOf(sticker(page, 'bottom', 'Community spaces')), to: target }]);
    const marker = page.getByRole('img', { name: 'Something to keep: Community spaces (Community spaces)' });
    await expect(marker).toHaveCount(1);
    const centre = await centreOf(marker);
    expect(Math.abs(centre.x - target.x)).toBeLessThanOrEqual(2);
    expect(Math.abs(centre.y - target.y)).toBeLessThanOrEqual(2);
    await page.screenshot({ path: `${SHOTS}/table-${testInfo.project.name}-13-1280x800.png` });
  });
});
