// a consultation too big to load whole: the store holds the pins of the map view plus its own, and clusters when a view has too many.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bboxHas, padBbox } from '../../src/core/bbox.ts';
import { createHttpRepository } from '../../src/persistence/httpRepository.ts';
import { createIndexedDbRepository } from '../../src/persistence/indexedDbRepository.ts';
import type { LiveEventHandlers } from '../../src/persistence/liveEvents.ts';
import { createOutbox } from '../../src/persistence/outbox.ts';
import { createServerSync } from '../../src/persistence/serverSync.ts';
import { createAppStore } from '../../src/store/appStore.ts';
import { connectSync } from '../../src/store/syncSlice.ts';
import { defaultBase } from './defaultConsultation.ts';
import { asDevice, pinBody, startTestServer, type TestServer } from '../support/serverHarness.ts';
import { testPin } from '../support/serverFixtures.ts';
import { createInjectFetch, type InjectFetch } from './injectFetch.ts';
import { bundledData } from './storeFixtures.ts';

const DEVICE = 'device-view-0123456789abcdef';
let server: TestServer;
let base: string;
let net: InjectFetch;
let live: LiveEventHandlers | null;

/** a grid of others' pins: 5 × 8 in the west square, 5 × 8 in the east one */
async function seedGrid(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    for (let j = 0; j < 8; j++) {
      await server.storage.createPin(testPin({ position: [-2.29 + i * 0.018, 53.41 + j * 0.011], author: 'someone-else' }));
      await server.storage.createPin(testPin({ position: [-2.19 + i * 0.018, 53.41 + j * 0.011], author: 'someone-else', kind: 'priority', theme: 'safety' }));
    }
  }
}

async function store(limits: { fullLoadMax: number; viewLoadMax: number }) {
  const factory = new IDBFactory();
  const api = createHttpRepository({ deviceToken: DEVICE, fetch: net.fetch, consultationBase: base });
  const cache = await createIndexedDbRepository({ name: 'cache', factory });
  const outbox = await createOutbox({ api, name: 'outbox', factory });
  const win = { navigator: { onLine: true }, addEventListener: vi.fn(), removeEventListener: vi.fn() };
  const sync = createServerSync({ api, outbox, cache, window: win, live: (h) => ((live = h), { close() {}, reconnect() {} }), ...limits });
  const s = createAppStore({ repository: cache, deviceToken: DEVICE, sync });
  await s.getState().appStarted(bundledData());
  const stop = connectSync(s, sync);
  return { store: s, stop };
}

beforeEach(async () => {
  server = await startTestServer({ rateLimits: { pinsPerDevicePerMinute: 0 } });
  base = await defaultBase(server);
  net = createInjectFetch(server.app);
  live = null;
  await seedGrid();
  // two pins of this device, one in each square
  for (const position of [[-2.21, 53.49], [-2.11, 53.49]]) {
    const res = await server.app.inject(asDevice(DEVICE, { method: 'POST', url: `${base}/pins`, payload: pinBody({ title: 'Mine' }, position) }));
    expect(res.statusCode).toBe(201);
  }
});
afterEach(async () => {
  await server.close();
});

describe('view scope', () => {
  it('loads every pin when they fit in one load, and then never loads by view', async () => {
    const { store: s, stop } = await store({ fullLoadMax: 100, viewLoadMax: 10 });
    expect(s.getState().pinScope).toBe('all');
    expect(s.getState().pins).toHaveLength(83);
    const calls = net.calls.length;
    await s.getState().mapViewChanged([-2.2, 53.4, -2.15, 53.45], 14);
    expect(net.calls.length).toBe(calls);
    stop();
  });

  it('holds only its own pins at first when the consultation is bigger than one load', async () => {
    const { store: s, stop } = await store({ fullLoadMax: 50, viewLoadMax: 30 });
    expect(s.getState().pinScope).toBe('view');
    expect(s.getState().pins.map((p) => p.properties.title)).toEqual(['Mine', 'Mine']);
    expect(s.getState().pins.every((p) => p.properties.author === DEVICE)).toBe(true);
    stop();
  });

  it('loads the pins near a view, plus its own, and no more while the view stays inside them', async () => {
    const { store: s, stop } = await store({ fullLoadMax: 50, viewLoadMax: 30 });
    // a view over the south-west corner of the east square
    const view = [-2.195, 53.405, -2.16, 53.44] as const;
    await s.getState().mapViewChanged(view, 15);
    const loaded = padBbox(view, 0.5);
    const { pins, viewScope } = s.getState();
    expect(viewScope).toEqual({ loadedBbox: loaded, tooMany: false, clusters: null });
    const others = pins.filter((p) => p.properties.author !== DEVICE);
    expect(others.length).toBeGreaterThan(0);
    for (const p of others) expect(bboxHas(loaded, p.geometry.coordinates)).toBe(true);
    // every grid pin in the loaded box is here, and both of this device's pins, wherever they are
    const expected = (await server.app.inject({ url: `${base}/pins?bbox=${loaded.join(',')}` })).json().features.filter((f: { properties: { title: string } }) => f.properties.title !== 'Mine');
    expect(others).toHaveLength(expected.length);
    expect(pins.filter((p) => p.properties.author === DEVICE)).toHaveLength(2);

    const calls = net.calls.length;
    await s.getState().mapViewChanged([-2.19, 53.41, -2.17, 53.43], 15.5);
    expect(net.calls.length).toBe(calls);
    stop();
  });

  it('shows clusters for a view with more pins than one load, counting every pin there', async () => {
    const { store: s, stop } = await store({ fullLoadMax: 50, viewLoadMax: 30 });
    await s.getState().mapViewChanged([-2.3, 53.4, -2.1, 53.5], 12);
    const { viewScope, pins } = s.getState();
    expect(viewScope.tooMany).toBe(true);
    expect(viewScope.loadedBbox).toBeNull();
    // the public gets small cluster counts protected: those clusters carry "fewer than k" instead of their count
    const counted = viewScope.clusters!.reduce((n, c) => n + c.count, 0);
    const hidden = viewScope.clusters!.filter((c) => c.published && typeof c.published.count !== 'number');
    expect(counted + hidden.length).toBeLessThanOrEqual(83);
    expect(viewScope.clusters!.every((c) => c.count === 0 || c.count >= 5 || c.row >= 0)).toBe(true);
    expect(counted + 4 * hidden.length).toBeGreaterThanOrEqual(83);
    // the mix is in the store's theme order: 40 green grid pins and the seeded one; 40 safety grid pins and this device's two
    const themes = s.getState().themes.map((t) => t.id);
    const mixTotals = themes.map((_, i) => viewScope.clusters!.reduce((n, c) => n + c.mix[i]!, 0));
    // each hidden cell of a mix stands for 0 to 4 pins here (a "fewer than 5", or withheld beside one)
    const hiddenCells = themes.map((_, i) => viewScope.clusters!.filter((c) => c.published && typeof c.published.mix[i] !== 'number').length);
    for (const [theme, expected] of [['green', 41], ['safety', 42]] as const) {
      const i = themes.indexOf(theme);
      expect(mixTotals[i]).toBeLessThanOrEqual(expected);
      expect(mixTotals[i]! + 4 * hiddenCells[i]!).toBeGreaterThanOrEqual(expected);
    }
    expect(pins.map((p) => p.properties.title)).toEqual(['Mine', 'Mine']);

    // zoomed in to a view that fits: the pins come and the clusters go
    await s.getState().mapViewChanged([-2.195, 53.405, -2.185, 53.415], 17);
    expect(s.getState().viewScope.tooMany).toBe(false);
    expect(s.getState().viewScope.clusters).toBeNull();
    expect(s.getState().pins.length).toBeGreaterThan(2);
    stop();
  });

  it('keeps live pins inside the loaded view and leaves the rest for when the map goes there', async () => {
    const { store: s, stop } = await store({ fullLoadMax: 50, viewLoadMax: 30 });
    await s.getState().mapViewChanged([-2.195, 53.405, -2.16, 53.44], 15);
    const before = s.getState().pins.length;
    const inside = testPin({ position: [-2.18, 53.42], author: 'another' });
    const outside = testPin({ position: [-2.29, 53.49], author: 'another' });
    const { author: _a, hidden: _h, ...insideProps } = inside.properties;
    const { author: _b, hidden: _i, ...outsideProps } = outside.properties;
    live!.pinChanged({ pin: { ...outside, properties: outsideProps }, hidden: false });
    live!.pinChanged({ pin: { ...inside, properties: insideProps }, hidden: false });
    expect(s.getState().pins.map((p) => p.id)).toContain(inside.id);
    expect(s.getState().pins.map((p) => p.id)).not.toContain(outside.id);
    expect(s.getState().pins).toHaveLength(before + 1);
    stop();
  });

  it('keeps the pins it has when a view cannot be loaded offline', async () => {
    const { store: s, stop } = await store({ fullLoadMax: 50, viewLoadMax: 30 });
    await s.getState().mapViewChanged([-2.195, 53.405, -2.16, 53.44], 15);
    const held = s.getState().pins.map((p) => p.id);
    net.offline = true;
    await s.getState().mapViewChanged([-2.29, 53.45, -2.25, 53.49], 15);
    expect(s.getState().pins.map((p) => p.id)).toEqual(held);
    net.offline = false;
    await s.getState().mapViewChanged([-2.29, 53.45, -2.25, 53.49], 15);
    expect(s.getState().pins.map((p) => p.id)).not.toEqual(held);
    stop();
  });
});
