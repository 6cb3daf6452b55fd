// the README's test command: typecheck, lint, unit tests, build, end-to-end tests; ends with one plain count line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { startTempPostgres, type TempPostgres } from './support/tempPostgres.ts';

interface StepResult { name: string; passed: number; failed: number; note: string }

const outDir = 'test/output';
mkdirSync(outDir, { recursive: true });
const results: StepResult[] = [];

function run(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`=== ${name}: ${r.status === 0 ? 'ok' : `FAILED (exit ${r.status ?? r.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return r.status === 0;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

// a runner that exits non-zero with no failed test (a file that did not load, a crash) still counts as one failure.
function failures(reported: number, exitOk: boolean): number {
  return reported > 0 || exitOk ? reported : 1;
}

// a check such as typecheck counts as one test: it passes or fails as a whole.
function check(name: string, cmd: string, args: string[]): void {
  const ok = run(name, cmd, args);
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, note: '' });
}

let pg: TempPostgres | null = null;
const env: NodeJS.ProcessEnv = {};
if (!process.env.DATABASE_URL) {
  try {
    pg = await startTempPostgres();
    env.DATABASE_URL = pg.url;
    console.log(`started a temporary PostgreSQL at ${pg.url}`);
  } catch (error) {
    // the PostgreSQL suites then fail with their own clear message; they never skip.
    console.error(`could not start PostgreSQL: ${(error as Error).message}`);
  }
}

try {
  check('typecheck', 'npx', ['tsc', '--noEmit']);
  check('lint', 'npx', ['eslint', '.', '--max-warnings=0']);

  const vitestJson = `${outDir}/vitest.json`;
  const unitOk = run('unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`], env);
  const unit = readJson(vitestJson) as { numPassedTests?: number; numFailedTests?: number } | null;
  results.push({ name: 'unit', passed: unit?.numPassedTests ?? 0, failed: failures(unit?.numFailedTests ?? 0, unitOk), note: unit ? '' : 'no report' });

  const buildOk = run('build', 'npx', ['vite', 'build']);
  results.push({ name: 'build', passed: buildOk ? 1 : 0, failed: buildOk ? 0 : 1, note: '' });

  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    console.error(`\nend-to-end tests need Chromium at ${chromium} (Debian: apt-get install chromium); they count as failed.`);
    results.push({ name: 'e2e', passed: 0, failed: 1, note: 'no chromium' });
  } else if (!buildOk) {
    results.push({ name: 'e2e', passed: 0, failed: 1, note: 'build failed' });
  } else {
    const e2eJson = `${outDir}/playwright.json`;
    const e2eOk = run('e2e', 'npx', ['playwright', 'test', '--reporter=list,json'], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson });
    const report = readJson(e2eJson) as { stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number } } | null;
    const s = report?.stats;
    results.push({ name: 'e2e', passed: (s?.expected ?? 0) + (s?.flaky ?? 0), failed: failures(s?.unexpected ?? 0, e2eOk), note: [s?.flaky ? `${s.flaky} flaky, passed on retry` : '', s?.skipped ? `${s.skipped} skipped` : ''].filter(Boolean).join(', ') });
  }
} finally {
  pg?.stop();
}

console.log('\n=== summary');
for (const r of results) console.log(`${r.name.padEnd(10)} ${r.passed} passed, ${r.failed} failed${r.note ? ` (${r.note})` : ''}`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
