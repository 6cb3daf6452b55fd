// rate limits: fixed windows in memory (SQLite, one process) and shared in PostgreSQL by every process using the database.
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import type { RateLimitOptions } from '../../../src/server/buildServer.ts';
import { createMemoryRateCounter, createRateLimiter } from '../../../src/server/rateLimiter.ts';
import { createPostgresRateCounter } from '../../../src/server/storage/postgresRateCounter.ts';
import { openPostgresStorage } from '../../../src/server/storage/openStorage.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, asDevice, awayFromWindowEdge, DEVICE_A, pinBody, seed, startTestServer } from '../../support/serverHarness.ts';
import type { TestServer } from '../../support/serverHarness.ts';
import { postgresSuite } from '../../support/postgresSuite.ts';

const signIn = (server: TestServer, password: string) => server.app.inject({ method: 'POST', url: '/api/session', payload: { email: ADMIN_EMAIL, password } });
const postPin = (server: TestServer) => server.app.inject(asDevice(DEVICE_A, { method: 'POST', url: '/api/pins', payload: pinBody() }));

describe('createRateLimiter', () => {
  it('counts fixed windows aligned to the clock, says when to retry, and keeps limiters apart', async () => {
    let now = 60_000 * 10 + 45_000;
    const clock = () => now;
    const counter = createMemoryRateCounter(clock);
    const pins = createRateLimiter('pins', { max: 2, windowMs: 60_000 }, counter, clock);
    const other = createRateLimiter('other', { max: 1, windowMs: 60_000 }, counter, clock);
    expect((await pins.hit('a')).ok).toBe(true);
    expect((await pins.check('a')).ok).toBe(true);
    expect((await pins.hit('a')).ok).toBe(true);
    // the window started at the full minute, so 15 s are left of it
    expect(await pins.hit('a')).toEqual({ ok: false, retryAfterSeconds: 15 });
    expect(await pins.check('a')).toEqual({ ok: false, retryAfterSeconds: 15 });
    expect((await pins.hit('b')).ok).toBe(true);
    expect((await other.hit('a')).ok).toBe(true);
    now += 15_000;
    expect((await pins.hit('a')).ok).toBe(true);
  });

  it('checks without counting, takes a hit back with undo, and is off with max 0', async () => {
    const limiter = createRateLimiter('signin', { max: 2, windowMs: 60_000 }, createMemoryRateCounter());
    for (let i = 0; i < 5; i++) expect((await limiter.check('a')).ok).toBe(true);
    const first = await limiter.hit('a');
    await limiter.undo(first);
    await limiter.undo(first);
    expect((await limiter.hit('a')).ok).toBe(true);
    expect((await limiter.hit('a')).ok).toBe(true);
    expect((await limiter.hit('a')).ok).toBe(false);
    const off = createRateLimiter('off', { max: 0, windowMs: 60_000 }, createMemoryRateCounter());
    for (let i = 0; i < 100; i++) expect((await off.hit('a')).ok).toBe(true);
  });
});

describe('sign-in limit with SQLite (memory counts)', () => {
  it('counts only failed sign-ins, and lets no more than the limit through when guesses arrive together', async () => {
    const server = await startTestServer({ rateLimits: { signInFailuresPer15Minutes: 3, signInFailuresPerAccount: 0 } });
    try {
      await awayFromWindowEdge(15 * 60_000);
      // right passwords do not use up the budget
      for (let i = 0; i < 5; i++) expect((await signIn(server, ADMIN_PASSWORD)).statusCode).toBe(200);
      const statuses = (await Promise.all(Array.from({ length: 10 }, (_, i) => signIn(server, `guess ${i}`)))).map((r) => r.statusCode);
      expect(statuses.filter((s) => s === 401)).toHaveLength(3);
      expect(statuses.filter((s) => s === 429)).toHaveLength(7);
      expect((await signIn(server, ADMIN_PASSWORD)).statusCode).toBe(429);
    } finally {
      await server.close();
    }
  });
});

describe('rate limits shared by two server processes on PostgreSQL', () => {
  const db = postgresSuite('t_rate');
  if (!db) return;
  const { url } = db;
  const freshSchema = () => db.freshSchema();
  /** two servers over one fresh schema, as behind a load balancer */
  async function twoProcesses(rateLimits: Partial<RateLimitOptions>) {
    const schema = freshSchema();
    const open = () => openPostgresStorage({ connectionString: url, schema, seed, poolSize: 3 });
    const [storageA, storageB] = await Promise.all([open(), open()]);
    const [a, b] = await Promise.all([startTestServer({ storage: storageA, rateLimits }), startTestServer({ storage: storageB, rateLimits })]);
    return { a, b, schema, close: async () => Promise.all([a.close(), b.close()]) };
  }

  it('refuses a device after the limit in total, whichever process it asks', async () => {
    const { a, b, close } = await twoProcesses({ pinsPerDevicePerMinute: 3, pinsPerAddressPerMinute: 0 });
    try {
      await awayFromWindowEdge(60_000);
      const statuses = [];
      for (const server of [a, b, a, b, a]) statuses.push((await postPin(server)).statusCode);
      expect(statuses).toEqual([201, 201, 201, 429, 429]);
      expect(await a.storage.countPins()).toBe(1 + 3);
    } finally {
      await close();
    }
  });

  it('shares the sign-in failure limit, also for guesses sent to both at once', async () => {
    const { a, b, close } = await twoProcesses({ signInFailuresPer15Minutes: 4, signInFailuresPerAccount: 0 });
    try {
      await awayFromWindowEdge(15 * 60_000);
      expect((await signIn(a, ADMIN_PASSWORD)).statusCode).toBe(200);
      expect((await signIn(b, 'guess')).statusCode).toBe(401);
      const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => signIn(i % 2 ? a : b, `guess ${i}`)));
      expect(burst.filter((r) => r.statusCode === 401)).toHaveLength(3);
      expect(burst.filter((r) => r.statusCode === 429)).toHaveLength(9);
      expect((await signIn(a, ADMIN_PASSWORD)).statusCode).toBe(429);
      expect((await signIn(b, ADMIN_PASSWORD)).statusCode).toBe(429);
    } finally {
      await close();
    }
  });

  it('counts every concurrent hit once and deletes windows that ended', async () => {
    const { schema, close } = await twoProcesses({});
    const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}`, max: 5 });
    try {
      let now = 1_000_000;
      const counter = createPostgresRateCounter(pool, { pruneEveryMs: 60_000, clock: () => now });
      const w = { key: 'k', start: 960_000, end: 1_020_000 };
      const counts = await Promise.all(Array.from({ length: 20 }, () => counter.add(w)));
      expect([...counts].sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      await counter.remove(w);
      expect(await counter.read(w)).toBe(19);
      const rows = async () => (await pool.query<{ key: string }>('SELECT key FROM rate_limits ORDER BY key')).rows.map((r) => r.key);
      // a minute later the window has ended: the next hit (on another key) clears it away
      now = 1_080_000;
      await counter.add({ key: 'later', start: 1_080_000, end: 1_140_000 });
      await expect.poll(rows, { timeout: 3000 }).toEqual(['later']);
    } finally {
      await pool.end();
      await close();
    }
  });
});
