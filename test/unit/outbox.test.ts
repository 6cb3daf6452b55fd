// the outbox against the real server app: changes made offline are sent in order, each exactly once, even when answers are lost.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PinFeature } from '../../src/core/types.ts';
import { createHttpRepository } from '../../src/persistence/httpRepository.ts';
import { createOutbox } from '../../src/persistence/outbox.ts';
import type { OutboxEvent } from '../../src/persistence/outbox.ts';
import { deviceToken, startTestServer } from '../support/serverHarness.ts';
import type { TestServer } from '../support/serverHarness.ts';
import { defaultBase } from './defaultConsultation.ts';
import { createInjectFetch } from './injectFetch.ts';
import type { InjectFetch } from './injectFetch.ts';

// signed by the test server's secret, as POST /api/device gives it (supports need a signed token)
const DEVICE = deviceToken('device-outbox-0123456789abcdef');

function localPin(title: string, position: [number, number] = [-2.25, 53.45], id: string = randomUUID()): PinFeature {
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: position },
    properties: { id, kind: 'asset', theme: 'green', title, area: 'west', createdAt: '2026-05-01T10:00:00.000Z', updatedAt: '2026-05-01T10:00:00.000Z', author: DEVICE },
  };
}

let server: TestServer;
let net: InjectFetch;
let factory: IDBFactory;
let base: string;

async function openOutbox() {
  const api = createHttpRepository({ deviceToken: DEVICE, fetch: net.fetch, consultationBase: base });
  const outbox = await createOutbox({ api, factory, name: 'outbox-test' });
  const events: OutboxEvent[] = [];
  outbox.subscribe((e) => events.push(e));
  return { outbox, events };
}
/** the outbox as the version that let the server give pins new ids left it: ops under local ids, and its id map */
async function writeLegacyOutbox(ops: object[], ids: { localId: string; serverId: string }[] = []) {
  const previous = globalThis.indexedDB;
  globalThis.indexedDB = factory;
  try {
    const db = await openDB('outbox-test', 1, {
      upgrade(d) {
        d.createObjectStore('ops', { keyPath: 'seq', autoIncrement: true });
        d.createObjectStore('ids', { keyPath: 'localId' });
      },
    });
    for (const op of ops) await db.add('ops', { queuedAt: '2026-05-01T10:00:00.000Z', attempts: 0, ...op } as never);
    for (const m of ids) await db.put('ids', m as never);
    db.close();
  } finally {
    globalThis.indexedDB = previous;
  }
}
const storedTitled = async (title: string) => (await server.storage.listPins()).filter((p) => p.properties.title === title);

beforeEach(async () => {
  server = await startTestServer();
  base = await defaultBase(server);
  net = createInjectFetch(server.app);
  factory = new IDBFactory();
});
afterEach(async () => {
  await server.close();
});

describe('createOutbox', () => {
  it('keeps changes made offline, across closing the app, and sends them when the network returns', async () => {
    net.offline = true;
    const first = await openOutbox();
    const pin = localPin('Orchard');
    await first.outbox.enqueue({ type: 'create', pinId: pin.id, pin });
    expect(await first.outbox.flush()).toEqual({ done: false, sent: 0, reason: 'network' });
    expect((await first.outbox.entries())[0]).toMatchObject({ type: 'create', pinId: pin.id, attempts: 1 });
    first.outbox.close();

    const reopened = await openOutbox();
    expect(await reopened.outbox.pendingPinIds()).toEqual(new Set([pin.id]));
    net.offline = false;
    expect(await reopened.outbox.flush()).toEqual({ done: true, sent: 1 });
    const stored = await storedTitled('Orchard');
    // the server keeps the id the device made
    expect(stored.map((p) => p.id)).toEqual([pin.id]);
    expect(reopened.events).toContainEqual(expect.objectContaining({ type: 'created', pinId: pin.id, remote: expect.objectContaining({ pin: expect.objectContaining({ id: pin.id }) }) }));
    expect(await reopened.outbox.entries()).toEqual([]);
    expect(await reopened.outbox.pendingPinIds()).toEqual(new Set());
  });

  it('retries a create whose answer was lost with the same id: the server returns the same pin, stored once', async () => {
    const { outbox, events } = await openOutbox();
    const pin = localPin('Lost answer');
    await outbox.enqueue({ type: 'create', pinId: pin.id, pin });
    net.loseNextAnswer((method, path) => method === 'POST' && path === `${base}/pins`);
    expect(await outbox.flush()).toMatchObject({ done: false, reason: 'network' });
    // the server did store it, but this device does not know
    expect(await storedTitled('Lost answer')).toHaveLength(1);
    expect(events.some((e) => e.type === 'created')).toBe(false);
    expect(await outbox.flush()).toEqual({ done: true, sent: 1 });
    const stored = await storedTitled('Lost answer');
    expect(stored).toHaveLength(1);
    const created = events.find((e) => e.type === 'created');
    expect(stored[0]!.id).toBe(pin.id);
    expect(created?.type === 'created' && created.remote.pin.id).toBe(pin.id);
    expect(net.calls.filter((c) => c === `POST ${base}/pins`)).toHaveLength(2);
  });

  it('sends an edit and a delete queued before the create was answered, in order, to the one id', async () => {
    net.offline = true;
    const { outbox } = await openOutbox();
    const kept = localPin('Bench');
    const gone = localPin('Typo pin');
    await outbox.enqueue({ type: 'create', pinId: kept.id, pin: kept });
    await outbox.enqueue({ type: 'update', pinId: kept.id, pin: { ...kept, properties: { ...kept.properties, title: 'Bench by the pond' } } });
    await outbox.enqueue({ type: 'create', pinId: gone.id, pin: gone });
    await outbox.enqueue({ type: 'delete', pinId: gone.id });
    expect(await outbox.pendingPinIds()).toEqual(new Set([kept.id, gone.id]));
    net.offline = false;
    expect(await outbox.flush()).toEqual({ done: true, sent: 4 });
    expect(await storedTitled('Bench')).toHaveLength(0);
    expect(await storedTitled('Bench by the pond')).toHaveLength(1);
    expect(await storedTitled('Typo pin')).toHaveLength(0);
    expect((await storedTitled('Bench by the pond')).map((p) => p.id)).toEqual([kept.id]);
  });

  it('sends a create the previous version queued (a local id, no server id yet) once after the upgrade, under that id', async () => {
    const pin = localPin('Queued before the upgrade');
    await writeLegacyOutbox([{ type: 'create', pinId: pin.id, pin, key: 'legacy-key-1' }]);
    const { outbox, events } = await openOutbox();
    expect(await outbox.pendingPinIds()).toEqual(new Set([pin.id]));
    expect(await outbox.flush()).toEqual({ done: true, sent: 1 });
    expect(await outbox.flush()).toEqual({ done: true, sent: 0 });
    expect((await storedTitled('Queued before the upgrade')).map((p) => p.id)).toEqual([pin.id]);
    expect(events.filter((e) => e.type === 'created').map((e) => e.type === 'created' && e.remote.pin.id)).toEqual([pin.id]);
    expect(net.calls.filter((c) => c === `POST ${base}/pins`)).toHaveLength(1);
  });

  it('recognises by its key a create the previous version sent whose answer was lost, and moves what waits onto the stored pin', async () => {
    const pin = localPin('Stored before the upgrade');
    // the previous version sent no id: the server stored the pin under its own, and the answer never came back
    const api = createHttpRepository({ deviceToken: DEVICE, fetch: net.fetch, consultationBase: base });
    const first = await net.fetch(`${base}/pins`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'legacy-key-2', 'x-device-token': DEVICE },
      body: JSON.stringify({ type: 'Feature', geometry: pin.geometry, properties: { kind: 'asset', theme: 'green', title: pin.properties.title } }),
    });
    expect(first.status).toBe(201);
    const serverId = (await storedTitled('Stored before the upgrade'))[0]!.id;
    expect(serverId).not.toBe(pin.id);
    await writeLegacyOutbox([
      { type: 'create', pinId: pin.id, pin, key: 'legacy-key-2' },
      { type: 'update', pinId: pin.id, pin: { ...pin, properties: { ...pin.properties, title: 'Edited before the upgrade' } }, key: 'legacy-key-3' },
    ]);
    const { outbox, events } = await openOutbox();
    expect(await outbox.flush()).toEqual({ done: true, sent: 2 });
    expect(await storedTitled('Stored before the upgrade')).toEqual([]);
    expect((await storedTitled('Edited before the upgrade')).map((p) => p.id)).toEqual([serverId]);
    expect(events).toContainEqual(expect.objectContaining({ type: 'created', pinId: pin.id, remote: expect.objectContaining({ pin: expect.objectContaining({ id: serverId }) }) }));
    expect((await api.getPin(serverId)).pin.properties.author).toBe(DEVICE);
  });

  it('moves changes the previous version queued behind its id map onto the server\'s ids once, then keeps no map', async () => {
    const api = createHttpRepository({ deviceToken: DEVICE, fetch: net.fetch, consultationBase: base });
    const made = localPin('Renamed by the server');
    const { pin: onServer } = await api.createPin(made, 'k-renamed');
    const serverId = onServer.id;
    const localId = randomUUID();
    await writeLegacyOutbox(
      [{ type: 'update', pinId: localId, pin: { ...made, id: localId, properties: { ...made.properties, id: localId, title: 'Renamed and edited' } }, key: 'legacy-key-4' }],
      [{ localId, serverId }],
    );
    const { outbox } = await openOutbox();
    expect((await outbox.entries()).map((e) => e.pinId)).toEqual([serverId]);
    expect(await outbox.pendingPinIds()).toEqual(new Set([serverId]));
    expect(await outbox.flush()).toEqual({ done: true, sent: 1 });
    expect((await server.storage.getPin(serverId))?.properties.title).toBe('Renamed and edited');
  });

  it('drops a change the server refuses for good, says why, and carries on with the rest', async () => {
    const { outbox, events } = await openOutbox();
    const outside = localPin('Outside', [10, 10]);
    const fine = localPin('Inside');
    await outbox.enqueue({ type: 'create', pinId: outside.id, pin: outside });
    await outbox.enqueue({ type: 'create', pinId: fine.id, pin: fine });
    expect(await outbox.flush()).toEqual({ done: true, sent: 1 });
    expect(events).toContainEqual(expect.objectContaining({ type: 'rejected', code: 'outside-areas', entry: expect.objectContaining({ pinId: outside.id }) }));
    expect(await storedTitled('Outside')).toHaveLength(0);
    expect(await storedTitled('Inside')).toHaveLength(1);
  });

  it('stops at a rate limit and keeps the change, with the server\'s Retry-After', async () => {
    await server.close();
    server = await startTestServer({ rateLimits: { pinsPerDevicePerMinute: 1 } });
    base = await defaultBase(server);
    net = createInjectFetch(server.app);
    const { outbox } = await openOutbox();
    for (const title of ['First', 'Second']) {
      const pin = localPin(title);
      await outbox.enqueue({ type: 'create', pinId: pin.id, pin });
    }
    const result = await outbox.flush();
    expect(result).toMatchObject({ done: false, sent: 1, reason: 'server' });
    expect(result.done === false && result.retryAfterMs).toBeGreaterThan(0);
    expect((await outbox.entries()).map((e) => e.type === 'create' && e.pin.properties.title)).toEqual(['Second']);
  });

  it('sends once when asked to flush several times at once (and picks up what was queued meanwhile)', async () => {
    const { outbox } = await openOutbox();
    const a = localPin('Concurrent A');
    await outbox.enqueue({ type: 'create', pinId: a.id, pin: a });
    const flushes = [outbox.flush(), outbox.flush()];
    const b = localPin('Concurrent B');
    await outbox.enqueue({ type: 'create', pinId: b.id, pin: b });
    flushes.push(outbox.flush());
    await Promise.all(flushes);
    expect(await storedTitled('Concurrent A')).toHaveLength(1);
    expect(await storedTitled('Concurrent B')).toHaveLength(1);
    expect(net.calls.filter((c) => c === `POST ${base}/pins`)).toHaveLength(2);
    expect(await outbox.entries()).toEqual([]);
  });

  it('treats deleting a pin that is already gone as done, and supports once', async () => {
    const { outbox } = await openOutbox();
    await outbox.enqueue({ type: 'support', pinId: 'seeded-1' });
    await outbox.enqueue({ type: 'support', pinId: 'seeded-1' });
    await outbox.enqueue({ type: 'delete', pinId: 'no-such-pin' });
    // a delete of someone else's pin is refused (403), not retried forever
    await outbox.enqueue({ type: 'delete', pinId: 'seeded-1' });
    expect(await outbox.flush()).toEqual({ done: true, sent: 3 });
    expect((await server.storage.getPin('seeded-1'))?.properties.supports).toBe(1);
  });

  it('sends a support and its withdrawal made offline in order, and treats withdrawing from a vanished pin as done', async () => {
    net.offline = true;
    const { outbox, events } = await openOutbox();
    await outbox.enqueue({ type: 'support', pinId: 'seeded-1' });
    await outbox.enqueue({ type: 'unsupport', pinId: 'seeded-1' });
    await outbox.enqueue({ type: 'support', pinId: 'seeded-1' });
    await outbox.enqueue({ type: 'unsupport', pinId: 'no-such-pin' });
    expect(await outbox.flush()).toMatchObject({ done: false, reason: 'network' });
    net.offline = false;
    expect(await outbox.flush()).toEqual({ done: true, sent: 4 });
    expect(net.calls.filter((c) => c.endsWith('/support'))).toEqual([
      `POST ${base}/pins/seeded-1/support`, `POST ${base}/pins/seeded-1/support`, `DELETE ${base}/pins/seeded-1/support`, `POST ${base}/pins/seeded-1/support`, `DELETE ${base}/pins/no-such-pin/support`,
    ]);
    expect((await server.storage.getPin('seeded-1'))?.properties.supports).toBe(1);
    expect(events.filter((e) => e.type === 'rejected')).toEqual([]);
    expect(events.filter((e) => e.type === 'updated').map((e) => e.type === 'updated' && e.remote.pin.properties.supports)).toEqual([1, 0, 1]);
  });
});
