// where touch-table sessions are kept on this device: their own IndexedDB database, so the pin schema is untouched.
import { openDB } from 'idb';
import type { DBSchema } from 'idb';
import { parseTableSession } from '../core/tableSession.ts';
import type { TableSession } from '../core/tableSession.ts';

export interface TableSessionRepository {
  /** every stored session that still validates, oldest first */
  listSessions(): Promise<TableSession[]>;
  putSession(session: TableSession): Promise<void>;
  /** the session the table was running when it was last closed, so a reload carries on */
  loadActiveSessionId(): Promise<string | null>;
  saveActiveSessionId(id: string | null): Promise<void>;
}

interface TableDb extends DBSchema {
  sessions: { key: string; value: TableSession };
  meta: { key: string; value: string };
}

const ACTIVE_KEY = 'activeSessionId';

function sorted(sessions: unknown[]): TableSession[] {
  // a record damaged by an older build is skipped rather than breaking the table
  return sessions
    .map((s) => parseTableSession(s))
    .flatMap((r) => (r.ok ? [r.value] : []))
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
}

/** Opens (creating on first use) the table's session database. */
export async function createIndexedDbSessionRepository(options: { name?: string; factory?: IDBFactory } = {}): Promise<TableSessionRepository> {
  // WARNING: idb's openDB always uses the global indexedDB, so a custom factory is swapped in for the call.
  const previous = globalThis.indexedDB;
  if (options.factory) globalThis.indexedDB = options.factory;
  let opening;
  try {
    opening = openDB<TableDb>(options.name ?? 'coplan-table', 1, {
      upgrade(db) {
        if (!db.objectStoreNames.contains('sessions')) db.createObjectStore('sessions', { keyPath: 'id' });
        if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta');
      },
    });
  } finally {
    if (options.factory) globalThis.indexedDB = previous;
  }
  const db = await opening;
  return {
    async listSessions() {
      return sorted(await db.getAll('sessions'));
    },
    async putSession(session) {
      await db.put('sessions', session);
    },
    async loadActiveSessionId() {
      return (await db.get('meta', ACTIVE_KEY)) ?? null;
    },
    async saveActiveSessionId(id) {
      if (id === null) await db.delete('meta', ACTIVE_KEY);
      else await db.put('meta', id, ACTIVE_KEY);
    },
  };
}

/** Keeps sessions in memory only: for tests, and for browsers where IndexedDB is unavailable. */
export function createMemorySessionRepository(initial: TableSession[] = []): TableSessionRepository {
  const sessions = new Map(initial.map((s) => [s.id, structuredClone(s)]));
  let active: string | null = null;
  return {
    async listSessions() {
      return sorted([...sessions.values()].map((s) => structuredClone(s)));
    },
    async putSession(session) {
      sessions.set(session.id, structuredClone(session));
    },
    async loadActiveSessionId() {
      return active;
    },
    async saveActiveSessionId(id) {
      active = id;
    },
  };
}

/**
 * A repository usable at once that opens IndexedDB on first use; without IndexedDB (private mode, blocked)
 * sessions are kept for this page only, and the console says so.
 */
export function openSessionRepositoryLazily(open: () => Promise<TableSessionRepository> = () => createIndexedDbSessionRepository()): TableSessionRepository {
  let opened: Promise<TableSessionRepository> | null = null;
  const ready = () =>
    (opened ??= open().catch((error: unknown) => {
      console.warn('table sessions cannot be stored on this device; keeping them for this page only', error);
      return createMemorySessionRepository();
    }));
  return {
    listSessions: async () => (await ready()).listSessions(),
    putSession: async (session) => (await ready()).putSession(session),
    loadActiveSessionId: async () => (await ready()).loadActiveSessionId(),
    saveActiveSessionId: async (id) => (await ready()).saveActiveSessionId(id),
  };
}
