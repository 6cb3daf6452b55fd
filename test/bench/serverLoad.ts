// `npm run bench:server`: 100+ concurrent clients post pins; afterwards every acknowledged pin must be stored exactly once.
// the crash variant SIGKILLs the server mid-load, restarts it, retries unanswered requests with the same idempotency key,
// and checks the same. runs on SQLite, and also on PostgreSQL when DATABASE_URL is set. the load runs twice per database,
// with group commit and with one transaction per pin (GROUP_COMMIT=off), in the same run, and prints their ratios.
//   options: --duration <s> (default 20)  --connections <n> (default 100)  --only load|crash  --storage sqlite|postgres
//            --group both|on|off (default both)  --profile <dir> (each load server's V8 CPU profile, in <dir>/<group mode>)
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { createAreaLocator } from '../../src/core/createAreaLocator.ts';
import type { AreaCollection } from '../../src/core/types.ts';
import { freeLoopbackPort, startServerProcess } from './serverProcess.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const DURATION = Number(option('duration', '20'));
const CONNECTIONS = Number(option('connections', '100'));
const ONLY = option('only', 'both');
const GROUP = option('group', 'both');
const PROFILE = option('profile', '');
if (!(DURATION > 0) || !(CONNECTIONS > 0)) throw new Error('--duration and --connections must be positive numbers');

interface Sent { token: string; body: string }

/** points inside the first few areas, so every posted pin is valid */
async function samplePositions(url: string): Promise<[number, number][]> {
  const areas = (await (await fetch(`${url}/api/areas`)).json()) as AreaCollection;
  const locate = createAreaLocator(areas);
  const ring = (areas.features[0]!.geometry.type === 'Polygon' ? areas.features[0]!.geometry.coordinates[0] : areas.features[0]!.geometry.coordinates[0]![0])!;
  const xs = ring.map((p) => p[0]!);
  const ys = ring.map((p) => p[1]!);
  const points: [number, number][] = [];
  for (let i = 0; points.length < 64 && i < 100_000; i++) {
    const p: [number, number] = [Math.min(...xs) + Math.random() * (Math.max(...xs) - Math.min(...xs)), Math.min(...ys) + Math.random() * (Math.max(...ys) - Math.min(...ys))];
    if (locate(p)) points.push(p);
  }
  if (!points.length) throw new Error('could not find a point inside the first area');
  return points;
}

async function runLoad(url: string, run: string, positions: [number, number][], acked: Map<string, string>, sent: Map<string, Sent>, killAfterMs?: number, kill?: () => Promise<void>) {
  const themes = ((await (await fetch(`${url}/api/themes`)).json()) as { id: string }[]).map((t) => t.id);
  let seq = 0;
  let killed = false;
  const instance = autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    timeout: 10,
    requests: [{
      method: 'POST',
      path: '/api/pins',
      setupRequest(request: Record<string, unknown>, context: Record<string, unknown>) {
        context.token ??= crypto.randomBytes(18).toString('base64url');
        const key = `${run}-${++seq}`;
        const position = positions[seq % positions.length]!;
        const body = JSON.stringify({ type: 'Feature', geometry: { type: 'Point', coordinates: position }, properties: { kind: seq % 2 ? 'asset' : 'priority', theme: themes[seq % themes.length], title: `bench ${key}` } });
        context.key = key;
        // after the kill nothing reaches the server; only requests sent before it may need resending
        if (!killed) sent.set(key, { token: context.token as string, body });
        return { ...request, body, headers: { 'content-type': 'application/json', 'x-device-token': context.token, 'idempotency-key': key } };
      },
      onResponse(status: number, body: string, context: Record<string, unknown>) {
        if (status === 201 || status === 200) acked.set(context.key as string, (JSON.parse(body) as { id: string }).id);
      },
    }],
  });
  if (killAfterMs !== undefined && kill) {
    setTimeout(() => {
      killed = true;
      void kill().then(() => instance.stop());
    }, killAfterMs);
  }
  return new Promise<autocannon.Result>((resolve, reject) => {
    instance.then(resolve, reject);
  });
}

/** every acknowledged key's pin is stored, with the acknowledged id, exactly once (read per device: a list answer holds at most 10 000 pins) */
async function verify(url: string, run: string, acked: Map<string, string>, sent: Map<string, Sent>): Promise<{ stored: number; missing: number; duplicated: number; wrongId: number }> {
  const pins: { id: string; properties: { title: string } }[] = [];
  for (const token of new Set([...sent.values()].map((s) => s.token))) {
    const page = (await (await fetch(`${url}/api/pins?mine=true&limit=10000`, { headers: { 'x-device-token': token } })).json()) as { features: typeof pins; truncated: boolean };
    if (page.truncated) throw new Error('one device has more than 10 000 pins: shorten --duration');
    pins.push(...page.features);
  }
  const byKey = new Map<string, string[]>();
  for (const pin of pins) {
    const key = pin.properties.title.startsWith(`bench ${run}-`) ? pin.properties.title.slice(6) : null;
    if (key) byKey.set(key, [...(byKey.get(key) ?? []), pin.id]);
  }
  let missing = 0, duplicated = 0, wrongId = 0;
  for (const [key, id] of acked) {
    const ids = byKey.get(key) ?? [];
    if (ids.length === 0) missing++;
    else if (ids.length > 1) duplicated++;
    else if (ids[0] !== id) wrongId++;
  }
  for (const ids of byKey.values()) if (ids.length > 1) duplicated++;
  return { stored: [...byKey.values()].length, missing, duplicated, wrongId };
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux) */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

interface LoadFigures { pinsPerSecond: number; p50: number; p99: number; cpuMsPerPin: number }

function report(label: string, result: autocannon.Result, acked: number, cpu?: number): LoadFigures {
  const pinsPerSecond = acked / result.duration;
  const cpuMsPerPin = cpu === undefined ? NaN : cpu / Math.max(1, acked);
  console.log(`${label}: ${CONNECTIONS} connections, ${result.duration.toFixed(1)} s; ${acked} pins acknowledged, ${pinsPerSecond.toFixed(0)} pins/s; ` +
    `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; ` +
    (cpu === undefined ? '' : `server CPU ${cpuMsPerPin.toFixed(3)} ms per pin (${((cpu / (result.duration * 1000)) * 100).toFixed(0)} % of a core); `) +
    `non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}`);
  return { pinsPerSecond, p50: result.latency.p50, p99: result.latency.p99, cpuMsPerPin };
}

async function checkStorageKind(url: string, kind: string) {
  const health = (await (await fetch(`${url}/api/health`)).json()) as { storage: string };
  if (health.storage !== kind) throw new Error(`expected a ${kind} server, /api/health says ${health.storage}`);
}

async function benchStorage(kind: 'sqlite' | 'postgres'): Promise<boolean> {
  let ok = true;
  // keys unique to this invocation, so pins left by earlier runs in the same database cannot confuse the check
  const runId = Date.now().toString(36);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coplan-bench-'));
  const schema = `bench_${process.pid}_${Date.now().toString(36)}`;
  // DATABASE_URL is cleared for SQLite, or the child would inherit it and quietly use PostgreSQL
  const env: Record<string, string> = kind === 'sqlite' ? { DATA_DIR: dataDir, DATABASE_URL: '' } : { DATABASE_URL: process.env.DATABASE_URL!, DATABASE_SCHEMA: schema };
  const port = await freeLoopbackPort();
  try {
    if (ONLY !== 'crash') {
      const figures = new Map<string, LoadFigures>();
      for (const mode of GROUP === 'both' ? ['on', 'off'] : [GROUP]) {
        const label = mode === 'on' ? 'group commit' : 'one transaction per pin';
        // a database of its own per mode, so the second run does not start on the first one's pins
        const own: Record<string, string> = kind === 'sqlite' ? { DATA_DIR: path.join(dataDir, mode) } : { DATABASE_SCHEMA: `${schema}_${mode}` };
        const server = await startServerProcess({ ...env, ...own, GROUP_COMMIT: mode }, port, { nodeArgs: PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(PROFILE, mode)}`] : [] });
        await checkStorageKind(server.url, kind);
        const acked = new Map<string, string>();
        const run = `load${mode}${runId}`;
        const positions = await samplePositions(server.url);
        const cpuBefore = cpuMs(server.child.pid!);
        const sent = new Map<string, Sent>();
        const result = await runLoad(server.url, run, positions, acked, sent);
        figures.set(mode, report(`[${kind}] load, ${label}`, result, acked.size, cpuMs(server.child.pid!) - cpuBefore));
        const check = await verify(server.url, run, acked, sent);
        console.log(`[${kind}] load check, ${label}: ${check.stored} stored (acknowledged + in flight at the end), ${check.missing} missing, ${check.duplicated} duplicated, ${check.wrongId} with another id`);
        ok &&= check.missing === 0 && check.duplicated === 0 && check.wrongId === 0 && acked.size > 0;
        await server.stop();
      }
      const [on, off] = [figures.get('on'), figures.get('off')];
      if (on && off) {
        console.log(`[${kind}] group commit against one transaction per pin: ${(on.pinsPerSecond / off.pinsPerSecond).toFixed(2)}x the pins/s, ` +
          `p50 ${on.p50} vs ${off.p50} ms, p99 ${on.p99} vs ${off.p99} ms (${(off.p99 / Math.max(1, on.p99)).toFixed(2)}x lower), ` +
          `server CPU ${on.cpuMsPerPin.toFixed(3)} vs ${off.cpuMsPerPin.toFixed(3)} ms per pin; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
      }
    }
    if (ONLY !== 'load') {
      const server = await startServerProcess(env, port);
      await checkStorageKind(server.url, kind);
      const acked = new Map<string, string>();
      const sent = new Map<string, Sent>();
      const result = await runLoad(server.url, `crash${runId}`, await samplePositions(server.url), acked, sent, (DURATION * 1000) / 2, () => server.kill());
      report(`[${kind}] crash (SIGKILL at ${DURATION / 2} s), group commit`, result, acked.size);
      const restarted = await startServerProcess(env, port);
      // what an offline outbox does after a crash: resend every unanswered request with its idempotency key
      const unanswered = [...sent.keys()].filter((k) => !acked.has(k));
      let replayed = 0;
      for (const key of unanswered) {
        const { token, body } = sent.get(key)!;
        const res = await fetch(`${restarted.url}/api/pins`, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-device-token': token, 'idempotency-key': key } });
        if (res.status === 200) replayed++;
        if (res.ok) acked.set(key, ((await res.json()) as { id: string }).id);
      }
      const check = await verify(restarted.url, `crash${runId}`, acked, sent);
      console.log(`[${kind}] after restart: ${unanswered.length} unanswered requests resent (${replayed} had been stored before the crash); ` +
        `${check.stored} stored, ${check.missing} missing, ${check.duplicated} duplicated, ${check.wrongId} with another id`);
      ok &&= check.missing === 0 && check.duplicated === 0 && check.wrongId === 0;
      await restarted.stop();
    }
  } finally {
    if (args.includes('--keep')) console.log(`kept ${kind === 'sqlite' ? dataDir : `schema ${schema}`}`);
    else fs.rmSync(dataDir, { recursive: true, force: true });
    if (kind === 'postgres' && !args.includes('--keep')) {
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      for (const s of [schema, `${schema}_on`, `${schema}_off`]) await client.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
      await client.end();
    }
  }
  return ok;
}

const storages = option('storage', process.env.DATABASE_URL ? 'both' : 'sqlite');
if (!process.env.DATABASE_URL) console.log('DATABASE_URL is not set: benchmarking SQLite only');
console.log(`load average at the start: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
let allOk = true;
for (const kind of ['sqlite', 'postgres'] as const) {
  if (storages === 'both' || storages === kind) allOk = (await benchStorage(kind)) && allOk;
}
console.log(allOk ? 'server bench: every acknowledged pin stored exactly once' : 'server bench: FAILED, see the checks above');
process.exit(allOk ? 0 : 1);
