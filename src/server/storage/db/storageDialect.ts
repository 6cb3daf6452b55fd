// what truly differs between SQLite and PostgreSQL under the one storage implementation: booleans, locks, live fan-out.
import type { RateCounter } from '../../rateLimiter.ts';
import type { StorageEvent } from '../storage.ts';
import type { Db, Executor } from './database.ts';

/** one logged change, as subscribers receive it */
export interface EventMessage {
  id: number;
  consultationId: string;
  event: StorageEvent;
}

export interface StorageDialect {
  readonly kind: 'sqlite' | 'postgres';
  readonly db: Db;
  readonly rateCounter?: RateCounter;
  /** a boolean as the database stores it (SQLite: 0/1) */
  bool(value: boolean): boolean | number;
  /** PostgreSQL: `FOR UPDATE` on rows read before a change; SQLite needs none (one writer at a time) */
  readonly rowLocks: boolean;
  /** blocks other pin writes until the transaction ends (PostgreSQL); SQLite's one writer already does */
  lockPinsTable(trx: Executor): Promise<void>;
  /** serialises first-run work (seeding) between processes starting together (PostgreSQL advisory lock) */
  lockSetup(trx: Executor, name: string): Promise<void>;
  /** how many ids before a client's last one a replay sends again (see REPLAY_OVERLAP) */
  readonly replayOverlap: number;
  /** the most writes one group commit takes (see groupCommit.ts) */
  readonly groupCommitMaxBatch: number;
  /**
   * SQLite only: whether to steer its planner (which has no statistics) off an index with `+column`: a wide bbox off
   * the lng index, a device's own pins off every index but the author's (see listPins)
   */
  readonly indexHints: boolean;
  /** inside the writing transaction, right after the event rows are written (PostgreSQL: NOTIFY, one statement) */
  publish(trx: Executor, messages: readonly EventMessage[]): Promise<void>;
  /** after the transaction committed (SQLite: emits in this process) */
  committed(messages: readonly EventMessage[]): void;
  /** every process's committed changes, as this dialect hears of them */
  listen(listener: (message: EventMessage) => void): () => void;
  close(): Promise<void>;
}
