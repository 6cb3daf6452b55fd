// the ballot outbox: a ballot cast offline waits in IndexedDB (one per consultation, the newest wins) and is sent once.
import { openDB } from 'idb';
import type { DBSchema, IDBPDatabase } from 'idb';
import { isTransient } from '../httpRepository.ts';

export interface PendingBallot {
  slug: string;
  projects: string[];
  queuedAt: string;
}

interface BallotDb extends DBSchema {
  ballots: { key: string; value: PendingBallot };
}

export type BallotSendResult = { status: 'sent' } | { status: 'waiting' } | { status: 'refused'; code: string; message: string; details?: unknown };

export interface BallotOutbox {
  /** keeps the ballot, replacing any earlier one of the same consultation that has not gone yet */
  put(ballot: PendingBallot): Promise<void>;
  pending(slug: string): Promise<PendingBallot | null>;
  /**
   * Sends the waiting ballot of `slug` (if any) with `send`; removed once the server took it, or refused it for good
   * (a refusal is not worth repeating), kept when there was no answer or a passing failure.
   */
  flush(slug: string, send: (projects: string[]) => Promise<unknown>): Promise<BallotSendResult | null>;
}

/**
 * The outbox over IndexedDB (`factory` for tests).
 * @example
 * const outbox = createBallotOutbox(); await outbox.put({ slug, projects: ['p1'], queuedAt: new Date().toISOString() });
 */
export function createBallotOutbox(options: { name?: string; factory?: IDBFactory } = {}): BallotOutbox {
  let db: Promise<IDBPDatabase<BallotDb>> | null = null;
  const open = () => {
    if (!db) {
      const saved = globalThis.indexedDB;
      // idb opens through the global; a test passes its own factory
      if (options.factory) (globalThis as { indexedDB: IDBFactory }).indexedDB = options.factory;
      db = openDB<BallotDb>(options.name ?? 'coplan-ballots', 1, { upgrade: (d) => void d.createObjectStore('ballots', { keyPath: 'slug' }) });
      if (options.factory) (globalThis as { indexedDB: IDBFactory }).indexedDB = saved;
    }
    return db;
  };
  // one flush at a time per page, so a ballot is never sent twice by overlapping flushes (an 'online' event and a click)
  let running: Promise<BallotSendResult | null> = Promise.resolve(null);
  return {
    async put(ballot) {
      await (await open()).put('ballots', ballot);
    },
    async pending(slug) {
      return (await (await open()).get('ballots', slug)) ?? null;
    },
    flush(slug, send) {
      running = running.then(async (): Promise<BallotSendResult | null> => {
        const d = await open();
        const ballot = await d.get('ballots', slug);
        if (!ballot) return null;
        try {
          await send(ballot.projects);
        } catch (error) {
          if (isTransient(error)) return { status: 'waiting' };
          await removeIfSame(d, ballot);
          const e = error as { code?: string; message?: string; details?: unknown };
          return { status: 'refused', code: e.code ?? 'refused', message: e.message ?? String(error), details: e.details };
        }
        await removeIfSame(d, ballot);
        return { status: 'sent' };
      });
      return running;
    },
  };
}

/** a newer ballot put while this one was on its way stays, to be sent next */
async function removeIfSame(db: IDBPDatabase<BallotDb>, sent: PendingBallot): Promise<void> {
  const tx = db.transaction('ballots', 'readwrite');
  const now = await tx.store.get(sent.slug);
  if (now && now.queuedAt === sent.queuedAt) await tx.store.delete(sent.slug);
  await tx.done;
}
