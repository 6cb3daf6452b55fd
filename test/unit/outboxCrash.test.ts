// exactly once across a crash: the app closes while a create is in flight (the server stored it, the answer never
// came); the reopened app, over the same IndexedDB, sends it again and the server keeps it once.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PinFeature } from '../../src/core/types.ts';
import { createHttpRepository } from '../../src/persistence/httpRepository.ts';
import { createOutbox, type OutboxEvent } from '../../src/persistence/outbox.ts';
import { startTestServer, type TestServer } from '../support/serverHarness.ts';
import { createInjectFetch } from './injectFetch.ts';

const DEVICE = 'device-crash-0123456789abcdef';

function localPin(id: string, title: string): PinFeature {
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [-2.25, 53.45] },
    properties: { id, kind: 'asset', theme: 'green', title, area: 'west', createdAt: '2026-05-01T10:00:00.000Z', updatedAt: '2026-05-01T10:00:00.000Z', author: DEVICE },
  };
}

let server: TestServer;
let factory: IDBFactory;
beforeEach(async () => {
  server = await startTestServer();
  factory = new IDBFactory();
});
afterEach(() => server.close());

const storedTitled = async (title: string) => (await server.storage.listPins()).filter((p) => p.properties.title === title);

/** an app session: the outbox over this test's IndexedDB, talking to the server through `fetch` */
async function openApp(fetch: typeof globalThis.fetch) {
  const outbox = await createOutbox({ api: createHttpRepository({ deviceToken: DEVICE, fetch }), factory, name: 'crash-test' });
  const events: OutboxEvent[] = [];
  outbox.subscribe((e) => events.push(e));
  return { outbox, events };
}

describe('outbox across a crash', () => {
  it('stores a pin exactly once when the app closed while its create was in flight', async () => {
    const net = createInjectFetch(server.app);
    let reachedServer!: () => void;
    const delivered = new Promise<void>((resolve) => (reachedServer = resolve));
    // the first POST reaches the server and is stored; its answer never comes back (the app is gone)
    let first = true;
    const dying: typeof fetch = async (input, init) => {
      if (first && init?.method === 'POST') {
        first = false;
        await net.fetch(input, init);
        reachedServer();
        return new Promise<Response>(() => {});
      }
      return net.fetch(input, init);
    };
    const crashed = await openApp(dying);
    const pin = localPin('6f1d0c1e-2b7a-4c55-9d3e-0a1b2c3d4e51', 'Sent as the app closed');
    await crashed.outbox.enqueue({ type: 'create', pinId: pin.id, pin });
    void crashed.outbox.flush(); // never settles: the answer is lost with the app
    await delivered;
    crashed.outbox.close();
    expect(await storedTitled('Sent as the app closed')).toHaveLength(1);
    expect(crashed.events.some((e) => e.type === 'created')).toBe(false);

    const reopened = await openApp(net.fetch);
    expect((await reopened.outbox.entries()).map((e) => e.pinId)).toEqual([pin.id]);
    expect(await reopened.outbox.flush()).toEqual({ done: true, sent: 1 });

    const stored = await storedTitled('Sent as the app closed');
    expect(stored.map((p) => p.id)).toEqual([pin.id]);
    expect(reopened.events).toContainEqual(expect.objectContaining({ type: 'created', pinId: pin.id, remote: expect.objectContaining({ pin: expect.objectContaining({ id: pin.id }) }) }));
    expect(await reopened.outbox.entries()).toEqual([]);
    // both sends reached the server: the second was answered from the first, not stored again
    expect(net.calls.filter((c) => c === 'POST /api/pins')).toHaveLength(2);
    expect((await server.storage.listPins()).length).toBe(2); // the seeded pin and this one
  });
});
