// the README's test command: typecheck, lint and build side by side, then unit tests (with coverage) and end-to-end tests; ends with one plain count line.
// WARNING: a flaky test (failed, then passed on a retry) counts as failed, and skipped tests are counted and printed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { startTempPostgres, type TempPostgres } from './support/tempPostgres.ts';

interface StepResult { name: string; passed: number; failed: number; skipped: number; note: string }

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

/**
 * Runs steps side by side (typecheck and lint are one core each; the machine has two) and prints each one's whole
 * output, stdout and stderr interleaved as they came, once it ends: never mixed line by line with the other's.
 */
async function runTogether(steps: readonly { name: string; cmd: string; args: string[] }[]): Promise<boolean[]> {
  return Promise.all(
    steps.map(
      ({ name, cmd, args }) =>
        new Promise<boolean>((resolve) => {
          const started = Date.now();
          const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' } });
          const output: Buffer[] = [];
          child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
          child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
          let finished = false;
          // a command that cannot start says 'error' and then 'close': it is told once
          const done = (status: number | null, why: string) => {
            if (finished) return;
            finished = true;
            console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
            process.stdout.write(Buffer.concat(output));
            console.log(`=== ${name}: ${status === 0 ? 'ok' : `FAILED (${why})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
            resolve(status === 0);
          };
          child.once('error', (error) => done(null, error.message));
          child.once('close', (code, signal) => done(code, `exit ${code ?? signal}`));
        }),
    ),
  );
}

// a check such as typecheck counts as one test: it passes or fails as a whole.
function checked(name: string, ok: boolean): void {
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, note: '' });
}

interface CoverageTotals { statements: { pct: number }; branches: { pct: number }; functions: { pct: number }; lines: { pct: number } }

/** One line from coverage-v8's json-summary, or why there is none. */
function coverageLine(file: string): string {
  const summary = readJson(file) as { total?: CoverageTotals } | null;
  const t = summary?.total;
  if (!t) return `coverage: no report at ${file}`;
  return `coverage (src/**, unit tests): statements ${t.statements.pct}%, branches ${t.branches.pct}%, functions ${t.functions.pct}%, lines ${t.lines.pct}%`;
}

let pg: TempPostgres | null = null;
// no stale figures from an earlier run: the summary reads what this run's unit step wrote, or says there is none
const coverageSummary = `${outDir}/coverage/coverage-summary.json`;
rmSync(`${outDir}/coverage`, { recursive: true, force: true });
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
  // the build goes with them: it is a few seconds, and the end-to-end step needs it after the unit step
  const [typecheckOk, lintOk, buildOk] = await runTogether([
    { name: 'typecheck', cmd: 'npx', args: ['tsc', '--noEmit'] },
    { name: 'lint', cmd: 'npx', args: ['eslint', '.', '--max-warnings=0'] },
    { name: 'build', cmd: 'npx', args: ['vite', 'build'] },
  ]);
  checked('typecheck', typecheckOk!);
  checked('lint', lintOk!);

  const vitestJson = `${outDir}/vitest.json`;
  const unitOk = run('unit', 'npx', ['vitest', 'run', '--coverage', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`], env);
  const unit = readJson(vitestJson) as { numPassedTests?: number; numFailedTests?: number; numPendingTests?: number; numTodoTests?: number } | null;
  const unitSkipped = (unit?.numPendingTests ?? 0) + (unit?.numTodoTests ?? 0);
  results.push({ name: 'unit', passed: unit?.numPassedTests ?? 0, failed: failures(unit?.numFailedTests ?? 0, unitOk), skipped: unitSkipped, note: unit ? '' : 'no report' });

  checked('build', buildOk!);

  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    console.error(`\nend-to-end tests need Chromium at ${chromium} (Debian: apt-get install chromium); they count as failed.`);
    results.push({ name: 'e2e', passed: 0, failed: 1, skipped: 0, note: 'no chromium' });
  } else if (!buildOk) {
    results.push({ name: 'e2e', passed: 0, failed: 1, skipped: 0, note: 'build failed' });
  } else {
    const e2eJson = `${outDir}/playwright.json`;
    const e2eOk = run('e2e', 'npx', ['playwright', 'test', '--reporter=list,json'], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson });
    const report = readJson(e2eJson) as { stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number } } | null;
    const s = report?.stats;
    // a test that failed and then passed on its retry is a failure: the retry is there for the trace, not for a green run
    const flaky = s?.flaky ?? 0;
    results.push({ name: 'e2e', passed: s?.expected ?? 0, failed: failures((s?.unexpected ?? 0) + flaky, e2eOk), skipped: s?.skipped ?? 0, note: [flaky ? `${flaky} flaky: failed, then passed on retry` : '', report ? '' : 'no report'].filter(Boolean).join(', ') });
  }
} finally {
  pg?.stop();
}

console.log('\n=== summary');
for (const r of results) console.log(`${r.name.padEnd(10)} ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped${r.note ? ` (${r.note})` : ''}`);
console.log(coverageLine(coverageSummary));
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
const skipped = results.reduce((n, r) => n + r.skipped, 0);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
// in CI nothing may be skipped: a skip there means a suite did not run (the README promises it never happens)
const ci = process.env.CI === 'true' || process.env.CI === '1';
if (ci && skipped > 0) console.error(`CI: ${skipped} skipped test(s) fail the run`);
process.exit(failed > 0 || (ci && skipped > 0) ? 1 : 0);
