// live updates over Server-Sent Events: in one SQLite process, and across two processes sharing PostgreSQL; replay after a reconnect.
import { describe, expect, it } from 'vitest';
import { REPLAY_LIMIT } from '../../../src/server/routes/eventRoutes.ts';
import { openPostgresStorage } from '../../../src/server/storage/openStorage.ts';
import { openSqliteStorage } from '../../../src/server/storage/openStorage.ts';
import { asDevice, DEVICE_A, pinBody, seed, startTestServer } from '../../support/serverHarness.ts';
import type { TestServer } from '../../support/serverHarness.ts';
import { postgresSuite } from '../../support/postgresSuite.ts';
import { connectSse } from '../../support/sseClient.ts';
import type { SseEvent } from '../../support/sseClient.ts';

const pinIdOf = (e: SseEvent) => (e.data as { pin?: { id: string }; id?: string }).pin?.id ?? (e.data as { id?: string }).id;

async function listen(server: TestServer): Promise<string> {
  return server.app.listen({ port: 0, host: '127.0.0.1' });
}
const postPin = async (server: TestServer, title: string) =>
  (await server.app.inject(asDevice(DEVICE_A, { method: 'POST', url: '/api/pins', payload: pinBody({ title }) }))).json().id as string;
const typesAndIds = (events: SseEvent[]) => events.map((e) => [e.event, pinIdOf(e)]);

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
  const db = postgresSuite('t_events');
  if (!db) return;

  it('shows a pin posted to one instance live on a client of the other', async () => {
    const schema = db.freshSchema();
    const open = () => openPostgresStorage({ connectionString: db.url, schema, seed, poolSize: 3 });
    // both start at once, as behind a load balancer: the database must be created and seeded once
    const [storageA, storageB] = await Promise.all([open(), open()]);
    const [a, b] = await Promise.all([startTestServer({ storage: storageA }), startTestServer({ storage: storageB })]);
    try {
      expect(await a.storage.countPins()).toBe(1);
      expect(await storageB.listConsultations()).toHaveLength(1);
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

describe('replaying what a reconnecting client missed (SQLite)', () => {
  it('sends exactly the missed events, by Last-Event-ID or ?lastEventId=, then goes on live; never a hidden pin\'s text', async () => {
    const server = await startTestServer();
    try {
      const base = await listen(server);
      const first = await connectSse(`${base}/api/events`);
      await first.waitFor((e) => e.event === 'ready');
      const seenLive = await postPin(server, 'Seen live');
      await first.waitFor((e) => pinIdOf(e) === seenLive);
      const lastSeen = first.lastEventId();
      expect(lastSeen).toBe(String(await server.storage.latestEventId()));
      first.close();

      // while the client is away
      const missed = await postPin(server, 'Missed while away');
      await server.app.inject(asDevice(DEVICE_A, { method: 'PATCH', url: `/api/pins/${seenLive}`, payload: { properties: { title: 'Renamed while away' } } }));
      const rude = await postPin(server, 'Rude words about a neighbour');
      const token = await server.plannerToken();
      await server.app.inject({ method: 'POST', url: `/api/pins/${rude}/hide`, headers: { authorization: `Bearer ${token}` }, payload: { reason: 'abuse' } });
      const expected: [string, string | undefined][] = [['pin-created', missed], ['pin-updated', seenLive], ['pin-hidden', rude]];

      for (const [how, url, headers] of [
        ['header', `${base}/api/events`, { 'last-event-id': lastSeen }],
        ['query', `${base}/api/events?lastEventId=${lastSeen}`, {}],
      ] as const) {
        const back = await connectSse(url, headers);
        await back.waitFor((e) => e.event === 'ready');
        expect(typesAndIds(back.events), how).toEqual([...expected, ['ready', undefined]]);
        expect((back.events[1]!.data as { pin: { properties: { title: string } } }).pin.properties.title).toBe('Renamed while away');
        // the hidden pin's creation moved the id on without its text
        expect(back.raw()).not.toContain('neighbour');
        expect(back.events.at(-1)!.data).toEqual({ replayed: expected.length + 1 });
        expect(back.lastEventId()).toBe(String(await server.storage.latestEventId()));
        const live = await postPin(server, `Live again by ${how}`);
        await back.waitFor((e) => e.event === 'pin-created' && pinIdOf(e) === live);
        // the next reconnect from lastSeen misses this one too
        expected.push(['pin-created', live]);
        expect(back.lastEventId()).toBe(String(await server.storage.latestEventId()));
        back.close();
      }
    } finally {
      await server.close();
    }
  });

  it('gives a fresh connection the newest id, and nothing to replay when nothing was missed', async () => {
    const server = await startTestServer();
    try {
      const base = await listen(server);
      const before = await connectSse(`${base}/api/events`);
      // a new database has logged nothing yet: no id to give
      expect((await before.waitFor((e) => e.event === 'ready')).id).toBe('');
      before.close();
      await postPin(server, 'First change');
      const fresh = await connectSse(`${base}/api/events`);
      const ready = await fresh.waitFor((e) => e.event === 'ready');
      expect(ready.id).toBe(String(await server.storage.latestEventId()));
      fresh.close();
      const again = await connectSse(`${base}/api/events`, { 'last-event-id': ready.id });
      await again.waitFor((e) => e.event === 'ready');
      expect(typesAndIds(again.events)).toEqual([['ready', undefined]]);
      again.close();
    } finally {
      await server.close();
    }
  });

  it('tells the client to re-sync when the id is gone, unknown or malformed, or too much was missed', async () => {
    const storage = await openSqliteStorage({ file: ':memory:', seed, eventLog: { keep: 2, pruneEveryMs: 0 } });
    const server = await startTestServer({ storage });
    try {
      const base = await listen(server);
      await postPin(server, 'Old news');
      const gone = String(await server.storage.latestEventId());
      for (let i = 0; i < 3; i++) await postPin(server, `Newer ${i}`);
      const latest = String(await server.storage.latestEventId());
      for (const id of [gone, '999999', 'not-a-number']) {
        const sse = await connectSse(`${base}/api/events`, { 'last-event-id': id });
        const resync = await sse.waitFor((e) => e.event === 'resync' || e.event === 'ready');
        expect([resync.event, resync.id], id).toEqual(['resync', latest]);
        expect(sse.events).toHaveLength(1);
        sse.close();
      }
    } finally {
      await server.close();
    }

    const busy = await startTestServer();
    try {
      const base = await listen(busy);
      const id = await postPin(busy, 'Busy');
      const from = String(await busy.storage.latestEventId());
      for (let i = 0; i <= REPLAY_LIMIT; i++) await busy.storage.updatePin(id, { title: `Busy ${i}` }, new Date().toISOString());
      const sse = await connectSse(`${base}/api/events`, { 'last-event-id': from });
      expect((await sse.waitFor((e) => e.event === 'resync' || e.event === 'ready')).event).toBe('resync');
      expect(sse.events).toHaveLength(1);
      sse.close();
    } finally {
      await busy.close();
    }
  });
});

describe('replaying across two server processes on PostgreSQL', () => {
  const db = postgresSuite('t_replay');
  if (!db) return;

  it('replays to a client of one process what was written through the other while it was away', async () => {
    const schema = db.freshSchema();
    const open = () => openPostgresStorage({ connectionString: db.url, schema, seed, poolSize: 3 });
    const [storageA, storageB] = await Promise.all([open(), open()]);
    const [a, b] = await Promise.all([startTestServer({ storage: storageA }), startTestServer({ storage: storageB })]);
    try {
      const baseB = await listen(b);
      const first = await connectSse(`${baseB}/api/events`);
      await first.waitFor((e) => e.event === 'ready');
      const seen = await postPin(a, 'Seen on B');
      await first.waitFor((e) => pinIdOf(e) === seen);
      const lastSeen = first.lastEventId();
      first.close();
      const missed = [await postPin(a, 'Missed 1'), await postPin(a, 'Missed 2')];
      const back = await connectSse(`${baseB}/api/events`, { 'last-event-id': lastSeen });
      await back.waitFor((e) => e.event === 'ready');
      // what came after the last id seen is exactly what was missed (events at or before it may come again: idempotent)
      const after = back.events.filter((e) => e.event !== 'ready' && Number(e.id) > Number(lastSeen));
      expect(typesAndIds(after)).toEqual(missed.map((id) => ['pin-created', id]));
      expect(back.events.filter((e) => Number(e.id) <= Number(lastSeen)).every((e) => pinIdOf(e) === seen)).toBe(true);
      expect(back.lastEventId()).toBe(String(await a.storage.latestEventId()));
      back.close();
    } finally {
      await a.close();
      await b.close();
    }
  });
});
