// `npx tsx test/bench/minePins.ts`: what a resident's own pins cost (GET …/pins?mine=true) with many pins stored.
// Fills a database with N pins from D devices through the bulk path, starts the server on it, and prints the median
// request time of ?mine=true over sampled devices beside ?limit=<that device's count> (the same number of rows, read in
// list order from the front: what its own rows cost). Then, in the same run on the same data, the storage read alone:
// today's listPins against the statement the server ran before (`author IN (keyed, legacy, '')`), with their ratio.
//   options: --pins <N> (default 100000)  --devices <n> (1000)  --requests <n> (40)  --storage sqlite|postgres|both
//            (default: both when DATABASE_URL is set, else sqlite)  --explain (prints both statements' plans, for the
//            device with the most pins)  --root <dir> (fills the database and runs the server of another checkout, e.g.
//            `git worktree add /tmp/before <commit>` with node_modules linked: the request figures from before a change)
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { authorOf, legacyAuthorOf } from '../../src/server/auth.ts';
import { loadSeed } from '../../src/server/loadSeed.ts';
import { createStorage } from '../../src/server/storage/databaseStorage.ts';
import type { StorageDialect } from '../../src/server/storage/db/storageDialect.ts';
import { pinListQuery } from '../../src/server/storage/queries/pins.ts';
import { PIN_COLUMNS } from '../../src/server/storage/pinRows.ts';
import type { ServerPin } from '../../src/server/storage/storage.ts';
import { explainPlan } from '../support/explainPlan.ts';
import { freeLoopbackPort, REPO, startServerProcess } from './serverProcess.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const PINS = Number(option('pins', '100000'));
const DEVICES = Number(option('devices', '1000'));
const REQUESTS = Number(option('requests', '40'));
const STORAGE = option('storage', process.env.DATABASE_URL ? 'both' : 'sqlite');
const ROOT = path.resolve(option('root', REPO));
/** the checkout's own code for what it writes and runs: its migrations make the database its server expects */
const from = <T>(file: string) => import(path.join(ROOT, file)) as Promise<T>;
const { createPinGenerator } = await from<typeof import('../../src/core/generatePins.ts')>('src/core/generatePins.ts');
const rootStorage = await from<typeof import('../../src/server/storage/databaseStorage.ts')>('src/server/storage/databaseStorage.ts');
const { openPostgresDialect } = await from<typeof import('../../src/server/storage/db/postgresDialect.ts')>('src/server/storage/db/postgresDialect.ts');
const { openSqliteDialect } = await from<typeof import('../../src/server/storage/db/sqliteDialect.ts')>('src/server/storage/db/sqliteDialect.ts');
const rootSeed = await from<typeof import('../../src/server/loadSeed.ts')>('src/server/loadSeed.ts');
if (![PINS, DEVICES, REQUESTS].every((n) => Number.isInteger(n) && n > 0)) throw new Error('--pins, --devices and --requests must be positive whole numbers');
if (!['sqlite', 'postgres', 'both'].includes(STORAGE)) throw new Error('--storage must be sqlite, postgres or both');
if (STORAGE !== 'sqlite' && !process.env.DATABASE_URL) throw new Error('--storage postgres needs DATABASE_URL');

const SECRET = crypto.randomBytes(32).toString('base64url');
/** the page the route asks storage for: DEFAULT_LIST_PAGE and one more */
const PAGE = 10_001;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
async function timed(f: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
}

interface Device { token: string; pins: number }

/** N pins over the consultation's areas, each by one of the devices (uneven: a few devices make many) */
async function fill(dialect: StorageDialect): Promise<{ consultationId: string; devices: Device[] }> {
  const storage = await rootStorage.createStorage(dialect, { seed: () => rootSeed.loadSeed(path.join(ROOT, 'data'), { demo: true }) });
  const [consultation] = await storage.listConsultations();
  const store = storage.consultation(consultation!.id);
  const [areas, themes] = await Promise.all([store.getAreas(), store.getThemes()]);
  const next = createPinGenerator(areas, { themes: themes.map((t) => t.id), idOf: () => crypto.randomUUID(), seed: 16, sessions: [] });
  const devices: Device[] = Array.from({ length: DEVICES }, (_, i) => ({ token: `bench-device-${String(i).padStart(8, '0')}`, pins: 0 }));
  const authors = devices.map((d) => authorOf(d.token, SECRET));
  // the same devices' pins in every run (mulberry32), so runs of two checkouts compare like with like
  let state = 16;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let done = 0; done < PINS; ) {
    const rows: ServerPin[] = [];
    for (; rows.length < 20_000 && done < PINS; done++) {
      const d = Math.floor(DEVICES * random() ** 2);
      devices[d]!.pins++;
      const pin = next();
      rows.push({ ...pin, properties: { ...pin.properties, author: authors[d]!, hidden: false } });
    }
    await store.bulkInsertPins(rows);
  }
  return { consultationId: consultation!.id, devices };
}

/** the devices to ask for, spread over how many pins they have, each with at least one */
function sample(devices: Device[]): Device[] {
  const withPins = devices.filter((d) => d.pins > 0).sort((a, b) => a.pins - b.pins);
  return Array.from({ length: Math.min(REQUESTS, withPins.length) }, (_, i) => withPins[Math.floor((i * withPins.length) / Math.min(REQUESTS, withPins.length))]!);
}

async function requests(env: Record<string, string>, devices: Device[]): Promise<{ mine: number; ownRows: number; rows: number }> {
  const server = await startServerProcess({ ...env, COPLAN_SECRET: SECRET }, await freeLoopbackPort(), { root: ROOT });
  try {
    const get = async (query: string, token: string) => {
      const res = await fetch(`${server.url}/api/pins?${query}`, { headers: { 'x-device-token': token } });
      if (!res.ok) throw new Error(`GET /api/pins?${query}: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { features: unknown[] }).features.length;
    };
    // the first request makes the consultation's planner engine from every pin: not part of any figure
    await get('limit=1', devices[0]!.token);
    const mine: number[] = [];
    const ownRows: number[] = [];
    for (const device of devices) {
      let n = 0;
      mine.push(await timed(async () => (n = await get('mine=true', device.token))));
      if (n !== device.pins) throw new Error(`mine=true gave ${n} pins, the device made ${device.pins}`);
      ownRows.push(await timed(() => get(`limit=${device.pins}`, device.token)));
    }
    return { mine: median(mine), ownRows: median(ownRows), rows: median(devices.map((d) => d.pins)) };
  } finally {
    await server.stop();
  }
}

/** the storage read alone: today's listPins, and the statement before it, for the same devices */
async function reads(dialect: StorageDialect, consultationId: string, devices: Device[]): Promise<{ now: number; before: number }> {
  const storage = await createStorage(dialect, { seed: () => loadSeed(path.join(REPO, 'data'), { demo: true }) });
  const store = storage.consultation(consultationId);
  const authorsOf = (device: Device) => [authorOf(device.token, SECRET), legacyAuthorOf(device.token)];
  const before = (device: Device) => dialect.db.selectFrom('pins').select(PIN_COLUMNS).where('consultation_id', '=', consultationId)
    .where('hidden', '=', dialect.bool(false)).where('author', 'in', [...authorsOf(device), '']).orderBy('created_at').orderBy('id').limit(PAGE);
  const times = { now: [] as number[], before: [] as number[] };
  for (const device of devices) {
    times.now.push(await timed(() => store.listPins({ author: authorsOf(device), limit: PAGE })));
    times.before.push(await timed(() => before(device).execute()));
  }
  if (args.includes('--explain')) {
    const most = devices.at(-1)!;
    const now = await pinListQuery(dialect, consultationId, { author: authorsOf(most), limit: PAGE });
    console.log(`[${dialect.kind}] plan now:\n  ${(await explainPlan(dialect, now!)).join('\n  ')}`);
    console.log(`[${dialect.kind}] plan before:\n  ${(await explainPlan(dialect, before(most))).join('\n  ')}`);
  }
  await storage.close();
  return { now: median(times.now), before: median(times.before) };
}

async function bench(kind: 'sqlite' | 'postgres'): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coplan-mine-'));
  const schema = `bench_mine_${process.pid}_${Date.now().toString(36)}`;
  const open = () => (kind === 'sqlite' ? openSqliteDialect(path.join(dir, 'coplan.sqlite')) : openPostgresDialect({ connectionString: process.env.DATABASE_URL!, schema }));
  try {
    const filling = await open();
    const t0 = performance.now();
    const { consultationId, devices } = await fill(filling);
    // what autovacuum does soon after a bulk insert, done now so it does not run during the timings
    if (kind === 'postgres') await sql`VACUUM ANALYZE pins`.execute(filling.db);
    await filling.close();
    const asked = sample(devices);
    console.log(`[${kind}] ${PINS} pins from ${DEVICES} devices stored in ${((performance.now() - t0) / 1000).toFixed(1)} s; asking for ${asked.length} devices' own pins`);
    const env: Record<string, string> = kind === 'sqlite' ? { DATA_DIR: dir, DATABASE_URL: '' } : { DATABASE_URL: process.env.DATABASE_URL!, DATABASE_SCHEMA: schema };
    const http = await requests(env, asked);
    console.log(`[${kind}] GET /api/pins?mine=true: median ${http.mine.toFixed(1)} ms for a median of ${http.rows} own pins; ` +
      `GET /api/pins?limit=<own count>: ${http.ownRows.toFixed(1)} ms (mine costs ${(http.mine / http.ownRows).toFixed(2)}x its own rows)`);
    if (ROOT !== REPO) {
      console.log(`[${kind}] (the server of ${ROOT}; the storage read is compared in this checkout's runs only)`);
      return;
    }
    const storage = await reads(await open(), consultationId, asked);
    console.log(`[${kind}] storage read of a device's own pins: median ${storage.now.toFixed(2)} ms now, ${storage.before.toFixed(2)} ms with author IN (…) as before: ` +
      `before takes ${(storage.before / storage.now).toFixed(1)}x as long; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    if (kind === 'postgres') {
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  }
}

for (const kind of STORAGE === 'both' ? (['sqlite', 'postgres'] as const) : [STORAGE as 'sqlite' | 'postgres']) await bench(kind);
