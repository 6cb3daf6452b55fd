// the store in server mode over the sync engine, the outbox and the real server app: offline first, live updates, sent once.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHttpRepository } from '../../src/persistence/httpRepository.ts';
import { createIndexedDbRepository } from '../../src/persistence/indexedDbRepository.ts';
import type { LiveEventHandlers } from '../../src/persistence/liveEvents.ts';
import { createOutbox } from '../../src/persistence/outbox.ts';
import { createServerSync } from '../../src/persistence/serverSync.ts';
import { createAppStore } from '../../src/store/appStore.ts';
import { connectSync } from '../../src/store/syncSlice.ts';
import { deviceToken, startTestServer } from '../support/serverHarness.ts';
import type { TestServer } from '../support/serverHarness.ts';
import { defaultBase } from './defaultConsultation.ts';
import { createInjectFetch } from './injectFetch.ts';
import type { InjectFetch } from './injectFetch.ts';
import { bundledData } from './storeFixtures.ts';

// signed by the test server's secret, as POST /api/device gives it (supports need a signed token)
const DEVICE = deviceToken('device-store-0123456789abcdef');
const draft = { kind: 'asset', theme: 'green', title: 'Community orchard', position: [-2.25, 53.45] as const };

let server: TestServer;
let net: InjectFetch;
let live: LiveEventHandlers | null;
let base: string;
const memory = () => {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
};

async function serverModeStore(factory = new IDBFactory(), storage = memory(), makeKey?: () => string) {
  const api = createHttpRepository({ deviceToken: DEVICE, fetch: (input, init) => net.fetch(input, init), consultationBase: base });
  const cache = await createIndexedDbRepository({ name: 'cache', factory });
  const outbox = await createOutbox({ api, name: 'outbox', factory, ...(makeKey ? { makeKey } : {}) });
  const online = { onLine: !net.offline };
  const win = { navigator: online, addEventListener: vi.fn(), removeEventListener: vi.fn() };
  const sync = createServerSync({ api, outbox, cache, storage, window: win, live: (h) => ((live = h), { close() {}, reconnect() {} }) });
  const store = createAppStore({ repository: cache, deviceToken: DEVICE, sync });
  await store.getState().appStarted(bundledData());
  const stop = connectSync(store, sync);
  return { store, sync, win, online, stop, factory, storage };
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

beforeEach(async () => {
  server = await startTestServer();
  base = await defaultBase(server);
  net = createInjectFetch(server.app);
  live = null;
});
afterEach(async () => {
  await server.close();
});

describe('store in server mode', () => {
  it('opens the live stream at the event its pins were read at, so a pin made in between is replayed', async () => {
    let openedFrom: { lastEventId?: string } | null = null;
    const factory = new IDBFactory();
    const api = createHttpRepository({ deviceToken: DEVICE, fetch: net.fetch, consultationBase: base });
    const cache = await createIndexedDbRepository({ name: 'cache', factory });
    const outbox = await createOutbox({ api, name: 'outbox', factory });
    const win = { navigator: { onLine: true }, addEventListener: vi.fn(), removeEventListener: vi.fn() };
    const sync = createServerSync({ api, outbox, cache, window: win, live: (_h, from) => ((openedFrom = from), { close() {}, reconnect() {} }) });
    const store = createAppStore({ repository: cache, deviceToken: DEVICE, sync });
    await store.getState().appStarted(bundledData());
    const readAt = String((await server.storage.latestEventId()) ?? 0);
    // someone posts before this device's stream is open
    await server.app.inject({ method: 'POST', url: `${base}/pins`, headers: { 'x-device-token': 'device-other-0123456789' }, payload: { type: 'Feature', geometry: { type: 'Point', coordinates: [-2.25, 53.45] }, properties: { kind: 'asset', theme: 'green', title: 'In between' } } });
    const stop = connectSync(store, sync);
    expect(openedFrom).toEqual({ lastEventId: readAt });
    // and the server replays exactly that pin to a stream opened from there
    const missed = await server.storage.eventsAfter(Number(readAt), 10);
    expect(missed?.map((e) => e.event && 'pin' in e.event && e.event.pin.properties.title)).toEqual(['In between']);
    stop();
  });

  it('loads the consultation from the server, not the bundled demo data', async () => {
    const { store, stop } = await serverModeStore();
    expect(store.getState()).toMatchObject({ status: 'ready', mode: 'server', connection: 'online' });
    expect(store.getState().areas.features.map((f) => f.id)).toEqual(['west', 'east']);
    expect(store.getState().pins.map((p) => p.id)).toEqual(['seeded-1']);
    stop();
  });

  it('keeps a pin made offline as pending through a restart, then sends it once under the id it was made with', async () => {
    const first = await serverModeStore();
    first.stop();
    net.offline = true;
    const offline = await serverModeStore(first.factory, first.storage);
    expect(offline.store.getState().connection).toBe('offline');
    const added = await offline.store.getState().pinAdded(draft);
    if (!added.ok) throw new Error('add failed');
    await settle();
    expect(offline.store.getState().pendingIds).toEqual(new Set([added.pin.id]));
    offline.stop();

    // restart while still offline: the pin and its pending state come from the device
    const restarted = await serverModeStore(first.factory, first.storage);
    expect(restarted.store.getState().pins.some((p) => p.id === added.pin.id)).toBe(true);
    expect(restarted.store.getState().pendingIds.has(added.pin.id)).toBe(true);

    net.offline = false;
    restarted.online.onLine = true;
    await restarted.sync.reload();
    await restarted.store.getState().supportToggled('seeded-1');
    await vi.waitFor(() => expect(restarted.store.getState().pendingIds.size).toBe(0));
    const stored = (await server.storage.listPins()).filter((p) => p.properties.title === 'Community orchard');
    expect(stored).toHaveLength(1);
    const mine = restarted.store.getState().pins.filter((p) => p.properties.title === 'Community orchard');
    expect(mine).toHaveLength(1);
    // one id from birth: the server keeps the device's, so the marker (and a popup open on it) is the same one
    expect(stored[0]!.id).toBe(added.pin.id);
    expect(mine[0]).toMatchObject({ id: added.pin.id, properties: { author: DEVICE, area: 'west' } });
    expect((await server.storage.getPin('seeded-1'))?.properties.supports).toBe(1);
    restarted.stop();
  });

  it('shows the stored pin once when a create the previous version sent (no id, answer lost) is recognised by its key', async () => {
    const first = await serverModeStore();
    first.stop();
    net.offline = true;
    const offline = await serverModeStore(first.factory, first.storage, () => 'legacy-create-key');
    const added = await offline.store.getState().pinAdded(draft);
    if (!added.ok) throw new Error('add failed');
    await settle();
    offline.stop();
    // the previous version's try: sent without the id, stored under one the server made, the answer lost
    net.offline = false;
    const body = { type: 'Feature', geometry: { type: 'Point', coordinates: draft.position }, properties: { kind: draft.kind, theme: draft.theme, title: draft.title } };
    const res = await net.fetch(`${base}/pins`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-device-token': DEVICE, 'idempotency-key': 'legacy-create-key' }, body: JSON.stringify(body) });
    expect(res.status).toBe(201);
    const serverId = ((await res.json()) as { id: string }).id;
    expect(serverId).not.toBe(added.pin.id);

    const restarted = await serverModeStore(first.factory, first.storage);
    await vi.waitFor(() => expect(restarted.store.getState().pins.filter((p) => p.properties.title === draft.title).map((p) => p.id)).toEqual([serverId]));
    expect(restarted.store.getState().pendingIds).toEqual(new Set());
    expect(restarted.store.getState().pins.find((p) => p.id === serverId)?.properties.author).toBe(DEVICE);
    expect((await server.storage.listPins()).filter((p) => p.properties.title === draft.title)).toHaveLength(1);
    restarted.stop();
  });

  it('ends with nothing waiting when a re-read runs while waiting pins are being sent', async () => {
    const { store, stop } = await serverModeStore();
    net.offline = true;
    for (const title of ['Orchard one', 'Orchard two', 'Orchard three']) {
      const added = await store.getState().pinAdded({ ...draft, title });
      if (!added.ok) throw new Error('add failed');
    }
    await settle();
    expect(store.getState().pendingIds.size).toBe(3);
    // back online: the stream reopens without a replay, so everything is re-read while the outbox sends, as in the
    // browser; the re-read's answer comes last (a big consultation takes a while), after every waiting pin was sent
    const send = net.fetch;
    net.fetch = async (input, init) => {
      const answer = await send(input, init);
      if (String(input).startsWith(`${base}/pins`) && (init?.method ?? 'GET') === 'GET') await new Promise((r) => setTimeout(r, 300));
      return answer;
    };
    net.offline = false;
    live!.reconnected();
    await vi.waitFor(async () => expect((await server.storage.listPins()).filter((p) => p.properties.title.startsWith('Orchard'))).toHaveLength(3));
    // the slow re-read lands after the last pin was sent: it must not bring back what was waiting when it started
    await new Promise((r) => setTimeout(r, 700));
    expect(store.getState().pendingIds).toEqual(new Set());
    const titles = store.getState().pins.map((p) => p.properties.title).filter((t) => t.startsWith('Orchard'));
    expect(titles.sort()).toEqual(['Orchard one', 'Orchard three', 'Orchard two']);
    stop();
  });

  it('takes a support back on the server too, also when both were given offline', async () => {
    const { store, stop } = await serverModeStore();
    const supports = () => store.getState().pins.find((p) => p.id === 'seeded-1')!.properties.supports;
    await store.getState().supportToggled('seeded-1');
    await vi.waitFor(async () => expect((await server.storage.getPin('seeded-1'))?.properties.supports).toBe(1));
    await vi.waitFor(() => expect(store.getState().pendingIds.size).toBe(0));
    await store.getState().supportToggled('seeded-1');
    expect(store.getState().supportedIds.has('seeded-1')).toBe(false);
    expect(supports()).toBe(0);
    await vi.waitFor(async () => expect((await server.storage.getPin('seeded-1'))?.properties.supports).toBe(0));
    await vi.waitFor(() => expect(store.getState().pendingIds.size).toBe(0));

    // offline: support, withdraw, support again are kept in order and end as one support
    net.offline = true;
    for (let i = 0; i < 3; i++) await store.getState().supportToggled('seeded-1');
    expect(store.getState().supportedIds.has('seeded-1')).toBe(true);
    net.offline = false;
    await store.getState().supportToggled('seeded-1');
    await vi.waitFor(() => expect(store.getState().pendingIds.size).toBe(0));
    expect((await server.storage.getPin('seeded-1'))?.properties.supports).toBe(0);
    expect(net.calls.filter((c) => c === `DELETE ${base}/pins/seeded-1/support`).length).toBeGreaterThanOrEqual(3);
    stop();
  });

  it('sends an imported pin as a new one of this device\'s, under a new UUID the server keeps, whatever id the file gave it', async () => {
    const { store, stop } = await serverModeStore();
    const feature = { type: 'Feature', id: 'p1', geometry: { type: 'Point', coordinates: [-2.25, 53.45] }, properties: { id: 'p1', kind: 'asset', theme: 'green', title: 'Imported orchard' } };
    const result = await store.getState().pinsImported(JSON.stringify({ type: 'FeatureCollection', features: [feature] }));
    expect(result).toMatchObject({ ok: true, added: 1 });
    const mine = store.getState().pins.filter((p) => p.properties.title === 'Imported orchard');
    expect(mine).toHaveLength(1);
    expect(mine[0]!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(mine[0]!.properties).toMatchObject({ id: mine[0]!.id, author: DEVICE });
    await vi.waitFor(() => expect(store.getState().pendingIds.size).toBe(0));
    expect((await server.storage.listPins()).filter((p) => p.properties.title === 'Imported orchard').map((p) => p.id)).toEqual([mine[0]!.id]);
    expect(store.getState().notices).toEqual([]);
    stop();
  });

  it('sends a touch-table pin with its workshop session id, which the server keeps', async () => {
    const { store, stop } = await serverModeStore();
    const added = await store.getState().pinAdded({ ...draft, title: 'Table orchard', sessionId: 'hall-session-1' });
    if (!added.ok) throw new Error('add failed');
    await vi.waitFor(() => expect(store.getState().pendingIds.size).toBe(0));
    const stored = (await server.storage.listPins()).filter((p) => p.properties.title === 'Table orchard');
    expect(stored.map((p) => p.properties.sessionId)).toEqual(['hall-session-1']);
    expect(store.getState().pins.find((p) => p.id === stored[0]!.id)?.properties.sessionId).toBe('hall-session-1');
    stop();
  });

  it('shows our new pin once when its live event arrives before the answer (same id, nothing to guess), and applies others\' changes and removals', async () => {
    const { store, stop, online } = await serverModeStore();
    // hold the POST's answer back until the live event has been handled
    net.offline = true;
    const added = await store.getState().pinAdded(draft);
    if (!added.ok) throw new Error('add failed');
    await settle();
    // the server keeps the device's id, so the event names the pin the store already has
    const echo = { ...added.pin, properties: { ...added.pin.properties, author: undefined } };
    live!.pinChanged({ pin: echo, hidden: false });
    expect(store.getState().pins.filter((p) => p.properties.title === draft.title)).toEqual([added.pin]);
    // the answer comes: the server kept the device's id, and a later event of the pin is applied in place, still ours
    net.offline = false;
    online.onLine = true;
    live!.resumed?.();
    await vi.waitFor(() => expect(store.getState().pendingIds.size).toBe(0));
    expect((await server.storage.listPins()).filter((p) => p.properties.title === draft.title).map((p) => p.id)).toEqual([added.pin.id]);
    live!.pinChanged({ pin: { ...echo, properties: { ...echo.properties, title: 'Community orchard, renamed' } }, hidden: false });
    expect(store.getState().pins.filter((p) => p.id === added.pin.id).map((p) => [p.properties.title, p.properties.author])).toEqual([['Community orchard, renamed', DEVICE]]);

    const other = { ...echo, id: 'other-1', properties: { ...echo.properties, id: 'other-1', title: 'Someone else' } };
    live!.pinChanged({ pin: other, hidden: false });
    expect(store.getState().pins.find((p) => p.id === 'other-1')?.properties.author).toBeUndefined();
    live!.pinRemoved('seeded-1');
    expect(store.getState().pins.some((p) => p.id === 'seeded-1')).toBe(false);
    live!.statusChanged('reconnecting');
    expect(store.getState().connection).toBe('reconnecting');
    stop();
  });

  it('re-reads nothing when the live stream resumed with a replay, and everything when the server says it cannot', async () => {
    const { stop } = await serverModeStore();
    await settle();
    const reads = () => net.calls.filter((c) => [`GET ${base}/pins`, `GET ${base}/areas`, `GET ${base}/themes`].includes(c));
    const before = reads().length;
    live!.statusChanged('reconnecting');
    live!.statusChanged('open');
    live!.resumed!();
    await settle();
    expect(reads()).toHaveLength(before);
    live!.reconnected();
    await vi.waitFor(() => expect(reads().slice(before).sort()).toEqual([`GET ${base}/areas`, `GET ${base}/pins`, `GET ${base}/themes`]));
    stop();
  });

  it('tells the resident when the server refuses a pin for good, and drops it', async () => {
    const { store, stop } = await serverModeStore();
    // the areas changed on the server since this device loaded them: the pin is now outside every area
    const [, east] = (await server.storage.getAreas()).features;
    await server.storage.replaceAreas({ type: 'FeatureCollection', features: [east!] }, () => 'east', 'planner');
    const added = await store.getState().pinAdded(draft);
    if (!added.ok) throw new Error('add failed');
    await vi.waitFor(() => expect(store.getState().notices).toHaveLength(1));
    expect(store.getState().notices[0]).toMatchObject({ title: 'Community orchard', message: expect.stringContaining('outside every area') });
    await vi.waitFor(() => expect(store.getState().pins.some((p) => p.id === added.pin.id)).toBe(false));
    stop();
  });
});
