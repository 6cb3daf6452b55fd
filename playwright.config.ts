// end-to-end tests in Debian's Chromium against the built app served by the Node server.
import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  throw new Error(`end-to-end tests need Chromium at ${chromium} (Debian: apt-get install chromium, or set CHROMIUM_PATH)`);
}
const port = Number(process.env.E2E_PORT ?? 4310);
// several people may run suites side by side: each port gets its own data, and DIST_DIR may point at a private build.
const dataDir = `test/output/e2e-data-${port}`;

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test/output/e2e-results',
  fullyParallel: true,
  workers: 2,
  // WARNING: one retry in CI so a noisy 2-core machine does not block a landing; flaky passes are reported in the summary.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } } },
    { name: 'phone', use: { ...devices['Pixel 7'], viewport: { width: 390, height: 844 } } },
  ],
  webServer: {
    // the app is built by `npm test` (or `npm run test:e2e`) before this starts; tiles are off so nothing leaves the machine.
    command: `rm -rf ${dataDir} && npx tsx src/server/main.ts`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { PORT: String(port), HOST: '127.0.0.1', TILE_URL: '', DATA_DIR: dataDir, DIST_DIR: process.env.DIST_DIR ?? 'dist', NODE_ENV: 'test', COPLAN_PASSPHRASE: process.env.COPLAN_PASSPHRASE ?? 'e2e-passphrase', LOG: '0' },
  },
});
