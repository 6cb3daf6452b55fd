// the IndexedDB outbox: pin changes made on this device wait here, in order, until the server has acknowledged each exactly once.
import { openDB } from 'idb';
import type { DBSchema, IDBPDatabase } from 'idb';
import type { PinFeature } from '../core/types.ts';
import { ApiRequestError, isTransient } from './httpRepository.ts';
import type { HttpRepository, RemotePin } from './httpRepository.ts';

/** what the app asked for; `pinId` is the pin's one id, made on the device and kept by the server */
export type OutboxOp =
  | { type: 'create'; pinId: string; pin: PinFeature }
  | { type: 'update'; pinId: string; pin: PinFeature }
  | { type: 'delete'; pinId: string }
  | { type: 'support'; pinId: string }
  | { type: 'unsupport'; pinId: string };

export type OutboxEntry = OutboxOp & {
  seq: number;
  /**
   * sent as Idempotency-Key with creates: the pin's id alone makes a retry answer the stored pin, but an entry queued
   * before the server kept ids (and servers from then) is only recognised by its key
   */
  key: string;
  queuedAt: string;
  attempts: number;
};

export type OutboxEvent =
  | { type: 'created'; pinId: string; remote: RemotePin }
  | { type: 'updated'; remote: RemotePin }
  | { type: 'deleted'; pinId: string }
  | { type: 'rejected'; entry: OutboxEntry; code: string; message: string }
  | { type: 'changed'; pendingPinIds: ReadonlySet<string> };

export type FlushResult =
  | { done: true; sent: number }
  | { done: false; sent: number; reason: 'network' | 'server'; retryAfterMs?: number };

interface OutboxDb extends DBSchema {
  ops: { key: number; value: OutboxEntry };
  /** left by the version that let the server give pins new ids (local id -> server id); read once at open, then emptied */
  ids: { key: string; value: { localId: string; serverId: string } };
}

export type OutboxApi = Pick<HttpRepository, 'createPin' | 'updatePin' | 'deletePin' | 'supportPin' | 'unsupportPin' | 'getPin'>;

export interface OutboxOptions {
  api: OutboxApi;
  name?: string;
  factory?: IDBFactory;
  makeKey?: () => string;
  now?: () => Date;
  /** runs the flush so that only one tab sends at a time; defaults to the Web Locks API when present */
  lock?: <T>(run: () => Promise<T>) => Promise<T>;
}

export interface Outbox {
  enqueue(op: OutboxOp): Promise<OutboxEntry>;
  entries(): Promise<OutboxEntry[]>;
  /** ids of pins with changes still waiting */
  pendingPinIds(): Promise<Set<string>>;
  /** sends waiting changes in order; stops at the first that may succeed later (offline, 5xx, 429) */
  flush(): Promise<FlushResult>;
  /**
   * Runs `run` while no flush runs (in this tab or another): a re-read of the server merged with what waits here, and
   * applied, sees both in step, not a pin sent halfway through.
   */
  exclusive<T>(run: () => Promise<T>): Promise<T>;
  subscribe(listener: (event: OutboxEvent) => void): () => void;
  close(): void;
}

function openOutboxDb(name: string, factory?: IDBFactory): Promise<IDBPDatabase<OutboxDb>> {
  // WARNING: idb's openDB always uses the global indexedDB, so a custom factory is swapped in for the call.
  const previous = globalThis.indexedDB;
  if (factory) globalThis.indexedDB = factory;
  try {
    return openDB<OutboxDb>(name, 1, {
      upgrade(db) {
        db.createObjectStore('ops', { keyPath: 'seq', autoIncrement: true });
      },
    });
  } finally {
    if (factory) globalThis.indexedDB = previous;
  }
}

/**
 * The version before pins kept the device's id let the server give them new ones, and sent changes queued before that
 * answer through a map of ids; the waiting changes are moved onto the server's ids once, and the map goes.
 */
async function forgetLegacyIdMap(db: IDBPDatabase<OutboxDb>): Promise<void> {
  if (!db.objectStoreNames.contains('ids')) return;
  const tx = db.transaction(['ops', 'ids'], 'readwrite');
  const ops = tx.objectStore('ops');
  const renamed = new Map((await tx.objectStore('ids').getAll()).map((m) => [m.localId, m.serverId]));
  const writes: Promise<unknown>[] = [];
  for (const entry of await ops.getAll()) {
    const serverId = renamed.get(entry.pinId);
    if (serverId) writes.push(ops.put({ ...entry, pinId: serverId }));
  }
  await Promise.all([...writes, tx.objectStore('ids').clear(), tx.done]);
}

function defaultLock(name: string): <T>(run: () => Promise<T>) => Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  // one lock per outbox: tabs of two consultations send at the same time
  if (locks) return <T>(run: () => Promise<T>) => locks.request(name, run) as Promise<T>;
  let tail: Promise<unknown> = Promise.resolve();
  return (run) => {
    const next = tail.then(run, run);
    tail = next.catch(() => undefined);
    return next;
  };
}

/**
 * Opens the outbox. Ops are kept until the server answers; a lost answer is retried with the same pin id (and key), never doubled.
 * @example
 * const outbox = await createOutbox({ api });
 * await outbox.enqueue({ type: 'create', pinId: pin.id, pin });
 * await outbox.flush(); // => { done: true, sent: 1 }, or { done: false, reason: 'network' } offline
 */
export async function createOutbox(options: OutboxOptions): Promise<Outbox> {
  const name = options.name ?? 'coplan-outbox';
  const db = await openOutboxDb(name, options.factory);
  await forgetLegacyIdMap(db);
  const makeKey = options.makeKey ?? (() => crypto.randomUUID());
  const now = options.now ?? (() => new Date());
  const lock = options.lock ?? defaultLock(name);
  const listeners = new Set<(event: OutboxEvent) => void>();
  const emit = (event: OutboxEvent) => listeners.forEach((listener) => listener(event));

  async function pendingPinIds(): Promise<Set<string>> {
    return new Set((await db.getAll('ops')).map((entry) => entry.pinId));
  }
  async function announceChange(): Promise<void> {
    emit({ type: 'changed', pendingPinIds: await pendingPinIds() });
  }

  /** sends one op; resolves with the event to announce, throws what the api threw */
  async function send(entry: OutboxEntry): Promise<OutboxEvent> {
    const id = entry.pinId;
    switch (entry.type) {
      case 'create': {
        try {
          const remote = await options.api.createPin(entry.pin, entry.key);
          return { type: 'created', pinId: id, remote };
        } catch (error) {
          // the server already keeps a pin under this key (from this device, with other fields): that pin is the one created
          if (error instanceof ApiRequestError && error.code === 'idempotency-key-reused') {
            const storedId = (error.details as { id?: unknown } | undefined)?.id;
            if (typeof storedId === 'string') return { type: 'created', pinId: id, remote: await options.api.getPin(storedId) };
          }
          throw error;
        }
      }
      case 'update':
        return { type: 'updated', remote: await options.api.updatePin(id, entry.pin) };
      case 'support': {
        const { pin, hidden, hiddenReason } = await options.api.supportPin(id);
        return { type: 'updated', remote: hiddenReason ? { pin, hidden, hiddenReason } : { pin, hidden } };
      }
      case 'unsupport':
        try {
          const { pin, hidden, hiddenReason } = await options.api.unsupportPin(id);
          return { type: 'updated', remote: hiddenReason ? { pin, hidden, hiddenReason } : { pin, hidden } };
        } catch (error) {
          // the pin is gone (deleted, or hidden by a moderator): no support of ours counts on it any more
          if (!(error instanceof ApiRequestError && error.status === 404)) throw error;
          return { type: 'deleted', pinId: id };
        }
      case 'delete':
        try {
          await options.api.deletePin(id);
        } catch (error) {
          // already gone (deleted by an earlier, unacknowledged try): the wish is fulfilled
          if (!(error instanceof ApiRequestError && error.status === 404)) throw error;
        }
        return { type: 'deleted', pinId: id };
    }
  }

  async function flushLocked(): Promise<FlushResult> {
    let sent = 0;
    for (;;) {
      const cursor = await db.transaction('ops').store.openCursor();
      const entry = cursor?.value;
      if (!entry) return { done: true, sent };
      let event: OutboxEvent;
      try {
        event = await send(entry);
      } catch (error) {
        if (isTransient(error)) {
          await db.put('ops', { ...entry, attempts: entry.attempts + 1 });
          const retryAfterMs = error instanceof ApiRequestError && error.retryAfterSeconds ? error.retryAfterSeconds * 1000 : undefined;
          return { done: false, sent, reason: error instanceof ApiRequestError ? 'server' : 'network', ...(retryAfterMs ? { retryAfterMs } : {}) };
        }
        // refused for good (invalid, outside the areas, not allowed): drop it so it cannot block the queue, and say so
        await db.delete('ops', entry.seq);
        const code = error instanceof ApiRequestError ? error.code : 'unexpected';
        emit({ type: 'rejected', entry, code, message: error instanceof Error ? error.message : String(error) });
        await announceChange();
        continue;
      }
      const tx = db.transaction('ops', 'readwrite');
      const writes: Promise<unknown>[] = [tx.store.delete(entry.seq)];
      // WARNING: only an entry queued before the server kept ids (or a server from then) is stored under another id;
      // what waits for the pin follows it there, once
      if (event.type === 'created' && event.remote.pin.id !== entry.pinId) {
        for (const later of await tx.store.getAll()) if (later.pinId === entry.pinId && later.seq !== entry.seq) writes.push(tx.store.put({ ...later, pinId: event.remote.pin.id }));
      }
      await Promise.all([...writes, tx.done]);
      sent += 1;
      emit(event);
      await announceChange();
    }
  }

  let running: Promise<FlushResult> | null = null;
  let queued: Promise<FlushResult> | null = null;
  function flush(): Promise<FlushResult> {
    if (!running) {
      // the lock keeps other tabs out while this one sends
      running = lock(flushLocked).finally(() => {
        running = null;
      });
      return running;
    }
    // asked again while sending: one more pass afterwards picks up what was queued meanwhile
    queued ??= running.then(() => {
      queued = null;
      return flush();
    });
    return queued;
  }

  return {
    async enqueue(op) {
      const entry = { ...op, key: makeKey(), queuedAt: now().toISOString(), attempts: 0 } as Omit<OutboxEntry, 'seq'>;
      const seq = await db.add('ops', entry as OutboxEntry);
      await announceChange();
      return { ...entry, seq } as OutboxEntry;
    },
    entries: () => db.getAll('ops'),
    pendingPinIds,
    flush,
    exclusive: (run) => lock(run),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      db.close();
    },
  };
}
