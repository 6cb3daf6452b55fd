// end-to-end tests in Debian's Chromium against the built app served by the Node server.
import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  throw new Error(`end-to-end tests need Chromium at ${chromium} (Debian: apt-get install chromium, or set CHROMIUM_PATH)`);
}

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test/output/e2e-results',
  // the e2e servers start from one bundle of src/server/main.ts, made here once per run (support/bundleServer.ts)
  globalSetup: './test/e2e/support/bundleServer.ts',
  fullyParallel: true,
  workers: 2,
  // WARNING: a test that fails and then passes on its retry FAILS the run (failOnFlakyTests, and test/runAll.ts counts
  // it as failed): intermittent failures here have been real product races. The one retry in CI is only there to say
  // "flaky" rather than "broken" in the report, with the failed attempt's trace kept.
  retries: process.env.CI ? 1 : 0,
  failOnFlakyTests: true,
  // the slowest specs take 15-25 s on this 2-core machine (axe over every resident view, two-person table drags);
  // the 100k-pin planner spec sets its own
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    // no baseURL here: every worker starts its own server on a free port (test/e2e/support/appServer.ts),
    // serving the build in DIST_DIR (default dist/)
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    // a spec about one size only is named for it (*.desktop.spec.ts, *.phone.spec.ts, *.table.spec.ts) and runs in that
    // project alone:
    // a skipped test fails the run (test/runAll.ts), so specs never skip themselves by project
    { name: 'desktop', testIgnore: /\.(phone|table)\.spec\.ts$/, use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } } },
    // specs of what does not depend on the screen (sync, headers, exports, keyboard use) and the staff pages run at
    // desktop size only; pageWidth.phone.spec.ts checks every page fits a phone, which is what their phone runs caught
    { name: 'phone', testIgnore: /\.(desktop|table)\.spec\.ts$/, use: { ...devices['Pixel 7'], viewport: { width: 390, height: 844 } } },
    // the touch-table is one size, 1920×1080 with touch: its specs (*.table.spec.ts) ran twice before, identically, in
    // the desktop and phone projects (each overrode the viewport), which cost about two minutes of every CI run
    { name: 'table', testMatch: /\.table\.spec\.ts$/, use: { ...devices['Desktop Chrome'], viewport: { width: 1920, height: 1080 }, hasTouch: true, isMobile: false, deviceScaleFactor: 1 } },
  ],
});
