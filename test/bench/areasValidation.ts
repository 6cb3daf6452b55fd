// npm run bench:areas: how boundary validation (core parseAreas) grows with input size on pathological files, against
// JSON.parse of the same text as a same-run linear baseline, and how long a 10 MB upload blocks the server's event loop.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseAreas } from '../../src/core/parseAreas.ts';
import { DEFAULT_AREAS_BODY_LIMIT } from '../../src/server/buildServer.ts';
import { validateAreasBody } from '../../src/server/catalog.ts';
import { startTestServer } from '../support/serverHarness.ts';
import { AREA_CASES } from './pathologicalAreas.ts';
import { acceptedUploadLoop } from './uploadEventLoop.ts';
import type { AreaCase } from './pathologicalAreas.ts';

const quick = process.argv.includes('--quick');
const RUNS = quick ? 5 : 7;
/** sizes as multiples of each case's base n: every step doubles the input */
const STEPS = quick ? [1, 2, 4] : [1, 2, 4, 8];
/** base n per case: the largest step is about 1–3 MB of JSON */
const BASE: Record<string, number> = { sawtooth: 8000, 'sawtooth-crossing': 6000, 'shared-id': 2000, 'many-holes': 4000, 'many-members': 4000, 'concentric-diamonds': 2000 };
/** cases kept in the table although they still grow faster than linearly (see crossingsBetweenGroups' WARNING) */
const KNOWN_SUPERLINEAR = new Set<string>();
/** a doubling may cost at most this factor (linear: 2, quadratic: 4), and a MB at most this many ms */
const MAX_GROWTH = 2.8;
const MAX_MS_PER_MB = 1000;

/** median and fastest of RUNS timed runs after one warm-up. WARNING: on a shared machine the median swings with other
 * people's load; the fastest run is the least disturbed estimate, so growth is judged on it */
function timed(f: () => unknown): { median: number; min: number } {
  f();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, min: times[0]! };
}
const mb = (text: string) => Buffer.byteLength(text) / 1e6;
const failures: string[] = [];

function benchCase(c: AreaCase): void {
  console.log(`\n${c.name}: ${c.about}`);
  console.log('       n |       MB | parseAreas median (fastest) ms | ms/MB | JSON.parse ms | ÷JSON.parse | ×fastest per doubling (JSON.parse)');
  let previous: { ms: number; json: number } | null = null;
  const growth: number[] = [];
  let lastPerMb = 0;
  for (const step of STEPS) {
    const n = BASE[c.name]! * step;
    const text = c.make(n);
    const result = parseAreas(text);
    if (result.ok !== c.valid) failures.push(`${c.name} at n=${n}: expected ${c.valid ? 'accepted' : 'refused'}, got ${result.ok ? 'accepted' : 'refused'}`);
    const run = timed(() => parseAreas(text));
    const ms = run.min;
    const json = timed(() => JSON.parse(text)).min;
    const ratio = previous ? `${(ms / previous.ms).toFixed(2)} (${(json / previous.json).toFixed(2)})` : '';
    if (previous) growth.push(ms / previous.ms);
    lastPerMb = ms / mb(text);
    const figure = `${run.median.toFixed(1)} (${ms.toFixed(1)})`;
    console.log(`${String(n).padStart(8)} | ${mb(text).toFixed(3).padStart(8)} | ${figure.padStart(30)} | ${lastPerMb.toFixed(0).padStart(5)} | ${json.toFixed(1).padStart(13)} | ${(ms / json).toFixed(0).padStart(11)} | ${ratio}`);
    previous = { ms, json };
  }
  // the geometric mean of the doublings: one noisy step on a shared machine does not decide
  const mean = Math.exp(growth.reduce((s, g) => s + Math.log(g), 0) / growth.length);
  const verdict = mean <= MAX_GROWTH ? 'linear' : 'SUPERLINEAR';
  console.log(`  growth per doubling: ${mean.toFixed(2)} (${verdict})${KNOWN_SUPERLINEAR.has(c.name) ? ' — known, not yet fixed' : ''}`);
  if (KNOWN_SUPERLINEAR.has(c.name)) return;
  if (mean > MAX_GROWTH) failures.push(`${c.name}: time grows ${mean.toFixed(2)}× per doubling of the input`);
  if (lastPerMb > MAX_MS_PER_MB) failures.push(`${c.name}: ${lastPerMb.toFixed(0)} ms per MB`);
}

/** the longest the event loop went without running a 1 ms timer while `work` ran, and what perf_hooks saw */
async function blocked(work: () => Promise<unknown> | unknown): Promise<{ drift: number; histogram: number; total: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  let last = performance.now();
  let drift = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    drift = Math.max(drift, now - last);
    last = now;
  }, 1);
  histogram.enable();
  const t0 = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 5));
  await work();
  await new Promise((resolve) => setTimeout(resolve, 5));
  const total = performance.now() - t0;
  histogram.disable();
  clearInterval(probe);
  return { drift, histogram: histogram.max / 1e6, total };
}

async function eventLoop(): Promise<void> {
  const cases = ['shared-id', 'sawtooth', 'many-holes', 'sawtooth-crossing'];
  console.log('\nevent loop during a 10 MB upload: longest gap of a 1 ms timer, ms (perf_hooks monitorEventLoopDelay max)');
  // a real server: PUT …/areas takes the body's text and the worker parses it (the request runs up to the 409 or 400)
  const server = await startTestServer();
  const token = await server.plannerToken();
  for (const name of cases) {
    const c = AREA_CASES.find((x) => x.name === name)!;
    let n = BASE[name]!;
    let text = c.make(n);
    while (mb(text) < 9.5 || Buffer.byteLength(text) > DEFAULT_AREAS_BODY_LIMIT) {
      n = Math.floor((n * 10) / mb(text));
      text = c.make(n);
    }
    const body: unknown = JSON.parse(text);
    const inline = await blocked(() => parseAreas(text));
    const worker = await blocked(() => validateAreasBody(body));
    // what fastify's JSON parser used to do on the event loop before the route saw the body
    const bodyParse = await blocked(() => JSON.parse(text));
    let status = 0;
    const upload = await blocked(async () => {
      status = (await server.app.inject({ method: 'PUT', url: '/api/areas', payload: text, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } })).statusCode;
    });
    console.log(`  ${name} (${mb(text).toFixed(1)} MB): checked on the event loop ${inline.drift.toFixed(0)} ms (${inline.histogram.toFixed(0)}); ` +
      `parsed body to the worker (validateAreasBody) ${worker.drift.toFixed(0)} ms (${worker.histogram.toFixed(0)}); JSON.parse of the body ${bodyParse.drift.toFixed(0)} ms (${bodyParse.histogram.toFixed(0)}); ` +
      `PUT …/areas with the text (answer ${status}) ${upload.drift.toFixed(0)} ms (${upload.histogram.toFixed(0)}) over ${upload.total.toFixed(0)} ms`);
    if (status === 413 || status >= 500) failures.push(`${name}: the upload was answered ${status}`);
    // a refused file (400) is parsed and checked in the worker only; an accepted one then builds its locator and is stored here
    if (status === 400 && upload.histogram > Math.max(0.6 * bodyParse.histogram, 60)) {
      failures.push(`${name}: a 10 MB upload stalled the event loop for ${upload.histogram.toFixed(0)} ms (JSON.parse of it: ${bodyParse.histogram.toFixed(0)} ms)`);
    }
    // an accepted file is measured on its own below, up to the planner engine rebuilt on it
  }
  await server.close();
}

// `--upload`: only the accepted-upload figures below (a minute or two rather than several)
const uploadOnly = process.argv.includes('--upload');
// `--case NAME`: only that case's growth table
const only = process.argv.includes('--case') ? process.argv[process.argv.indexOf('--case') + 1] : undefined;
if (only) {
  benchCase(AREA_CASES.find((c) => c.name === only)!);
} else if (!uploadOnly) {
  for (const c of AREA_CASES) benchCase(c);
  await eventLoop();
}
// `--sawtooth` adds the one-ring case: its planner index takes tens of seconds to build (in a worker, off the loop)
const accepted = ['shared-id', 'many-holes', 'many-members', ...(process.argv.includes('--sawtooth') ? ['sawtooth'] : [])];
if (!only) failures.push(...(await acceptedUploadLoop(accepted.map((name) => ({ c: AREA_CASES.find((x) => x.name === name)!, base: BASE[name]! })), quick ? 1 : 3)));
if (failures.length > 0) {
  console.error(`\nBENCH FAILED:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log('\nboundary validation grows linearly on every case checked (bar the known one above), and a 10 MB upload leaves the event loop free');
