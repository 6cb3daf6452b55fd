// group commit: concurrent writes share one transaction (one fsync), and each is answered only once its batch committed.
import type { Transaction } from 'kysely';
import type { Database, Db } from './db/database.ts';

export interface GroupCommitOptions {
  /** the most writes one transaction takes (default 256); more wait for the next one */
  maxBatch?: number;
  /** told the size of every batch that committed (tests and benchmarks) */
  onBatch?: (size: number) => void;
}

/** a write in a batch; it may run more than once (see runBatch), so it must do nothing outside the transaction */
type Job<T> = (trx: Transaction<Database>) => Promise<T>;

interface Queued<T> {
  job: Job<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommit<T> {
  /** runs `job` in the next batch's transaction; resolves with its value after the commit, rejects alone if it throws */
  submit<R extends T>(job: Job<R>): Promise<R>;
}

/**
 * One batch at a time: while it runs, new writes queue, and the next batch takes them all (no waiting for a timer, so
 * a lone write is as quick as before). A write that throws fails alone: the batch rolls back and runs again without it,
 * since on PostgreSQL an error spoils the rest of the transaction, and savepoints would cost two statements per write
 * even when nothing fails. `committed` gets every write's value in commit order, before any is answered.
 * @example
 * const group = createGroupCommit<number>(db, () => undefined);
 * const [a, b] = await Promise.all([group.submit(insertOne), group.submit(insertOther)]); // one transaction
 */
export function createGroupCommit<T>(db: Db, committed: (values: T[]) => void, options: GroupCommitOptions = {}): GroupCommit<T> {
  const maxBatch = options.maxBatch ?? 256;
  let queue: Queued<T>[] = [];
  let running = false;

  const runBatch = async (batch: Queued<T>[]): Promise<void> => {
    let pending = batch;
    while (pending.length) {
      const values: T[] = [];
      let failed: { entry: Queued<T>; error: unknown } | null = null;
      try {
        await db.transaction().execute(async (trx) => {
          for (const entry of pending) {
            try {
              values.push(await entry.job(trx));
            } catch (error) {
              failed = { entry, error };
              throw error;
            }
          }
        });
      } catch (error) {
        // a write threw: it alone fails, the rest run again in a fresh transaction (nothing of the first is stored)
        const bad = failed as { entry: Queued<T>; error: unknown } | null;
        if (bad) {
          bad.entry.reject(bad.error);
          pending = pending.filter((entry) => entry !== bad.entry);
          continue;
        }
        // BEGIN or COMMIT failed: nothing of the batch is stored, so none of it is acknowledged
        for (const entry of pending) entry.reject(error);
        return;
      }
      options.onBatch?.(pending.length);
      try {
        committed(values);
      } catch (error) {
        // stored is stored: a listener that throws must not turn an acknowledged write into a failure
        console.error('coplan: announcing committed writes failed:', error);
      }
      pending.forEach((entry, i) => entry.resolve(values[i]!));
      return;
    }
  };

  const flush = async (): Promise<void> => {
    const batch = queue.slice(0, maxBatch);
    queue = queue.slice(batch.length);
    try {
      await runBatch(batch);
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    }
    // setImmediate, not at once: the requests that arrived meanwhile (their I/O callbacks) join the next batch first
    if (queue.length) setImmediate(() => void flush());
    else running = false;
  };

  return {
    submit<R extends T>(job: Job<R>): Promise<R> {
      return new Promise<R>((resolve, reject) => {
        queue.push({ job, resolve: resolve as (value: T) => void, reject });
        if (!running) {
          running = true;
          setImmediate(() => void flush());
        }
      });
    },
  };
}
