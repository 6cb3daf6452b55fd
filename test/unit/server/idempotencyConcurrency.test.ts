// a pin is stored once however many copies of its request arrive at once: over real HTTP, a warm PostgreSQL pool,
// repeated bursts; both by Idempotency-Key and by the id the device made.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStorage } from '../../../src/server/storage/openStorage.ts';
import { postgresSuite } from '../../support/postgresSuite.ts';
import { DEVICE_A, pinBody, seed, startTestServer } from '../../support/serverHarness.ts';
import type { TestServer } from '../../support/serverHarness.ts';

const BURSTS = 5;
const COPIES = 16;

describe('idempotency under concurrency on PostgreSQL', () => {
  const db = postgresSuite('t_idem');
  if (!db) return;
  let server: TestServer;
  let base = '';
  beforeAll(async () => {
    server = await startTestServer({ storage: await openPostgresStorage({ connectionString: db.url, schema: db.freshSchema(), seed, poolSize: 8 }), rateLimits: { pinsPerDevicePerMinute: 0, pinsPerAddressPerMinute: 0 } });
    base = await server.app.listen({ port: 0, host: '127.0.0.1' });
    // warm the pool, so the bursts race on open connections rather than queue for new ones
    await Promise.all(Array.from({ length: 8 }, () => fetch(`${base}/api/pins?limit=1`)));
  });
  afterAll(async () => server.close());

  const post = (body: unknown, headers: Record<string, string>) =>
    fetch(`${base}/api/pins`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-device-token': DEVICE_A, ...headers }, body: JSON.stringify(body) });

  it.each([
    ['the same Idempotency-Key', (n: number) => ({ body: pinBody({ title: `Keyed ${n}` }), headers: { 'idempotency-key': `burst-${n}-${randomUUID()}` } })],
    ['the same device-made id', (n: number) => ({ body: { ...pinBody({ title: `Identified ${n}` }), id: randomUUID() }, headers: {} })],
  ])('stores one pin per burst of %s', async (_name, make) => {
    const before = await server.storage.countPins();
    for (let n = 0; n < BURSTS; n++) {
      const { body, headers } = make(n);
      const answers = await Promise.all(Array.from({ length: COPIES }, () => post(body, headers)));
      const statuses = answers.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 200)).toHaveLength(COPIES - 1);
      const ids = new Set(await Promise.all(answers.map(async (r) => ((await r.json()) as { id: string }).id)));
      expect(ids.size).toBe(1);
    }
    expect(await server.storage.countPins()).toBe(before + BURSTS);
  });
});
