// the touch-table connected to its server (the normal set-up, not ?server=off): a sticker drop's note card stays
// while the server stores the pin, and the words typed on it reach the server with the pin.
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD, expect, test } from './support/appServer.ts';
import { centreOf, dragTogether, longPress, tap, touchSession } from './support/touch.ts';

// run by the table project only (playwright.config.ts: *.table.spec.ts), at 1920×1080 with touch

const SHOTS = 'test/output/screenshots';

interface ServerPin {
  id: string;
  properties: { theme: string; kind: string; note?: string; sessionId?: string };
}

test('a connected drop keeps its note card, and the note typed on it is stored with the pin on the server', async ({ page, request }, testInfo) => {
  const cdp = await touchSession(page);
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  await page.goto('/table?idle=600');
  const greenSpace = page.getByRole('region', { name: 'Stickers for the bottom side' }).getByRole('button', { name: 'Green space', exact: true });
  await expect(greenSpace).toBeVisible();
  await expect(page.locator('.area-label').first()).toBeVisible();
  // a drop pins only in a session: the facilitator signs in and starts one
  await longPress(cdp, { x: 40, y: 1040 });
  const panel = page.getByRole('dialog', { name: 'Facilitator' });
  await panel.getByLabel('E-mail', { exact: true }).fill(E2E_ADMIN_EMAIL);
  await panel.getByLabel('Password', { exact: true }).fill(E2E_ADMIN_PASSWORD);
  await panel.getByRole('button', { name: 'Sign in', exact: true }).click();
  await panel.getByLabel('Session name').fill('Connected hall');
  await panel.getByRole('button', { name: 'Start session' }).click();
  await panel.getByRole('button', { name: 'Close panel' }).click();
  await expect(panel).toBeHidden();

  // the server's answer to the new pin is what used to take the card away: wait for it, then look again
  const stored = page.waitForResponse((r) => r.request().method() === 'POST' && /^\/api\/consultations\/[^/]+\/pins$/.test(new URL(r.url()).pathname));
  await dragTogether(cdp, [{ id: 1, from: await centreOf(greenSpace), to: { x: 860, y: 560 } }]);
  const card = page.getByRole('form', { name: 'Pinned: Green space' });
  await expect(card).toBeVisible();
  expect((await stored).status()).toBe(201);
  // past the answer and a live event or two: the card is still there, with its field ready
  await page.waitForTimeout(1500);
  await expect(card).toBeVisible();
  const field = card.getByLabel('Add a short note (optional)');

  // the participant types into the card's own field and saves with a touch
  await tap(cdp, await centreOf(field));
  await expect(field).toBeFocused();
  await page.keyboard.type('Keep the big oak by the pond');
  await expect(field).toHaveValue('Keep the big oak by the pond');
  await page.screenshot({ path: `${SHOTS}/table-${testInfo.project.name}-connected-note.png` });
  await tap(cdp, await centreOf(card.getByRole('button', { name: 'Save note' })));
  await expect(card).toBeHidden();

  // the server has the pin, made at this table (a session id), with those words
  const serverPins = async (): Promise<ServerPin[]> => ((await (await request.get('/api/pins')).json()) as { features: ServerPin[] }).features;
  await expect
    .poll(async () => (await serverPins()).filter((p) => p.properties.theme === 'green-space' && p.properties.sessionId).map((p) => p.properties.note ?? null))
    .toEqual(['Keep the big oak by the pond']);
  // and the table shows that one pin once
  await expect(page.getByRole('img', { name: 'Something to keep: Green space (Green space)' })).toHaveCount(1);
});
