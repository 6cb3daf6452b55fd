// the built app under the server's Content-Security-Policy: the resident map, the planner view and the touch-table
// load and draw with no violation reported, neither as a console message nor as a securitypolicyviolation event.
import type { Page } from '@playwright/test';
import { expect, test } from './support/appServer.ts';
import { openConsultationPath } from './support/residentMapPage.ts';

interface Watch {
  violations: string[];
}

async function watchViolations(page: Page): Promise<Watch> {
  const watch: Watch = { violations: [] };
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) watch.violations.push(`console: ${message.text()}`);
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  return watch;
}

async function violationsIn(page: Page, watch: Watch): Promise<string[]> {
  const events = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  return [...watch.violations, ...events.map((e) => `event: ${e}`)];
}

test('the resident map opens, lists and starts a pin with no CSP violation', async ({ page }) => {
  const watch = await watchViolations(page);
  const response = await page.goto(await openConsultationPath(page));
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.getByRole('button', { name: 'Add a pin', exact: true })).toBeVisible();
  // the demo town's pins and boundaries are drawn by Leaflet, which positions everything with style attributes
  await expect(page.locator('.leaflet-interactive').first()).toBeVisible();
  await page.getByRole('button', { name: 'Add a pin', exact: true }).click();
  await page.waitForTimeout(500);
  expect(await violationsIn(page, watch)).toEqual([]);
});

test('the planner view loads its worker and figures with no CSP violation', async ({ page }) => {
  const watch = await watchViolations(page);
  await page.goto('/planner');
  await expect(page.getByRole('heading', { name: 'Coplan for planners', level: 1 })).toBeVisible();
  await expect(page.locator('.leaflet-interactive').first()).toBeVisible();
  await page.waitForTimeout(1000);
  expect(await violationsIn(page, watch)).toEqual([]);
});

test('the touch-table opens with no CSP violation', async ({ page }) => {
  const watch = await watchViolations(page);
  await page.goto('/table');
  await expect(page.getByRole('region', { name: 'Stickers for the bottom side' })).toBeVisible();
  await page.waitForTimeout(500);
  expect(await violationsIn(page, watch)).toEqual([]);
});
