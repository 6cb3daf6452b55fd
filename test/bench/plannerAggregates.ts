// `npm run bench:planner`: what the server's planner aggregates save (no pin download, no in-browser load) and what they
// cost (a round trip per filter change, a rebuild after every change), against GET /api/pins + the worker's engine.
// a real server process over seeded SQLite (and PostgreSQL when DATABASE_URL is set); bytes as sent (br/gzip, as the
// server compresses for a browser) and as JSON; medians; fails unless both paths give the same figures.
//   options: --quick (2k pins, few runs)  --storage sqlite|postgres
import http from 'node:http';
import os from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import zlib from 'node:zlib';
import { createPlannerEngine } from '../../src/core/plannerEngine.ts';
import type { PlannerQuery } from '../../src/core/plannerEngine.ts';
import { plannerClustersFromJson, plannerResultFromJson, plannerResultToJson, plannerSummaryFromJson } from '../../src/core/plannerWire.ts';
import { createPlannerAggregates } from '../../src/server/plannerAggregates.ts';
import type { ConsultationStorage } from '../../src/server/storage/storage.ts';
import { BENCH_BBOX } from './generateBenchData.ts';
import { reportCase, reportSummary, type CaseResult } from './plannerBenchReport.ts';
import { benchServerSeed, openBenchStore } from './plannerBenchStore.ts';
import { BENCH_ADMIN, freeLoopbackPort, startServerProcess } from './serverProcess.ts';

const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const SIZES = QUICK ? [2_000] : [100_000, 10_000];
const RUNS = QUICK ? 2 : 5; // the heavy cases: the old path, rebuilds
const RUNS_WARM = QUICK ? 3 : 15; // cached answers
const storageArg = args.includes('--storage') ? args[args.indexOf('--storage') + 1] : undefined;
const STORAGES = (['sqlite', 'postgres'] as const).filter((k) => (storageArg ? storageArg === k : k === 'sqlite' || process.env.DATABASE_URL));
if (storageArg === 'postgres' && !process.env.DATABASE_URL) throw new Error('--storage postgres needs DATABASE_URL');

// what the planner view asks for on opening, on a filter change, and for the cluster layer
const OPEN: PlannerQuery = { filter: {}, hexMetres: 500, area: null, topN: 5 };
const FILTER: PlannerQuery = { filter: { kind: 'priority' }, hexMetres: 250, area: null, topN: 5 };
const ZOOM = 12;
const PATHS = { summary: '/api/aggregates/summary', open: '/api/aggregates/planner?hex=500&top=5', filter: '/api/aggregates/planner?kind=priority&hex=250&top=5', clusters: `/api/aggregates/clusters?bbox=${BENCH_BBOX.join(',')}&zoom=${ZOOM}` };

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  if (!ok) failures.push(what);
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

function timed<T>(f: () => T): [number, T] {
  const t0 = performance.now();
  const value = f();
  return [performance.now() - t0, value];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Fetched {
  ms: number;
  receiveMs: number;
  decodeMs: number;
  parseMs: number;
  /** as sent: compressed when the server compressed it */
  wire: number;
  /** the JSON text */
  bytes: number;
  json: unknown;
}

// what browsers send; the server answers br or gzip (src/server/buildServer.ts)
const ACCEPT_ENCODING = 'gzip, deflate, br';

function receive(url: string, headers: Record<string, string>): Promise<{ status: number; encoding: string; raw: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { ...headers, 'accept-encoding': ACCEPT_ENCODING } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, encoding: String(res.headers['content-encoding'] ?? ''), raw: Buffer.concat(chunks) }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/**
 * receive the whole body, decompress, JSON.parse and (for the new path) the client's own check, as the browser does.
 * node:http rather than fetch, so the compressed size on the wire can be counted
 */
async function get(url: string, headers: Record<string, string>, read: (json: unknown) => unknown = (j) => j): Promise<Fetched> {
  const t0 = performance.now();
  const { status, encoding, raw } = await receive(url, headers);
  const received = performance.now();
  const body = encoding === 'br' ? zlib.brotliDecompressSync(raw) : encoding === 'gzip' ? zlib.gunzipSync(raw) : raw;
  const text = body.toString('utf8');
  const decoded = performance.now();
  if (status !== 200) throw new Error(`GET ${url}: ${status} ${text.slice(0, 300)}`);
  const json = JSON.parse(text) as unknown;
  read(json);
  const done = performance.now();
  return { ms: done - t0, receiveMs: received - t0, decodeMs: decoded - received, parseMs: done - decoded, wire: raw.length, bytes: body.length, json };
}

/** planner JSON without the timing field, through JSON so both sides have the same shape */
const comparable = (value: unknown) => {
  const copy = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
  delete copy.computeMs;
  delete copy.loadMs;
  return copy;
};

/** rough: what the engine keeps alive (typed arrays count as array buffers, not heap) */
async function engineMemory(storage: ConsultationStorage): Promise<{ heap: number; buffers: number }> {
  // a first build warms up the storage driver and the engine's code, so their one-off allocations are not counted
  const warmUp = createPlannerAggregates(storage);
  await warmUp.current();
  warmUp.stop();
  const aggregates = createPlannerAggregates(storage);
  gc();
  gc();
  const before = process.memoryUsage();
  const built = await aggregates.current();
  gc();
  gc();
  const after = process.memoryUsage();
  aggregates.stop();
  check(built.summary.pins > 0, 'the in-process engine saw no pins');
  return { heap: after.heapUsed - before.heapUsed, buffers: after.arrayBuffers - before.arrayBuffers };
}

type Samples = Record<string, number[]>;
const add = (s: Samples, key: string, v: number) => (s[key] ??= []).push(v);

async function benchCase(kind: 'sqlite' | 'postgres', size: number): Promise<CaseResult> {
  const data = benchServerSeed(size);
  const seeding = performance.now();
  const store = await openBenchStore(kind, data);
  const seedMs = performance.now() - seeding;
  const s: Samples = {};
  const wire: Record<string, number> = {};
  const bytes: Record<string, number> = {};
  const sized = (key: string, f: Fetched) => {
    wire[key] = f.wire;
    bytes[key] = f.bytes;
  };
  let server: Awaited<ReturnType<typeof startServerProcess>> | null = null;
  try {
    const memory = await engineMemory(store.storage);
    console.log(`[${kind} ${size}] seeded in ${(seedMs / 1000).toFixed(1)} s; starting the server`);
    server = await startServerProcess(store.env, await freeLoopbackPort());
    const url = server.url;
    const health = (await (await fetch(`${url}/api/health`)).json()) as { storage: string };
    if (health.storage !== kind) throw new Error(`expected a ${kind} server, /api/health says ${health.storage}`);
    const signIn = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(BENCH_ADMIN) });
    const auth = { authorization: `Bearer ${((await signIn.json()) as { token: string }).token}` };
    // the map loads the areas on both paths; not timed
    const areas = (await get(`${url}/api/areas`, auth)).json;

    // the old path: every pin over HTTP, then the worker's engine (one warm-up run first)
    let old: { summary: unknown; open: unknown; filter: unknown; clusters: unknown } | null = null;
    for (let run = 0; run <= RUNS; run++) {
      const pins = await get(`${url}/api/pins`, auth);
      const engine = createPlannerEngine();
      const [loadMs, summary] = timed(() => engine.load(areas, pins.json));
      const [queryMs, open] = timed(() => engine.query(OPEN));
      const [filterFirstMs, filter] = timed(() => engine.query(FILTER));
      const [filterMs] = timed(() => engine.query(FILTER));
      const [clustersFirstMs, clusters] = timed(() => engine.clusters({}, BENCH_BBOX, ZOOM));
      const [clustersMs] = timed(() => engine.clusters({}, BENCH_BBOX, ZOOM));
      old ??= { summary: comparable(summary), open: comparable(plannerResultToJson(open)), filter: comparable(plannerResultToJson(filter)), clusters: comparable({ themes: summary.themes, marks: clusters }) };
      check(summary.pins === size, `old path: ${summary.pins} pins loaded, expected ${size}`);
      sized('pins', pins);
      if (run === 0) continue;
      add(s, 'old.receive', pins.receiveMs);
      add(s, 'old.decode', pins.decodeMs);
      add(s, 'old.parse', pins.parseMs);
      add(s, 'old.load', loadMs);
      add(s, 'old.query', queryMs);
      add(s, 'old.open', pins.ms + loadMs + queryMs);
      add(s, 'old.filterFirst', filterFirstMs);
      add(s, 'old.filter', filterMs);
      add(s, 'old.clustersFirst', clustersFirstMs);
      add(s, 'old.clusters', clustersMs);
    }

    // the new path: the first request builds the engine; then cached answers (one warm-up round first)
    let lastBuild = performance.now();
    const cold = await get(`${url}${PATHS.summary}`, auth, plannerSummaryFromJson);
    let themes: string[] = (cold.json as { themes: string[] }).themes;
    let marks = 0;
    for (let run = 0; run <= RUNS_WARM; run++) {
      const summary = await get(`${url}${PATHS.summary}`, auth, plannerSummaryFromJson);
      const open = await get(`${url}${PATHS.open}`, auth, plannerResultFromJson);
      const filter = await get(`${url}${PATHS.filter}`, auth, plannerResultFromJson);
      const clusters = await get(`${url}${PATHS.clusters}`, auth, (j) => plannerClustersFromJson(j, themes));
      if (run === 0) {
        check(isDeepStrictEqual(comparable(summary.json), old!.summary), 'summary: the server and the old path disagree');
        check(isDeepStrictEqual(comparable(open.json), old!.open), 'planner (default filter): the area/hex/week counts or top pins differ from the old path');
        check(isDeepStrictEqual(comparable(filter.json), old!.filter), `planner (${FILTER.filter.kind}, ${FILTER.hexMetres} m): the counts differ from the old path`);
        check(isDeepStrictEqual(comparable(clusters.json), old!.clusters), 'clusters: the marks differ from the old path');
        themes = (summary.json as { themes: string[] }).themes;
        marks = (clusters.json as { marks: unknown[] }).marks.length;
        for (const [key, f] of [['summary', summary], ['open', open], ['filter', filter], ['clusters', clusters]] as const) sized(key, f);
        continue;
      }
      add(s, 'new.summary', summary.ms);
      add(s, 'new.planner', open.ms);
      add(s, 'new.open', summary.ms + open.ms);
      add(s, 'new.filter', filter.ms);
      add(s, 'new.clusters', clusters.ms);
    }

    // after one new pin: the next request rebuilds (reads every pin, loads the engine); hex ids and the cluster index
    // are then made again on first use. each run waits out the server's once-a-second spacing, so no wait is counted.
    // WARNING: on PostgreSQL the change reaches the engine by NOTIFY, even in the process that wrote it, so a read right
    // after the POST can still answer from the old engine (the app re-reads on the live event, which comes after it);
    // such reads are counted and read again, and only the read that shows the pin is timed
    const serverLoadMs: number[] = [];
    let staleReads = 0;
    const device = { 'content-type': 'application/json', 'x-device-token': 'bench-planner-device-token' };
    const position = data.pins[0]!.geometry.coordinates;
    for (let run = 0; run < RUNS; run++) {
      const body = { type: 'Feature', geometry: { type: 'Point', coordinates: position }, properties: { kind: 'priority', theme: themes[0], title: `bench rebuild ${run}` } };
      const posted = await fetch(`${url}/api/pins`, { method: 'POST', headers: device, body: JSON.stringify(body) });
      check(posted.status === 201, `posting a pin answered ${posted.status}`);
      await sleep(Math.max(0, lastBuild + 1100 - performance.now()));
      lastBuild = performance.now();
      let summary = await get(`${url}${PATHS.summary}`, auth, plannerSummaryFromJson);
      for (let retry = 0; (summary.json as { pins: number }).pins === size + run && retry < 100; retry++) {
        staleReads++;
        await sleep(20);
        lastBuild = performance.now();
        summary = await get(`${url}${PATHS.summary}`, auth, plannerSummaryFromJson);
      }
      const open = await get(`${url}${PATHS.open}`, auth, plannerResultFromJson);
      const filter = await get(`${url}${PATHS.filter}`, auth, plannerResultFromJson);
      const clusters = await get(`${url}${PATHS.clusters}`, auth, (j) => plannerClustersFromJson(j, themes));
      const after = summary.json as { pins: number; loadMs: number };
      check(after.pins === size + run + 1, `after ${run + 1} new pins the summary counts ${after.pins}, expected ${size + run + 1}`);
      serverLoadMs.push(after.loadMs);
      add(s, 'rebuild.summary', summary.ms);
      add(s, 'rebuild.planner', open.ms);
      add(s, 'rebuild.open', summary.ms + open.ms);
      add(s, 'rebuild.filter', filter.ms);
      add(s, 'rebuild.clusters', clusters.ms);
    }
    const ms = Object.fromEntries(Object.entries(s).map(([k, v]) => [k, median(v)]));
    return { kind, size, ms, wire, bytes, marks, serverLoadMs: median(serverLoadMs), staleReads, coldMs: cold.ms, memory };
  } finally {
    if (server) await server.stop();
    await store.drop();
  }
}

if (!process.env.DATABASE_URL) console.log('DATABASE_URL is not set: benchmarking SQLite only');
// a busy machine slows every case; the ratios, measured in the same run, hold up better than the times
console.log(`${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)} at the start`);
const started = performance.now();
const results: CaseResult[] = [];
for (const kind of STORAGES) {
  for (const size of SIZES) {
    const r = await benchCase(kind, size);
    reportCase(r, { heavy: RUNS, cached: RUNS_WARM, zoom: ZOOM });
    results.push(r);
  }
}
reportSummary(results);
console.log(`\nwhole run ${((performance.now() - started) / 1000).toFixed(0)} s`);
if (failures.length) {
  console.error(`\nBENCH FAILED: the server's aggregates differ from the old path's:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('planner bench: the server and the old path agree on every count (summary, areas, hexes, weeks, top pins, clusters)');
