// point 4 of issue 11: supports cannot be stuffed. Made-up tokens are refused, tokens are issued at a limited rate per
// address, supports are limited per device and address, and planners see one address's share of a pin's supports.
// On SQLite, and on PostgreSQL with two processes that share the secret (made once, kept in the database) and the counts.
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openPostgresStorage, openSqliteStorage } from '../../../src/server/storage/openStorage.ts';
import { DEFAULT_RATE_LIMITS } from '../../../src/server/buildServer.ts';
import type { Storage } from '../../../src/server/storage/storage.ts';
import { postgresSuite } from '../../support/postgresSuite.ts';
import { asDevice, pinBody, seed, startTestServer } from '../../support/serverHarness.ts';
import type { TestServer } from '../../support/serverHarness.ts';

// WARNING: tests here wait up to 15 s to keep clear of a minute boundary: a 30 s timeout, not the default 10 s
vi.setConfig({ testTimeout: 30_000 });

async function awayFromMinuteEdge(): Promise<void> {
  const into = Date.now() % 60_000;
  if (into > 45_000) await new Promise((r) => setTimeout(r, 60_000 - into + 50));
}

/** a token from the server (these servers make their own secret, so the harness's signed tokens are not theirs) */
const newToken = async (app: FastifyInstance, remoteAddress: string) => (await app.inject({ method: 'POST', url: '/api/device', remoteAddress })).json().token as string;

const support = (app: FastifyInstance, token: string, pinId: string, remoteAddress: string) =>
  app.inject({ method: 'POST', url: `/api/pins/${pinId}/support`, headers: { 'x-device-token': token }, remoteAddress });

function stuffing(name: string, servers: () => Promise<{ apps: FastifyInstance[]; planner: () => Promise<string>; close(): Promise<unknown> }>) {
  describe(`support stuffing with ${name}`, () => {
    it('made-up tokens give no support; issued ones are rate-limited per address; the report shows the address', async () => {
      const { apps, planner, close } = await servers();
      const [a, b] = [apps[0]!, apps[apps.length - 1]!];
      try {
        await awayFromMinuteEdge();
        const author = await newToken(a, '192.0.2.1');
        const pin = (await a.inject(asDevice(author, { method: 'POST', url: '/api/pins', payload: pinBody() }))).json().id as string;

        // 200 made-up tokens from one address: unsigned ones and ones with a made-up signature
        let added = 0;
        const codes = new Set<string>();
        for (let i = 0; i < 200; i++) {
          const id = `made-up-${String(i).padStart(12, '0')}`;
          const res = await support(i % 2 ? a : b, i % 4 < 2 ? id : `${id}.${'x'.repeat(43)}`, pin, '203.0.113.9');
          if (res.statusCode === 200) added += 1;
          else codes.add(`${res.statusCode} ${res.json().error.code}`);
        }
        console.log(`${name}: 200 made-up tokens gave ${added} supports (${[...codes].join(', ')})`);
        expect(added).toBe(0);
        expect([...codes].sort()).toEqual(['401 device-token-unsigned', '401 forged-device-token']);

        // tokens from the server: 30 per address per minute, counted across processes
        const perMinute = DEFAULT_RATE_LIMITS.devicesPerAddressPerMinute;
        const issued: string[] = [];
        let refusedTokens = 0;
        for (let i = 0; i < perMinute + 20; i++) {
          const res = await (i % 2 ? a : b).inject({ method: 'POST', url: '/api/device', remoteAddress: '203.0.113.9' });
          if (res.statusCode === 201) issued.push(res.json().token);
          else if (res.statusCode === 429) refusedTokens += 1;
        }
        console.log(`${name}: ${perMinute + 20} token requests from one address: ${issued.length} issued, ${refusedTokens} refused`);
        expect(issued).toHaveLength(perMinute);
        expect(refusedTokens).toBe(20);
        // a token issued by one process is good on the other: the signature is checked without a lookup, same secret
        const given = await Promise.all(issued.map((t, i) => support(i % 2 ? b : a, t, pin, '203.0.113.9')));
        expect(given.map((r) => r.statusCode)).toEqual(issued.map(() => 200));
        // two honest neighbours elsewhere
        const neighbour = (await a.inject({ method: 'POST', url: '/api/device', remoteAddress: '198.51.100.1' })).json().token;
        expect((await support(b, neighbour, pin, '198.51.100.1')).statusCode).toBe(200);

        const token = await planner();
        const report = (await a.inject({ url: `/api/pins/${pin}/support-report`, headers: { authorization: `Bearer ${token}` } })).json();
        console.log(`${name}: support report: ${JSON.stringify(report)}`);
        expect(report).toMatchObject({ supports: perMinute + 1, addresses: 2, unusual: true, unknownAddress: 0 });
        expect(report.topShare).toBeCloseTo(perMinute / (perMinute + 1), 5);
        expect(report.byAddress.map((x: { supports: number }) => x.supports)).toEqual([perMinute, 1]);
        // no raw address leaves the server
        expect(JSON.stringify(report)).not.toContain('203.0.113');
        expect((await a.inject({ url: `/api/pins/${pin}/support-report` })).statusCode).toBe(401);
      } finally {
        await close();
      }
    }, 60_000);

    it('supports are limited per device (30 a minute)', async () => {
      const { apps, close } = await servers();
      const [a] = apps as [FastifyInstance];
      try {
        await awayFromMinuteEdge();
        const pins: string[] = [];
        // two authors: one device may make only 30 pins a minute
        const authors = [await newToken(a, '192.0.2.1'), await newToken(a, '192.0.2.1')];
        for (let i = 0; i < 35; i++) pins.push((await a.inject(asDevice(authors[i % 2]!, { method: 'POST', url: '/api/pins', payload: pinBody({ title: `p${i}` }) }))).json().id);
        const device = (await a.inject({ method: 'POST', url: '/api/device', remoteAddress: '192.0.2.50' })).json().token;
        const statuses = [];
        for (const pin of pins) statuses.push((await support(apps[statuses.length % apps.length]!, device, pin, '192.0.2.50')).statusCode);
        console.log(`${name}: one device supporting 35 pins in a minute: ${statuses.filter((s) => s === 200).length} accepted`);
        expect(statuses.filter((s) => s === 200)).toHaveLength(30);
        expect(statuses.slice(30)).toEqual([429, 429, 429, 429, 429]);
      } finally {
        await close();
      }
    }, 60_000);
  });
}

stuffing('SQLite', async () => {
  // the real secret path: none given, so the server makes one and keeps it in the database
  const server = await startTestServer({ secret: undefined as unknown as string, storage: await openSqliteStorage({ file: ':memory:', seed }) });
  return { apps: [server.app], planner: () => server.plannerToken(), close: () => server.close() };
});

describe('PostgreSQL', () => {
  const db = postgresSuite('t_attack_stuffing');
  if (!db) return;
  const opened: Storage[] = [];
  afterAll(async () => {
    for (const s of opened) await s.close().catch(() => undefined);
  });
  stuffing('PostgreSQL, two processes', async () => {
    const schema = db.freshSchema();
    const open = () => openPostgresStorage({ connectionString: db.url, schema, seed, poolSize: 3 });
    const [sa, sb] = await Promise.all([open(), open()]);
    // both start at once with no secret: they must end up with the same one
    const [a, b]: [TestServer, TestServer] = await Promise.all([startTestServer({ storage: sa, secret: undefined as unknown as string }), startTestServer({ storage: sb, secret: undefined as unknown as string })]);
    return { apps: [a.app, b.app], planner: () => a.plannerToken(), close: () => Promise.all([a.close(), b.close()]) };
  });
});
