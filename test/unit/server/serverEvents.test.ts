// live updates over Server-Sent Events: in one SQLite process, and across two processes sharing PostgreSQL.
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openPostgresStorage } from '../../../src/server/storage/postgresStorage.ts';
import { asDevice, DEVICE_A, pinBody, seed, startTestServer } from '../../support/serverHarness.ts';
import type { TestServer } from '../../support/serverHarness.ts';
import { connectSse } from '../../support/sseClient.ts';
import type { SseEvent } from '../../support/sseClient.ts';

const pinIdOf = (e: SseEvent) => (e.data as { pin?: { id: string }; id?: string }).pin?.id ?? (e.data as { id?: string }).id;

async function listen(server: TestServer): Promise<string> {
  return server.app.listen({ port: 0, host: '127.0.0.1' });
}

describe('live events with SQLite', () => {
  it('sends created, updated, hidden and deleted pins to connected clients', async () => {
    const server = await startTestServer();
    try {
      const base = await listen(server);
      const sse = await connectSse(`${base}/api/events`);
      const id = (await server.app.inject(asDevice(DEVICE_A, { method: 'POST', url: '/api/pins', payload: pinBody() }))).json().id as string;
      const created = await sse.waitFor((e) => e.event === 'pin-created' && pinIdOf(e) === id);
      expect((created.data as { pin: { properties: Record<string, unknown> } }).pin.properties.author).toBeUndefined();
      const token = await server.plannerToken();
      await server.app.inject({ method: 'POST', url: `/api/pins/${id}/hide`, headers: { authorization: `Bearer ${token}` }, payload: { reason: 'test' } });
      const hidden = await sse.waitFor((e) => e.event === 'pin-hidden');
      expect(hidden.data).toEqual({ id });
      await server.app.inject(asDevice(DEVICE_A, { method: 'DELETE', url: `/api/pins/${id}` }));
      await sse.waitFor((e) => e.event === 'pin-deleted' && pinIdOf(e) === id);
      sse.close();
    } finally {
      await server.close();
    }
  });
});

describe('live events across two server processes on PostgreSQL', () => {
  const url = process.env.DATABASE_URL;
  if (!url) {
    it('needs a database', () => {
      throw new Error('PostgreSQL tests need DATABASE_URL; .ci/run and `npm test` start one');
    });
    return;
  }
  const schema = `t_events_${process.pid}_${Date.now().toString(36)}`;
  afterAll(async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  });

  it('shows a pin posted to one instance live on a client of the other', async () => {
    const open = () => openPostgresStorage({ connectionString: url, schema, seed, poolSize: 3 });
    // both start at once, as behind a load balancer: the database must be created and seeded once
    const [storageA, storageB] = await Promise.all([open(), open()]);
    const [a, b] = await Promise.all([startTestServer({ storage: storageA }), startTestServer({ storage: storageB })]);
    try {
      expect(await storageA.countPins()).toBe(1);
      const baseB = await listen(b);
      const sse = await connectSse(`${baseB}/api/events`);
      const posted = await a.app.inject(asDevice(DEVICE_A, { method: 'POST', url: '/api/pins', payload: pinBody({ title: 'From instance A' }) }));
      expect(posted.statusCode).toBe(201);
      const id = posted.json().id as string;
      const seen = await sse.waitFor((e) => e.event === 'pin-created' && pinIdOf(e) === id);
      expect((seen.data as { pin: { properties: { title: string } } }).pin.properties.title).toBe('From instance A');
      // and the other instance serves it from the shared database
      expect((await b.app.inject({ url: `/api/pins/${id}` })).statusCode).toBe(200);

      // areas replaced through A are used by B for its next pin
      const token = await a.plannerToken();
      const everywhere = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'all', name: 'All' }, geometry: { type: 'Polygon', coordinates: [[[-3, 53], [-1, 53], [-1, 54], [-3, 54], [-3, 53]]] } }] };
      expect((await a.app.inject({ method: 'PUT', url: '/api/areas', headers: { authorization: `Bearer ${token}` }, payload: everywhere })).statusCode).toBe(200);
      await sse.waitFor((e) => e.event === 'areas-replaced');
      await expect.poll(async () => (await b.app.inject(asDevice(DEVICE_A, { method: 'POST', url: '/api/pins', payload: pinBody({}, [-1.5, 53.5]) }))).statusCode).toBe(201);
      sse.close();
    } finally {
      await a.close();
      await b.close();
    }
  });
});
