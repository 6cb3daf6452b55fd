// on a 390 px phone no page is wider than the screen. A page that is (a grid or a table wider than its box) makes
// the phone's browser zoom the whole page out, and then taps land beside their targets: the budget section did that
// to the planner view once, and only a spec that happened to tap there noticed. This checks every page, resident and
// staff, signed in, with its widest parts open. The staff specs themselves run at desktop size (*.desktop.spec.ts).
import type { Page } from '@playwright/test';
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD, expect, test } from './support/appServer.ts';
import { openConsultationPath, ResidentMapPage } from './support/residentMapPage.ts';

/** what sticks out past the right edge of the screen: the page's width, and the widest element's tag and class */
async function overflow(page: Page): Promise<{ pageWidth: number; screen: number; widest: string }> {
  return page.evaluate(() => {
    const screen = document.documentElement.clientWidth;
    let widest = '';
    let right = screen;
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const box = el.getBoundingClientRect();
      // inside a box that scrolls sideways is fine: the page itself does not widen
      if (box.width === 0 || box.right <= right + 0.5 || el.closest('.leaflet-container')) continue;
      let scrolled = false;
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        const style = getComputedStyle(up);
        if (/(auto|scroll|hidden|clip)/.test(style.overflowX) && up.getBoundingClientRect().right <= screen + 0.5) scrolled = true;
      }
      if (scrolled) continue;
      right = box.right;
      widest = `${el.tagName.toLowerCase()}.${String(el.className).trim().split(/\s+/).join('.')} (right edge ${Math.round(box.right)} px)`;
    }
    return { pageWidth: document.documentElement.scrollWidth, screen, widest };
  });
}

async function expectNoWiderThanScreen(page: Page, what: string): Promise<void> {
  // layout settles after data arrives: poll, then say what sticks out
  await expect.poll(async () => (await overflow(page)).pageWidth, { message: `${what}: ${JSON.stringify(await overflow(page))}` }).toBeLessThanOrEqual(390);
  const { widest } = await overflow(page);
  expect(widest, `${what}: nothing reaches past the screen`).toBe('');
}

test.beforeEach(async ({ page }) => {
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
});

test('resident pages fit a 390 px phone: map, list, budget ballot and results', async ({ page }) => {
  const path = await openConsultationPath(page);
  await page.goto(path);
  const resident = new ResidentMapPage(page, { touch: true });
  await expect(page.getByRole('button', { name: 'Add a pin', exact: true })).toBeVisible();
  await expectNoWiderThanScreen(page, 'resident map');
  await resident.showView('List');
  await expect(resident.listTable.getByRole('row').nth(1)).toBeVisible();
  await expectNoWiderThanScreen(page, 'resident list');
  await page.goto(`${path}/budget`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoWiderThanScreen(page, 'budget ballot');
  await page.goto(`${path}/results`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoWiderThanScreen(page, 'results');
});

test('staff pages fit a 390 px phone when signed in: the planner view with its tables and budget section, and the staff console', async ({ page }) => {
  const signIn = await page.request.post('/api/session', { data: { email: E2E_ADMIN_EMAIL, password: E2E_ADMIN_PASSWORD } });
  expect(signIn.ok()).toBe(true);
  const path = await openConsultationPath(page);
  await page.goto(`${path}/planner`);
  await expect(page.locator('.answer-panel table tbody tr').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'Community budget', exact: true })).toBeVisible();
  await expectNoWiderThanScreen(page, 'planner view signed in');
  await page.goto('/staff');
  await expect(page.getByRole('heading', { name: 'Consultations', exact: true })).toBeVisible();
  await expectNoWiderThanScreen(page, 'staff console');
});
