// axe-core on the pages around the consultations: the front page, "no such consultation", the staff sign-in and the
// signed-in console with its forms, in English and right-to-left Urdu: zero WCAG 2.2 A/AA violations.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD, expect, test } from './support/appServer.ts';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function violations(page: Page, view: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const found = result.violations.map((v) => `${view}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  console.log(`axe ${view}: ${found.length} violations (${result.passes.length} rules passed)`);
  return found;
}

for (const lang of ['en', 'ur']) {
  test(`the front page, the not-found page and the staff console pass axe (${lang})`, async ({ page }) => {
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.fulfill({ status: 204, body: '' }));
    const found: string[] = [];
    await page.goto(`/?lang=${lang}`);
    await expect(page.getByRole('article')).toHaveCount(2);
    await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ur' ? 'rtl' : 'ltr');
    found.push(...(await violations(page, `${lang} front page`)));
    await page.goto('/c/no-such-consultation');
    await expect(page.getByRole('heading', { level: 2 })).toBeFocused();
    found.push(...(await violations(page, `${lang} not found`)));
    await page.goto('/staff');
    const password = page.locator('input[type="password"]');
    await expect(password).toBeVisible();
    found.push(...(await violations(page, `${lang} staff sign-in`)));
    await page.locator('input[type="email"]').fill(E2E_ADMIN_EMAIL);
    await password.fill(E2E_ADMIN_PASSWORD);
    await page.locator('form button[type="submit"]').click();
    await expect(page.locator('.consultation-card')).toHaveCount(2);
    found.push(...(await violations(page, `${lang} staff console`)));
    expect(found).toEqual([]);
  });
}
