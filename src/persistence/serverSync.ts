// server mode, offline-first: reads from the server (falling back to the device's cache), writes through the outbox, listens live.
import type { Bbox } from '../core/bbox.ts';
import { clusterZoomParam } from '../core/clusterZoom.ts';
import { plannerClustersFromJson } from '../core/plannerWire.ts';
import type { PinFeature, Theme } from '../core/types.ts';
import { NetworkError } from './httpRepository.ts';
import type { RemotePin } from './httpRepository.ts';
import { connectLiveEvents } from './liveEvents.ts';
import type { LiveStatus } from './liveEvents.ts';
import type { FlushResult, Outbox } from './outbox.ts';

export type { Connection, SyncListener, PinScope, InitialData, ViewPins, ServerSync, ServerSyncOptions } from './serverSyncTypes.ts';
import type { Connection, SyncListener, ServerSync, ServerSyncOptions } from './serverSyncTypes.ts';

/**
 * Creates the sync engine over an API client, an outbox and the device cache.
 * @example
 * const sync = createServerSync({ api, outbox, cache });
 * const initial = await sync.loadInitial(); // works offline from the cache
 * const stop = sync.start(listener);
 */
export function createServerSync(options: ServerSyncOptions): ServerSync {
  const { api, outbox, cache } = options;
  const storage = options.storage ?? globalThis.localStorage;
  const win = options.window ?? (typeof window === 'undefined' ? undefined : window);
  const maxRetryMs = options.maxRetryMs ?? 60_000;
  const fullLoadMax = options.fullLoadMax ?? 5000;
  const viewLoadMax = options.viewLoadMax ?? 2000;
  const suffix = options.consultation ? `:${options.consultation}` : '';
  const THEMES_KEY = `coplan.server.themes${suffix}`;
  const SCOPE_KEY = `coplan.server.scope${suffix}`;
  // in view scope, the bbox later reloads re-read (null: only the device's own pins so far)
  let scope: { kind: 'all' } | { kind: 'view'; bbox: Bbox | null } = { kind: 'all' };
  // the live-event id the first load read the pins at: the live stream starts there, so nothing falls in between
  let loadedAtEventId: string | null = null;
  let listener: SyncListener | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let retryWait = 2000;
  let live: LiveStatus = 'connecting';
  let reachable = true;

  const isOnline = () => win?.navigator?.onLine ?? true;
  function announceConnection() {
    const connection: Connection = !isOnline() || !reachable ? 'offline' : live === 'reconnecting' ? 'reconnecting' : 'online';
    listener?.connectionChanged(connection);
  }

  // read on an offline start only, so the themes reader is a chunk of its own (the service worker keeps it offline)
  async function cachedThemes(): Promise<Theme[] | null> {
    const text = storage?.getItem(THEMES_KEY);
    if (!text) return null;
    const { parseThemes } = await import('../core/parseThemes.ts');
    const parsed = parseThemes(text);
    return parsed.ok ? parsed.value : null;
  }

  /** the pins of the current scope as the server has them; `truncated` when a view holds too many to bring */
  async function remotePins(): Promise<{ remote: RemotePin[]; truncated: boolean }> {
    if (scope.kind === 'all') return { remote: (await api.listPinsPage({})).pins, truncated: false };
    const [view, own] = await Promise.all([scope.bbox ? api.listPinsPage({ bbox: scope.bbox, limit: viewLoadMax }) : null, api.listPinsPage({ mine: true })]);
    if (!view || view.truncated) return { remote: own.pins, truncated: view?.truncated ?? false };
    const inView = new Set(view.pins.map((r) => r.pin.id));
    return { remote: [...view.pins, ...own.pins.filter((r) => !inView.has(r.pin.id))], truncated: false };
  }

  async function mergedPins(given?: RemotePin[]): Promise<{ pins: PinFeature[]; pendingIds: Set<string> }> {
    const [remote, pendingIds, entries, cached] = await Promise.all([given ?? remotePins().then((r) => r.remote), outbox.pendingPinIds(), outbox.entries(), cache.listPins()]);
    const deleting = new Set(entries.filter((e) => e.type === 'delete').map((e) => e.pinId));
    const cachedById = new Map(cached.map((p) => [p.id, p]));
    const pins: PinFeature[] = [];
    const seen = new Set<string>();
    for (const { pin, hidden } of remote) {
      seen.add(pin.id);
      if (hidden || deleting.has(pin.id)) continue;
      // a change still waiting here wins over the server's older copy
      pins.push(pendingIds.has(pin.id) ? (cachedById.get(pin.id) ?? pin) : pin);
    }
    for (const pin of cached) if (!seen.has(pin.id) && pendingIds.has(pin.id) && !deleting.has(pin.id)) pins.push(pin);
    return { pins, pendingIds };
  }

  async function flush(): Promise<void> {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    let result: FlushResult;
    try {
      result = await outbox.flush();
    } catch (error) {
      console.warn(`coplan: sending waiting changes failed: ${error instanceof Error ? error.message : String(error)}`);
      result = { done: false, sent: 0, reason: 'server' };
    }
    if (result.done) {
      retryWait = 2000;
      if (result.sent > 0 && !reachable) {
        reachable = true;
        announceConnection();
      }
      return;
    }
    if (result.reason === 'network' && reachable) {
      reachable = false;
      announceConnection();
    }
    // some went through: the server is there again, so the rest is tried again soon, not after the wait the
    // failures while offline had grown to
    if (result.sent > 0) retryWait = 2000;
    const wait = result.retryAfterMs ?? retryWait;
    retryWait = Math.min(retryWait * 2, maxRetryMs);
    retryTimer = setTimeout(() => void flush(), wait);
  }

  async function reload(what: { areas?: boolean; themes?: boolean } = {}): Promise<void> {
    try {
      const [areas, themes] = await Promise.all([what.areas ? api.getAreas() : undefined, what.themes ? api.getThemes() : undefined]);
      if (areas) await cache.saveAreas(areas);
      if (themes) storage?.setItem(THEMES_KEY, JSON.stringify(themes));
      if (areas || themes) listener?.catalogReloaded({ ...(areas ? { areas } : {}), ...(themes ? { themes } : {}) });
      // read and applied while nothing is being sent: otherwise a pin sent meanwhile comes back as still waiting
      await outbox.exclusive(async () => {
        const { pins, pendingIds } = await mergedPins();
        listener?.pinsReloaded(pins, pendingIds);
      });
      reachable = true;
    } catch (error) {
      if (error instanceof NetworkError) reachable = false;
      else console.warn(`coplan: re-reading from the server failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    announceConnection();
  }

  async function enqueueAndFlush(op: Parameters<Outbox['enqueue']>[0]): Promise<void> {
    await outbox.enqueue(op);
    void flush();
  }

  return {
    api,
    async loadInitial() {
      try {
        // one bounded read says which scope this consultation needs: all its pins fit, or the map loads them by view
        const [areas, themes, first] = await Promise.all([api.getAreas(), api.getThemes(), api.listPinsPage({ limit: fullLoadMax })]);
        scope = first.truncated ? { kind: 'view', bbox: null } : { kind: 'all' };
        loadedAtEventId = first.eventId;
        const merged = await mergedPins(first.truncated ? undefined : first.pins);
        await cache.saveAreas(areas);
        storage?.setItem(THEMES_KEY, JSON.stringify(themes));
        storage?.setItem(SCOPE_KEY, scope.kind);
        reachable = true;
        return { areas, themes, pins: merged.pins, pendingIds: merged.pendingIds, fromCache: false, scope: scope.kind };
      } catch (error) {
        if (!(error instanceof NetworkError)) throw error;
        reachable = false;
        const [areas, pins, pendingIds, themes] = await Promise.all([cache.loadAreas(), cache.listPins(), outbox.pendingPinIds(), cachedThemes()]);
        if (!areas || !themes) throw new Error('The server cannot be reached and this device has no saved copy of the map yet. Connect to the internet and reload.', { cause: error });
        scope = storage?.getItem(SCOPE_KEY) === 'view' ? { kind: 'view', bbox: null } : { kind: 'all' };
        return { areas, themes, pins, pendingIds, fromCache: true, scope: scope.kind };
      }
    },
    start(next) {
      listener = next;
      const stopOutbox = outbox.subscribe((event) => {
        // the server keeps the id the pin was made with, so its answer is one more copy of a pin the store already has
        if (event.type === 'created' && event.remote.pin.id === event.pinId) {
          if (!event.remote.hidden) next.remotePinChanged(event.remote.pin);
        }
        // an entry queued before the server kept ids was stored under one of the server's: a re-read shows that pin instead
        else if (event.type === 'created') void reload();
        else if (event.type === 'updated' && !event.remote.hidden) next.remotePinChanged(event.remote.pin);
        else if (event.type === 'changed') next.pendingChanged(event.pendingPinIds);
        else if (event.type === 'rejected') {
          next.changeRefused(event.entry.pinId, event.code, event.message);
          void reload();
        }
      });
      const from = loadedAtEventId ? { lastEventId: loadedAtEventId } : {};
      const connection = (options.live ?? ((h, f) => connectLiveEvents(h, { ...f, url: `${api.consultationBase}/events` })))({
        pinChanged: (remote) => (remote.hidden ? next.remotePinRemoved(remote.pin.id) : next.remotePinChanged(remote.pin)),
        pinRemoved: (id) => next.remotePinRemoved(id),
        commentChanged: (comment) => next.remoteCommentChanged?.(comment),
        commentRemoved: (id, pinId) => next.remoteCommentRemoved?.(id, pinId),
        catalogChanged: (what) => void reload({ areas: what === 'areas', themes: what === 'themes' }),
        statusChanged: (status) => {
          live = status;
          if (status === 'open') reachable = true;
          announceConnection();
        },
        // the server replays what a dropped stream missed; only when it cannot is everything read again (areas and
        // themes too, as their replacement may be among what was missed)
        reconnected: () => {
          void reload({ areas: true, themes: true });
          void flush();
        },
        resumed: () => void flush(),
      }, from);
      const online = () => {
        announceConnection();
        connection.reconnect();
        void flush();
      };
      const offline = () => announceConnection();
      win?.addEventListener('online', online);
      win?.addEventListener('offline', offline);
      announceConnection();
      void flush();
      if (!reachable) void reload();
      return () => {
        stopOutbox();
        connection.close();
        win?.removeEventListener('online', online);
        win?.removeEventListener('offline', offline);
        if (retryTimer) clearTimeout(retryTimer);
        listener = null;
      };
    },
    pinCreated: (pin) => enqueueAndFlush({ type: 'create', pinId: pin.id, pin }),
    pinEdited: (pin) => enqueueAndFlush({ type: 'update', pinId: pin.id, pin }),
    pinDeleted: (id) => enqueueAndFlush({ type: 'delete', pinId: id }),
    pinSupported: (id) => enqueueAndFlush({ type: 'support', pinId: id }),
    pinSupportWithdrawn: (id) => enqueueAndFlush({ type: 'unsupport', pinId: id }),
    reload,
    async loadView(bbox, apply) {
      scope = { kind: 'view', bbox };
      const truncated = await outbox.exclusive(async () => {
        const read = await remotePins();
        apply({ ...(await mergedPins(read.remote)), truncated: read.truncated });
        return read.truncated;
      });
      if (!reachable) {
        reachable = true;
        announceConnection();
      }
      return truncated;
    },
    async loadClusters(bbox, zoom, themeIds) {
      const params = new URLSearchParams({ bbox: bbox.join(','), zoom: clusterZoomParam(zoom) });
      return plannerClustersFromJson(await api.getJson(`${api.consultationBase}/aggregates/clusters?${params}`), themeIds);
    },
  };
}
