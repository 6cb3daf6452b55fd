// the outbox against the real server app: changes made offline are sent in order, each exactly once, even when answers are lost.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
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
let n = 0;

function localPin(title: string, position: [number, number] = [-2.25, 53.45]): PinFeature {
  const id = `local-${++n}`;
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
    expect(stored).toHaveLength(1);
    expect(reopened.events).toContainEqual(expect.objectContaining({ type: 'created', localId: pin.id, remote: expect.objectContaining({ pin: expect.objectContaining({ id: stored[0]!.id }) }) }));
    expect(await reopened.outbox.entries()).toEqual([]);
    expect(await reopened.outbox.pendingPinIds()).toEqual(new Set());
  });

  it('retries a create whose answer was lost with the same key: the server returns the same pin, stored once', async () => {
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
    expect(created?.type === 'created' && created.remote.pin.id).toBe(stored[0]!.id);
    expect(net.calls.filter((c) => c === `POST ${base}/pins`)).toHaveLength(2);
  });

  it('sends an edit and a delete queued before the create was answered to the server id, in order', async () => {
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
    expect(await outbox.resolveId(kept.id)).toBe((await storedTitled('Bench by the pond'))[0]!.id);
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
