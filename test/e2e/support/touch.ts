// real touches sent through CDP for the touch-table specs: fingers down one after another, moved in interleaved steps.
import { expect } from '@playwright/test';
import type { CDPSession, Locator, Page } from '@playwright/test';

export interface Point {
  x: number;
  y: number;
}
export interface Finger {
  id: number;
  from: Point;
  to: Point;
}

export async function touchSession(page: Page): Promise<CDPSession> {
  return page.context().newCDPSession(page);
}

function touchPoints(points: { id: number; at: Point }[]) {
  return points.map(({ id, at }) => ({ id, x: Math.round(at.x), y: Math.round(at.y), radiusX: 6, radiusY: 6, force: 1 }));
}

/**
 * Puts all fingers down one after another, then moves them in interleaved small steps (finger 1, finger 2,
 * finger 1, …), so the page sees pointer events of several ids mixed together. `whileHeld` runs before lifting.
 */
export async function dragTogether(cdp: CDPSession, fingers: Finger[], options: { steps?: number; whileHeld?: () => Promise<void> } = {}) {
  const steps = options.steps ?? 12;
  const at = new Map(fingers.map((f) => [f.id, f.from]));
  const down: { id: number; at: Point }[] = [];
  for (const finger of fingers) {
    down.push({ id: finger.id, at: finger.from });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: touchPoints(down) });
  }
  for (let step = 1; step <= steps; step++) {
    for (const finger of fingers) {
      const t = step / steps;
      at.set(finger.id, { x: finger.from.x + (finger.to.x - finger.from.x) * t, y: finger.from.y + (finger.to.y - finger.from.y) * t });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: touchPoints(fingers.map((f) => ({ id: f.id, at: at.get(f.id)! }))) });
    }
  }
  if (options.whileHeld) await options.whileHeld();
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

export async function centreOf(locator: Locator): Promise<Point> {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  if (!box) throw new Error('element has no box');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * The centre of an element once it has stopped moving: two reads 100 ms apart agree. Cards and panels at the table
 * move out of a keyboard's way a moment after a tap focuses a field, so a centre read at once can be stale and the
 * next touch would land where the element was.
 */
export async function steadyCentreOf(locator: Locator): Promise<Point> {
  let last = await centreOf(locator);
  await expect
    .poll(async () => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const now = await centreOf(locator);
      const still = Math.abs(now.x - last.x) < 1 && Math.abs(now.y - last.y) < 1;
      last = now;
      return still;
    })
    .toBe(true);
  return last;
}

export async function longPress(cdp: CDPSession, at: Point, ms = 1700) {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: touchPoints([{ id: 9, at }]) });
  await new Promise((resolve) => setTimeout(resolve, ms));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

export async function tap(cdp: CDPSession, at: Point) {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: touchPoints([{ id: 7, at }]) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}
