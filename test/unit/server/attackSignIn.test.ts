// point 2 of issue 11: guessing one staff account is slowed from one address and from many, and never locks its
// rightful user out: from their own address they still sign in. On SQLite and on PostgreSQL (two processes sharing counts).
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresStorage } from '../../../src/server/storage/openStorage.ts';
import { postgresSuite } from '../../support/postgresSuite.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, seed, startTestServer } from '../../support/serverHarness.ts';
import type { TestServer } from '../../support/serverHarness.ts';

const signIn = (app: FastifyInstance, password: string, remoteAddress: string) =>
  app.inject({ method: 'POST', url: '/api/session', payload: { email: ADMIN_EMAIL, password }, remoteAddress });

/** windows are aligned to the clock: start well inside a minute, so the test does not straddle a window's end */
// WARNING: waits up to 15 s to keep clear of a minute boundary, so the tests that call it get a 30 s timeout
async function awayFromMinuteEdge(): Promise<void> {
  const into = Date.now() % 60_000;
  if (into > 45_000) await new Promise((r) => setTimeout(r, 60_000 - into + 50));
}

function guessing(name: string, servers: () => Promise<{ apps: FastifyInstance[]; close(): Promise<unknown> }>) {
  describe(`sign-in guessing with ${name}`, () => {
    it('one address guessing one account is stopped after 3 failures a minute', async () => {
      const { apps, close } = await servers();
      try {
        await awayFromMinuteEdge();
        const statuses: number[] = [];
        for (let i = 0; i < 6; i++) statuses.push((await signIn(apps[i % apps.length]!, `guess ${i}`, '203.0.113.7')).statusCode);
        console.log(`${name}: one address, 6 guesses: ${statuses.filter((s) => s === 401).length} checked, ${statuses.filter((s) => s === 429).length} refused`);
        expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
      } finally {
        await close();
      }
    }, 30_000);

    it('many addresses guessing one account are slowed, and the rightful user still gets in from their own', async () => {
      const { apps, close } = await servers();
      try {
        await awayFromMinuteEdge();
        let checked = 0;
        let refused = 0;
        // 40 addresses, 3 guesses each: without the account cap all 120 would be checked
        for (let a = 0; a < 40; a++) {
          for (let g = 0; g < 3; g++) {
            const status = (await signIn(apps[(a + g) % apps.length]!, `guess ${a}-${g}`, `198.51.100.${a + 1}`)).statusCode;
            if (status === 401) checked += 1;
            else if (status === 429) refused += 1;
          }
        }
        console.log(`${name}: 40 addresses x 3 guesses at one account: ${checked} passwords checked, ${refused} refused (uncapped: 120)`);
        // the first 20 failures in full (7 addresses), then one guess per new address
        expect(checked).toBeLessThanOrEqual(21 + 33);
        expect(refused).toBeGreaterThanOrEqual(120 - 54);
        // the way back in: the rightful user's own address failed nothing, so the right password works at once
        for (const app of apps) expect((await signIn(app, ADMIN_PASSWORD, '192.0.2.10')).statusCode).toBe(200);
      } finally {
        await close();
      }
    }, 30_000);
  });
}

guessing('SQLite', async () => {
  const server = await startTestServer();
  return { apps: [server.app], close: () => server.close() };
});

describe('PostgreSQL', () => {
  const db = postgresSuite('t_attack_signin');
  if (!db) return;
  const opened: TestServer[] = [];
  afterAll(async () => {
    for (const s of opened) await s.close().catch(() => undefined);
  });
  guessing('PostgreSQL, two processes', async () => {
    const schema = db.freshSchema();
    const open = () => openPostgresStorage({ connectionString: db.url, schema, seed, poolSize: 3 });
    const [sa, sb] = await Promise.all([open(), open()]);
    const [a, b] = await Promise.all([startTestServer({ storage: sa }), startTestServer({ storage: sb })]);
    return { apps: [a.app, b.app], close: () => Promise.all([a.close(), b.close()]) };
  });
});
