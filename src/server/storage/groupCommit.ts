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

/**
 * Writes of one kind that can run as one statement (many pins in one INSERT): `runAll` gets the inputs of writes of
 * `kind` that come one after another in a batch and gives one value per input, in order. Like a job, it may run again.
 */
export interface Combinable<I, T> {
  kind: string;
  input: I;
  runAll: (trx: Transaction<Database>, inputs: I[]) => Promise<T[]>;
}

interface Queued<T> {
  job: Job<T> | null;
  combinable: Combinable<unknown, T> | null;
  /** set when a combined run failed: it then runs on its own, to find which write was bad */
  alone: boolean;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommit<T> {
  /** runs `job` in the next batch's transaction; resolves with its value after the commit, rejects alone if it throws */
  submit<R extends T>(job: Job<R>): Promise<R>;
  /** the same for a write that may share one statement with its neighbours of the same kind */
  submitCombinable<I, R extends T>(write: Combinable<I, R>): Promise<R>;
}

/** the entries from `start` that run as one: a run of combinable writes of one kind, or a single write */
function runFrom<T>(pending: readonly Queued<T>[], start: number): Queued<T>[] {
  const first = pending[start]!;
  if (!first.combinable || first.alone) return [first];
  let end = start + 1;
  while (end < pending.length && !pending[end]!.alone && pending[end]!.combinable?.kind === first.combinable.kind) end++;
  return pending.slice(start, end);
}

/**
 * One batch at a time: while it runs, new writes queue, and the next batch takes them all (no waiting for a timer, so
 * a lone write is as quick as before). A write that throws fails alone: the batch rolls back and runs again without it,
 * since on PostgreSQL an error spoils the rest of the transaction, and savepoints would cost two statements per write
 * even when nothing fails (a combined run that throws runs again one by one, to find the bad write). `committed` gets
 * every write's value in commit order, before any is answered.
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
      let failed: Queued<T>[] | null = null;
      try {
        await db.transaction().execute(async (trx) => {
          for (let i = 0; i < pending.length;) {
            const run = runFrom(pending, i);
            try {
              if (run[0]!.job) values.push(await run[0]!.job(trx));
              else {
                const all = await run[0]!.combinable!.runAll(trx, run.map((entry) => entry.combinable!.input));
                if (all.length !== run.length) throw new Error(`${run[0]!.combinable!.kind}: ${all.length} values for ${run.length} writes`);
                values.push(...all);
              }
            } catch (error) {
              failed = run;
              throw error;
            }
            i += run.length;
          }
        });
      } catch (error) {
        const bad = failed as Queued<T>[] | null;
        if (bad && bad.length > 1) {
          // a combined run threw: run it again write by write, so only the bad one fails
          for (const entry of bad) entry.alone = true;
          continue;
        }
        if (bad) {
          // a write threw: it alone fails, the rest run again in a fresh transaction (nothing of the first is stored)
          bad[0]!.reject(error);
          pending = pending.filter((entry) => entry !== bad[0]);
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

  const enqueue = <R extends T>(job: Job<R> | null, combinable: Combinable<unknown, R> | null): Promise<R> =>
    new Promise<R>((resolve, reject) => {
      queue.push({ job, combinable, alone: false, resolve: resolve as (value: T) => void, reject });
      if (!running) {
        running = true;
        setImmediate(() => void flush());
      }
    });

  return {
    submit: (job) => enqueue(job, null),
    submitCombinable: <I, R extends T>(write: Combinable<I, R>) => enqueue<R>(null, write as unknown as Combinable<unknown, R>),
  };
}
