// the IndexedDB outbox: pin changes made on this device wait here, in order, until the server has acknowledged each exactly once.
import { openDB } from 'idb';
import type { DBSchema, IDBPDatabase } from 'idb';
import type { PinFeature } from '../core/types.ts';
import { ApiRequestError, isTransient } from './httpRepository.ts';
import type { HttpRepository, RemotePin } from './httpRepository.ts';

/** what the app asked for; `pinId` is the id the app knew the pin by (a local id until the server gave it one) */
export type OutboxOp =
  | { type: 'create'; pinId: string; pin: PinFeature }
  | { type: 'update'; pinId: string; pin: PinFeature }
  | { type: 'delete'; pinId: string }
  | { type: 'support'; pinId: string }
  | { type: 'unsupport'; pinId: string };

export type OutboxEntry = OutboxOp & {
  seq: number;
  /** sent as Idempotency-Key for creates, so a retry after a lost answer returns the pin stored the first time */
  key: string;
  queuedAt: string;
  attempts: number;
};

export type OutboxEvent =
  | { type: 'created'; localId: string; remote: RemotePin }
  | { type: 'updated'; remote: RemotePin }
  | { type: 'deleted'; pinId: string }
  | { type: 'rejected'; entry: OutboxEntry; code: string; message: string }
  | { type: 'changed'; pendingPinIds: ReadonlySet<string> };

export type FlushResult =
  | { done: true; sent: number }
  | { done: false; sent: number; reason: 'network' | 'server'; retryAfterMs?: number };

interface OutboxDb extends DBSchema {
  ops: { key: number; value: OutboxEntry };
  /** local id -> the id the server gave the pin, for ops queued before the create was acknowledged */
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
  /** the server's id for a pin created here under a local id (the id itself otherwise) */
  resolveId(pinId: string): Promise<string>;
  /** ids (as the app now knows them) of pins with changes still waiting */
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
        db.createObjectStore('ids', { keyPath: 'localId' });
      },
    });
  } finally {
    if (factory) globalThis.indexedDB = previous;
  }
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
 * Opens the outbox. Ops are kept until the server answers; a lost answer is retried with the same key, never doubled.
 * @example
 * const outbox = await createOutbox({ api });
 * await outbox.enqueue({ type: 'create', pinId: pin.id, pin });
 * await outbox.flush(); // => { done: true, sent: 1 }, or { done: false, reason: 'network' } offline
 */
export async function createOutbox(options: OutboxOptions): Promise<Outbox> {
  const name = options.name ?? 'coplan-outbox';
  const db = await openOutboxDb(name, options.factory);
  const makeKey = options.makeKey ?? (() => crypto.randomUUID());
  const now = options.now ?? (() => new Date());
  const lock = options.lock ?? defaultLock(name);
  const listeners = new Set<(event: OutboxEvent) => void>();
  const emit = (event: OutboxEvent) => listeners.forEach((listener) => listener(event));

  async function resolveId(pinId: string): Promise<string> {
    return (await db.get('ids', pinId))?.serverId ?? pinId;
  }
  async function pendingPinIds(): Promise<Set<string>> {
    const ids = new Set<string>();
    for (const entry of await db.getAll('ops')) ids.add(await resolveId(entry.pinId));
    return ids;
  }
  async function announceChange(): Promise<void> {
    emit({ type: 'changed', pendingPinIds: await pendingPinIds() });
  }

  /** sends one op; resolves with the event to announce, throws what the api threw */
  async function send(entry: OutboxEntry): Promise<OutboxEvent> {
    const id = await resolveId(entry.pinId);
    switch (entry.type) {
      case 'create': {
        try {
          const remote = await options.api.createPin(entry.pin, entry.key);
          return { type: 'created', localId: entry.pinId, remote };
        } catch (error) {
          // the server already keeps a pin under this key (from this device, with other fields): that pin is the one created
          if (error instanceof ApiRequestError && error.code === 'idempotency-key-reused') {
            const storedId = (error.details as { id?: unknown } | undefined)?.id;
            if (typeof storedId === 'string') return { type: 'created', localId: entry.pinId, remote: await options.api.getPin(storedId) };
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
      const tx = db.transaction(['ops', 'ids'], 'readwrite');
      const writes: Promise<unknown>[] = [tx.objectStore('ops').delete(entry.seq)];
      if (event.type === 'created') writes.push(tx.objectStore('ids').put({ localId: entry.pinId, serverId: event.remote.pin.id }));
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
    resolveId,
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
