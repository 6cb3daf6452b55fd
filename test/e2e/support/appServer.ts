// every test gets its own coplan server (own SQLite file, or own PostgreSQL schema with `test.use({ storage: 'postgres' })`,
// seeded with the demo town), so tests never see each other's pins: counts stay theirs, and a phone map holds the demo
// pins and the test's own, not the whole run's.
import { test as base, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import pg from 'pg';
import path from 'node:path';
import { SERVER_BUNDLE } from './bundleServer.ts';
import { writeSeededDatabase } from './seedPins.ts';

/** the first admin every e2e server starts with (COPLAN_ADMIN_EMAIL / COPLAN_ADMIN_PASSWORD) */
export const E2E_ADMIN_EMAIL = 'admin@e2e.test';
export const E2E_ADMIN_PASSWORD = 'e2e-admin-password-1';

interface AppServer {
  url: string;
}

const repoRoot = path.resolve(import.meta.dirname, '../../..');

/** Starts `src/server/main.ts` on a free port and resolves with its address once it listens. */
export async function startServer(dataDir: string, storage: StorageEnv = { DATABASE_URL: '' }, basemap = ''): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  // the bundle Playwright's global setup wrote (support/bundleServer.ts), or the sources through tsx with E2E_SERVER=tsx
  const [command, args] = process.env.E2E_SERVER === 'tsx' ? [path.join(repoRoot, 'node_modules/.bin/tsx'), ['src/server/main.ts']] : [process.execPath, [SERVER_BUNDLE]];
  const child = spawn(command, args, {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DIST_DIR: process.env.DIST_DIR ?? 'dist',
      TILE_URL: '',
      // '' is no basemap (TILE_URL ''); a file's path serves that vector basemap
      BASEMAP: basemap,
      NODE_ENV: 'test',
      // WARNING: Playwright's request client reuses an idle connection without retrying when the server closes it at
      // that moment (browsers retry): at the default 5 s a test's API call once failed with ECONNRESET
      KEEP_ALIVE_TIMEOUT_MS: '120000',
      COPLAN_ADMIN_EMAIL: E2E_ADMIN_EMAIL,
      COPLAN_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
      LOG: '0',
      // every test opens fresh browsers from 127.0.0.1, each asking for a device token: more than one address would
      DEVICE_RATE_LIMIT: '0',
      // SQLite in DATA_DIR unless the test asked for PostgreSQL
      ...storage,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the coplan server did not start within 30 s:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the coplan server exited (code ${code}) before listening:\n${output}`));
    });
  });
  return { url, child, output: () => output };
}

/** DATABASE_URL '' for SQLite in DATA_DIR, or a PostgreSQL URL and the schema to keep this server's tables in */
export type StorageEnv = { DATABASE_URL: '' } | { DATABASE_URL: string; DATABASE_SCHEMA: string };

interface AppServerOptions {
  /** the database the server stores in: its own SQLite file (default), or a fresh schema of the PostgreSQL at DATABASE_URL */
  storage: 'sqlite' | 'postgres';
  /** generated pins the server starts with besides the demo town, e.g. `test.use({ seedPins: 8000 })`; 0: the demo town only */
  seedPins: number;
  /** a .pmtiles or .mbtiles file for the server's BASEMAP, e.g. `test.use({ basemap: file })`; '': no basemap */
  basemap: string;
}

export const test = base.extend<AppServerOptions & { appServer: AppServer }>({
  seedPins: [0, { option: true }],
  storage: ['sqlite', { option: true }],
  basemap: ['', { option: true }],
  appServer: async ({ seedPins, storage, basemap }, use, testInfo) => {
    const dataDir = path.join(repoRoot, 'test/output/e2e-data', `${testInfo.testId}-${testInfo.repeatEachIndex}-${testInfo.retry}`);
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    if (seedPins > 0) {
      // written before the server starts, so it finds its database seeded and serves these pins from its first request
      const started = Date.now();
      await writeSeededDatabase(dataDir, seedPins);
      testInfo.annotations.push({ type: 'seedPins', description: `${seedPins} generated pins written in ${Date.now() - started} ms` });
    }
    let env: StorageEnv = { DATABASE_URL: '' };
    if (storage === 'postgres') {
      const url = process.env.DATABASE_URL;
      // a failure, not a skip: a green run must mean the app ran on PostgreSQL
      if (!url) throw new Error('this test runs the app on PostgreSQL and needs DATABASE_URL (.ci/run and `npm test` start one)');
      env = { DATABASE_URL: url, DATABASE_SCHEMA: `e2e_${process.pid}_${Date.now().toString(36)}_${testInfo.workerIndex}` };
    }
    const server = await startServer(dataDir, env, basemap);
    const health = await fetch(`${server.url}/api/health`);
    expect(health.ok, `the e2e server answers /api/health:\n${server.output()}`).toBe(true);
    expect((await health.json()).storage, 'the server stores where the test asked').toBe(storage);
    await use({ url: server.url });
    server.child.kill('SIGTERM');
    await new Promise((resolve) => (server.child.exitCode !== null ? resolve(null) : server.child.once('exit', resolve)));
    rmSync(dataDir, { recursive: true, force: true });
    if ('DATABASE_SCHEMA' in env) await dropSchema(env.DATABASE_URL, env.DATABASE_SCHEMA);
  },
  baseURL: async ({ appServer }, use) => {
    await use(appServer.url);
  },
});

async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
}

export { expect };
