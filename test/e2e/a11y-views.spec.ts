// axe-core on the planner view and the touch-table mode, in English and right-to-left Urdu: zero WCAG 2.2 A/AA violations.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './support/appServer.ts';
import type { Page, TestInfo } from '@playwright/test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SHOTS = 'test/output/screenshots';
// WARNING: as in a11y.spec.ts, target-size skips only map markers and clusters (SC 2.5.8 "Essential": a pin's place on
// the map is the information); every other rule checks them, and target-size checks everything else.
const MARKERS = '.leaflet-marker-pane';

async function axeCount(page: Page, testInfo: TestInfo, label: string): Promise<string[]> {
  const all = await new AxeBuilder({ page }).withTags(WCAG_TAGS).disableRules(['target-size']).analyze();
  const targets = await new AxeBuilder({ page }).withRules(['target-size']).exclude(MARKERS).analyze();
  const violations = [...all.violations, ...targets.violations];
  console.log(`axe [${testInfo.project.name}] ${label}: ${violations.length} violations`);
  const lines = violations.map((v) => `${label}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(', ')}`);
  for (const line of lines) console.log(`  ${line}`);
  return lines;
}

async function stayOffline(page: Page, baseURL: string): Promise<void> {
  const own = new URL(baseURL).origin;
  await page.route((url) => url.origin !== own && url.protocol.startsWith('http'), (route) => route.fulfill({ status: 204, body: '' }));
}

for (const lang of ['en', 'ur']) {
  test(`no axe violations on the planner view in ${lang}`, async ({ page, baseURL }, testInfo) => {
    await stayOffline(page, baseURL!);
    await page.goto(`/planner?lang=${lang}`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.locator('.planner-main')).toBeVisible();
    // counted: the dashboard's area table is filled in
    await expect(page.locator('.planner-dashboard-column table').first()).toBeVisible({ timeout: 30_000 });
    const found = await axeCount(page, testInfo, `${lang} planner (areas layer)`);
    await page.screenshot({ path: `${SHOTS}/a11y-${lang}-${testInfo.project.name}-planner.png`, fullPage: true });
    expect(found).toEqual([]);
  });

  test(`no axe violations in touch-table mode in ${lang}`, async ({ page, baseURL }, testInfo) => {
    await stayOffline(page, baseURL!);
    await page.goto(`/table?idle=600&server=off&lang=${lang}`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.locator('.area-label').first()).toBeVisible();
    const found = await axeCount(page, testInfo, `${lang} table mode`);
    await page.screenshot({ path: `${SHOTS}/a11y-${lang}-${testInfo.project.name}-table.png` });
    expect(found).toEqual([]);
  });
}
