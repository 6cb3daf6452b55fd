import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import type { LngLat } from '../../src/core/types.ts';
import { createHttpRepository } from '../../src/persistence/httpRepository.ts';
import { createIndexedDbRepository } from '../../src/persistence/indexedDbRepository.ts';
import { createOutbox } from '../../src/persistence/outbox.ts';
import { createServerSync } from '../../src/persistence/serverSync.ts';
import { createMemorySessionRepository } from '../../src/persistence/tableSessionRepository.ts';
import { createAppStore } from '../../src/store/appStore.ts';
import { createAuthStore } from '../../src/store/authStore.ts';
import type { AuthApi } from '../../src/store/authStore.ts';
import { connectSync } from '../../src/store/syncSlice.ts';
import { createTableStore } from '../../src/store/tableStore.ts';
import type { StickerDrop } from '../../src/store/tableStore.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, deviceToken, startTestServer } from '../support/serverHarness.ts';
import { createStaffApi } from '../../src/persistence/staffApi.ts';
import { defaultBase } from './defaultConsultation.ts';
import { createInjectFetch } from './injectFetch.ts';
import { bundledData, startedStore } from './storeFixtures.ts';

const FACILITATOR = { id: 'u-1', email: 'fay@council.example', name: 'Fay', role: 'staff' as const };

/** an auth api that answers like a server with the facilitator signed in, counting sign-outs */
function signedInApi() {
  const api = {
    getSession: vi.fn<AuthApi['getSession']>(async () => ({ user: FACILITATOR, memberships: [] })),
    signIn: vi.fn<AuthApi['signIn']>(async () => ({ token: 't', user: FACILITATOR, expiresAt: '2026-04-18T12:00:00.000Z' })),
    signOut: vi.fn<AuthApi['signOut']>(async () => {}),
  };
  return api;
}

async function setup(auth = createAuthStore(signedInApi())) {
  const app = await startedStore();
  const sessions = createMemorySessionRepository();
  let id = 0;
  const table = createTableStore({ appStore: app.store, auth, sessions, now: () => new Date('2026-04-18T10:00:00.000Z'), makeId: () => `session-${++id}` });
  await table.getState().tableOpened();
  return { ...app, table, sessions, auth };
}

const [inside1, inside2] = bundledData().demoPins.map((p) => p.geometry.coordinates as unknown as LngLat);
const drop = (over: Partial<StickerDrop> = {}): StickerDrop => ({
  kind: 'asset',
  theme: 'green-space',
  title: 'Green space',
  position: inside1!,
  side: 'bottom',
  at: { x: 500, y: 400 },
  ...over,
});

describe('table store', () => {
  it('stores a dropped sticker as a pin of the running session and opens a note card facing that side', async () => {
    const { table, repository } = await setup();
    const started = await table.getState().sessionStarted({ name: 'Spring walk', date: '2026-04-18' });
    expect(started.ok).toBe(true);
    const result = await table.getState().stickerDropped(drop({ side: 'top' }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const stored = (await repository.listPins()).find((p) => p.id === result.pin.id);
    expect(stored?.properties).toMatchObject({ sessionId: 'session-1', theme: 'green-space', kind: 'asset', title: 'Green space' });
    expect(table.getState().notePrompts).toEqual([{ pinId: result.pin.id, side: 'top', at: { x: 500, y: 400 } }]);

    await table.getState().noteSaved(result.pin.id, 'Keep the oak');
    const noted = (await repository.listPins()).find((p) => p.id === result.pin.id);
    expect(noted?.properties).toMatchObject({ note: 'Keep the oak', sessionId: 'session-1' });
    expect(table.getState().notePrompts).toEqual([]);
  });

  it('pins nothing and starts no session when a sticker lands before the facilitator started one', async () => {
    const { table, store, sessions } = await setup();
    const before = store.getState().pins.length;
    const result = await table.getState().stickerDropped(drop({ side: 'left', at: { x: 300, y: 500 } }));
    expect(result.ok ? [] : result.errors.map((e) => e.rule)).toEqual(['no-session']);
    expect(store.getState().pins).toHaveLength(before);
    expect(await sessions.listSessions()).toEqual([]);
    expect(table.getState()).toMatchObject({ activeSessionId: null, notePrompts: [] });
    // the person who dropped it is told why, facing them
    expect(table.getState().toasts).toMatchObject([{ side: 'left', message: 'noSession', at: { x: 300, y: 500 } }]);
  });

  it('notes which group made each pin, also for two drops landing at once, and next group resets the table for the next group', async () => {
    const { table, store, sessions } = await setup();
    await table.getState().sessionStarted({ name: 'Walk', date: '2026-04-18' });
    expect(table.getState().layers).toMatchObject({ sessionPins: true, otherPins: false });
    const [a, b] = await Promise.all([table.getState().stickerDropped(drop()), table.getState().stickerDropped(drop({ theme: 'safety', kind: 'priority', position: inside2!, side: 'top' }))]);
    if (!a.ok || !b.ok) throw new Error('drops failed');
    table.getState().paletteKindChosen('top', 'priority');
    table.getState().keyboardOpened('top', 'note-field');
    expect(table.getState().paletteKinds.top).toBe('priority');

    await table.getState().nextGroup();
    expect(table.getState()).toMatchObject({
      welcome: { group: 2 },
      keyboards: {},
      notePrompts: [],
      paletteKinds: { bottom: 'asset', top: 'asset', left: 'asset', right: 'asset' },
    });
    const c = await table.getState().stickerDropped(drop({ theme: 'housing' }));
    if (!c.ok) throw new Error('drop failed');
    const [stored] = await sessions.listSessions();
    expect(stored?.groupStarts).toEqual(['2026-04-18T10:00:00.000Z']);
    expect(stored?.pinGroups).toEqual({ [a.pin.id]: 1, [b.pin.id]: 1, [c.pin.id]: 2 });
    expect(store.getState().pins.filter((p) => p.properties.sessionId === 'session-1')).toHaveLength(3);
    table.getState().welcomeDismissed();
    expect(table.getState().welcome).toBeNull();
  });

  it('keeps one keyboard per side and closes the one on a field that went away', async () => {
    const { table } = await setup();
    table.getState().keyboardOpened('bottom', 'note-a');
    table.getState().keyboardOpened('top', 'note-b');
    table.getState().keyboardOpened('bottom', 'sign-in-email');
    expect(Object.fromEntries(Object.entries(table.getState().keyboards).map(([side, k]) => [side, k.fieldId]))).toEqual({ bottom: 'sign-in-email', top: 'note-b' });
    table.getState().keyboardClosed('note-b');
    expect(Object.keys(table.getState().keyboards)).toEqual(['bottom']);
    table.getState().idleEntered();
    expect(table.getState().keyboards).toEqual({});
  });

  it('makes no pin outside the boundaries and shows a toast on the dropper\'s side', async () => {
    const { table, store } = await setup();
    await table.getState().sessionStarted({ name: 'Walk', date: '2026-04-18' });
    const before = store.getState().pins.length;
    const result = await table.getState().stickerDropped(drop({ position: [0, 0], side: 'top' }));
    expect(result.ok).toBe(false);
    expect(store.getState().pins).toHaveLength(before);
    expect(table.getState().toasts).toMatchObject([{ side: 'top', message: 'outside', at: { x: 500, y: 400 } }]);
  });

  it('next group clears cards and panels but keeps the pins; undo removes the session\'s last pin only', async () => {
    const { table, store } = await setup();
    await table.getState().sessionStarted({ name: 'Walk', date: '2026-04-18' });
    const first = await table.getState().stickerDropped(drop());
    const second = await table.getState().stickerDropped(drop({ position: inside2! }));
    table.getState().panelOpened('top');
    const generation = table.getState().viewGeneration;
    await table.getState().nextGroup();
    expect(table.getState()).toMatchObject({ notePrompts: [], panelOpen: false, viewGeneration: generation + 1 });
    const ids = store.getState().pins.map((p) => p.id);
    expect(first.ok && ids.includes(first.pin.id)).toBe(true);
    expect(second.ok && ids.includes(second.pin.id)).toBe(true);

    expect(await table.getState().lastPinUndone()).toBe(second.ok ? second.pin.id : 'x');
    expect(store.getState().pins.some((p) => second.ok && p.id === second.pin.id)).toBe(false);
    expect(store.getState().pins.some((p) => first.ok && p.id === first.pin.id)).toBe(true);
  });

  it('going idle discards cards, the panel and the facilitator sign-in; hiding keeps the pin but records it', async () => {
    const api = signedInApi();
    const { table, store, sessions, auth } = await setup(createAuthStore(api));
    await table.getState().sessionStarted({ name: 'Walk', date: '2026-04-18' });
    const dropped = await table.getState().stickerDropped(drop());
    if (!dropped.ok) throw new Error('drop failed');
    expect(await auth.getState().signInRequested({ email: FACILITATOR.email, password: 'right-password' })).toBe(true);
    table.getState().panelOpened();
    table.getState().idleEntered();
    expect(table.getState()).toMatchObject({ attract: true, notePrompts: [], panelOpen: false });
    // signed out through the auth store, so the server forgets the session too
    await vi.waitFor(() => expect(auth.getState().user).toBeNull());
    expect(api.signOut).toHaveBeenCalledTimes(1);
    // nobody signed in: going idle again asks the server nothing
    table.getState().idleEntered();
    expect(api.signOut).toHaveBeenCalledTimes(1);
    table.getState().idleLeft();
    expect(table.getState().attract).toBe(false);

    // device-only mode: a server reason is given but there is no server, so the pin stays in the app store
    await table.getState().pinHiddenChanged(dropped.pin.id, true, 'Hidden at the workshop');
    expect((await sessions.listSessions())[0]?.hiddenPinIds).toEqual([dropped.pin.id]);
    expect(store.getState().pins.some((p) => p.id === dropped.pin.id)).toBe(true);
    await table.getState().sessionEnded();
    expect(table.getState()).toMatchObject({ activeSessionId: null, summarySessionId: 'session-1' });
    expect((await sessions.listSessions())[0]?.endedAt).toBe('2026-04-18T10:00:00.000Z');
  });

  it('refuses a session without a name, saying which field', async () => {
    const { table } = await setup();
    const result = await table.getState().sessionStarted({ name: ' ', date: '2026-04-18' });
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['name']);
    expect(table.getState().activeSessionId).toBeNull();
  });
});

describe('table store in server mode', () => {
  /** a table over the real server app, sending at once; the live stream is left out */
  async function serverModeTable() {
    const server = await startTestServer();
    const net = createInjectFetch(server.app);
    const device = deviceToken('device-table-0123456789abcdef');
    const api = createHttpRepository({ deviceToken: device, fetch: net.fetch, consultationBase: await defaultBase(server) });
    const factory = new IDBFactory();
    const cache = await createIndexedDbRepository({ name: 'cache', factory });
    const outbox = await createOutbox({ api, name: 'outbox', factory });
    const storage = new Map<string, string>();
    const win = { navigator: { onLine: true }, addEventListener: vi.fn(), removeEventListener: vi.fn() };
    const sync = createServerSync({ api, outbox, cache, window: win, storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) }, live: () => ({ close() {}, reconnect() {} }) });
    const appStore = createAppStore({ repository: cache, deviceToken: device, sync });
    await appStore.getState().appStarted(bundledData());
    const stop = connectSync(appStore, sync);
    const auth = createAuthStore(createStaffApi(api));
    let id = 0;
    const table = createTableStore({ appStore, auth, sessions: createMemorySessionRepository(), makeId: () => `workshop-${++id}` });
    await table.getState().tableOpened();
    const close = async () => {
      stop();
      await server.close();
    };
    return { server, net, api, appStore, auth, table, close };
  }

  it('keeps the note card of a dropped pin through the server\'s answer, and the note typed on it reaches the server', async () => {
    const { server, appStore, table, close } = await serverModeTable();
    try {
      await table.getState().sessionStarted({ name: 'Hall', date: '2026-04-18' });
      const dropped = await table.getState().stickerDropped(drop({ theme: 'green', position: [-2.25, 53.45] }));
      if (!dropped.ok) throw new Error(`drop failed: ${JSON.stringify(dropped.errors)}`);
      const madeAs = dropped.pin.id;
      await vi.waitFor(() => expect(appStore.getState().pendingIds.size).toBe(0));
      const sent = appStore.getState().pins.find((p) => p.properties.sessionId === 'workshop-1');
      // one id from birth: the server stored the pin under the id the table made, so the card still names it
      expect(sent?.id).toBe(madeAs);
      expect((await server.storage.getPin(madeAs))?.properties.sessionId).toBe('workshop-1');
      expect(table.getState().notePrompts.map((p) => p.pinId)).toEqual([madeAs]);

      await table.getState().noteSaved(madeAs, 'Keep the oak');
      expect(table.getState().notePrompts).toEqual([]);
      await vi.waitFor(async () => expect((await server.storage.getPin(madeAs))?.properties.note).toBe('Keep the oak'));
      expect(appStore.getState().pins.filter((p) => p.properties.sessionId === 'workshop-1')).toHaveLength(1);
    } finally {
      await close();
    }
  });

  it('hides a pin the server has there too, leaves an unsent one to the table, and signs out of the server when idle', async () => {
    const { net, api, appStore, auth, table, close } = await serverModeTable();
    try {
      expect(await auth.getState().signInRequested({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD })).toBe(true);
      await table.getState().sessionStarted({ name: 'Hall', date: '2026-04-18' });

      const sent = await table.getState().stickerDropped(drop({ theme: 'green', position: [-2.25, 53.45] }));
      if (!sent.ok) throw new Error(`drop failed: ${JSON.stringify(sent.errors)}`);
      await vi.waitFor(() => expect(appStore.getState().pendingIds.size).toBe(0));
      const sentId = appStore.getState().pins.find((p) => p.properties.sessionId === 'workshop-1')?.id;
      if (!sentId) throw new Error('the sent pin is missing');
      await table.getState().pinHiddenChanged(sentId, true, 'Hidden at the workshop “Hall”');
      const onServer = (await api.listPins({ includeHidden: true })).find((r) => r.pin.id === sentId);
      expect(onServer).toMatchObject({ hidden: true, hiddenReason: 'Hidden at the workshop “Hall”' });

      // offline: the next sticker waits in the outbox, so hiding it is the table's alone
      net.offline = true;
      const waiting = await table.getState().stickerDropped(drop({ theme: 'green', position: [-2.26, 53.45] }));
      if (!waiting.ok) throw new Error('offline drop failed');
      await vi.waitFor(() => expect(appStore.getState().pendingIds.has(waiting.pin.id)).toBe(true));
      const before = net.calls.length;
      await table.getState().pinHiddenChanged(waiting.pin.id, true, 'Hidden at the workshop “Hall”');
      expect(net.calls.slice(before).filter((c) => c.endsWith('/hide'))).toEqual([]);
      expect(table.getState().sessions[0]?.hiddenPinIds).toEqual([sentId, waiting.pin.id]);

      net.offline = false;
      table.getState().idleEntered();
      await vi.waitFor(() => expect(auth.getState().user).toBeNull());
      // the server forgot the session too: moderation is refused again
      expect((await createStaffApi(api).getSession()).user).toBeNull();
      await expect(api.moderatePin(sentId, 'restore', 'again')).rejects.toMatchObject({ status: 401 });
    } finally {
      await close();
    }
  });
});

describe('IndexedDB session repository', () => {
  it('keeps sessions and the running session across reopening, and skips a damaged record', async () => {
    const { IDBFactory } = await import('fake-indexeddb');
    const { createIndexedDbSessionRepository } = await import('../../src/persistence/tableSessionRepository.ts');
    const factory = new IDBFactory();
    const first = await createIndexedDbSessionRepository({ name: 'table-test', factory });
    const session = { id: 's1', name: 'Walk', date: '2026-04-18', startedAt: '2026-04-18T10:00:00.000Z', hiddenPinIds: [], groupStarts: [], pinGroups: { p1: 1 } };
    await first.putSession(session);
    await first.putSession({ ...session, id: 's0', name: '' });
    await first.saveActiveSessionId('s1');
    const again = await createIndexedDbSessionRepository({ name: 'table-test', factory });
    expect(await again.listSessions()).toEqual([session]);
    expect(await again.loadActiveSessionId()).toBe('s1');
    await again.saveActiveSessionId(null);
    expect(await again.loadActiveSessionId()).toBeNull();
  });
});
