// the event log's queries: a change and its events in one transaction, the replay read, and pruning.
import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import { EVENT_LOG_DEFAULTS, eventCommentId, eventPinId, replayedEvents, throttled } from '../eventLog.ts';
import type { EventLogOptions } from '../eventLog.ts';
import type { LoggedEvent, StorageEvent } from '../storage.ts';
import type { Database } from '../db/database.ts';
import type { EventMessage, StorageDialect } from '../db/storageDialect.ts';
import { createGroupCommit } from '../groupCommit.ts';
import type { GroupCommitOptions } from '../groupCommit.ts';

/** logs an event in the open transaction; call it last, after the pin's row lock is taken, so one pin's events are in id order */
export type RecordEvent = (event: StorageEvent) => Promise<void>;

/** logs many events (of any consultations) in one statement, in order */
export type RecordEvents = (events: readonly { consultationId: string; event: StorageEvent }[]) => Promise<void>;

/** writes of one kind that run as one statement per batch (see Combinable); `runAll` gives one value per input, in order */
export type CombinedChange<I, T> = (trx: Transaction<Database>, inputs: I[], recordAll: RecordEvents) => Promise<T[]>;

export interface EventLog {
  /** runs `change` in one transaction with the events it records, and announces them once (and only if) it commits */
  write<T>(consultationId: string, change: (trx: Transaction<Database>, record: RecordEvent) => Promise<T>): Promise<T>;
  /**
   * the same, but sharing a transaction (and its fsync) with the writes that come at the same time (group commit);
   * answered after the commit. `change` may run twice (when another write of its batch fails), so it must do nothing
   * outside the transaction. With group commit off, the same as `write`.
   */
  batch<T>(consultationId: string, change: (trx: Transaction<Database>, record: RecordEvent) => Promise<T>): Promise<T>;
  /**
   * a batched write that shares its statements with its neighbours of the same `kind` in the batch: `runAll` gets all
   * their inputs at once (many pins in one INSERT). With group commit off, `runAll` gets this input alone.
   */
  batchCombined<I, T>(kind: string, input: I, runAll: CombinedChange<I, T>): Promise<T>;
  latestId(): Promise<number | null>;
  after(consultationId: string, afterId: number, limit: number): Promise<LoggedEvent[] | null>;
  /** waits for a clean-up under way, so closing never cuts one off */
  settle(): Promise<void>;
}

/**
 * The event log over one database.
 * @example
 * const log = createEventLog(dialect);
 * await log.write(consultationId, async (trx, record) => { ...; await record({ type: 'themes-replaced' }); });
 */
export function createEventLog(
  dialect: StorageDialect,
  options: EventLogOptions = {},
  groupCommit: GroupCommitOptions | false = {},
  /** told every committed write's events, in this process, before its caller hears back */
  onCommitted: (messages: readonly EventMessage[]) => void = () => undefined,
): EventLog {
  const { db } = dialect;
  const log = { ...EVENT_LOG_DEFAULTS, clock: Date.now, ...options };
  let pruning: Promise<unknown> = Promise.resolve();
  // not awaited: a write need not wait for the clean-up, and a failed one is retried next time. Old events go as a
  // prefix by id (never the newest), so "event N is still kept" means "nothing after N was deleted".
  const prune = throttled(log.pruneEveryMs, log.clock, () => {
    pruning = sql`DELETE FROM events WHERE id < (SELECT max(id) FROM events)
      AND id <= (SELECT max(id) FROM events WHERE at < ${log.clock() - log.maxAgeMs} OR id <= (SELECT max(id) FROM events) - ${log.keep})`
      .execute(db)
      .catch((err: unknown) => console.warn(`coplan: deleting old events failed: ${err instanceof Error ? err.message : String(err)}`));
  });

  /** writes events in the change's transaction (one statement however many) and keeps their messages for after the commit */
  const recorderAll = (trx: Transaction<Database>, logged: EventMessage[]): RecordEvents => async (events) => {
    if (!events.length) return;
    const rows = await trx.insertInto('events')
      .values(events.map(({ consultationId, event }) => {
        const commentId = eventCommentId(event);
        // comment_id only when there is one, so the row fits a schema from before it
        return { consultation_id: consultationId, at: log.clock(), type: event.type, pin_id: eventPinId(event), payload: JSON.stringify(event), ...(commentId === null ? {} : { comment_id: commentId }) };
      }))
      .returning('id')
      .execute();
    // WARNING: both databases return a multi-row INSERT's rows in the order of its values (neither promises it): the
    // ids are sorted so they go to the events in that order whatever comes back
    const ids = rows.map((r) => Number(r.id)).sort((a, b) => a - b);
    const messages = events.map(({ consultationId, event }, i) => ({ id: ids[i]!, consultationId, event }));
    await dialect.publish(trx, messages);
    logged.push(...messages);
  };
  const recorder = (trx: Transaction<Database>, consultationId: string, logged: EventMessage[]): RecordEvent => {
    const recordAll = recorderAll(trx, logged);
    return (event) => recordAll([{ consultationId, event }]);
  };
  const announce = (logged: readonly EventMessage[]) => {
    onCommitted(logged);
    dialect.committed(logged);
    // after the commit, so the new event counts as the newest (which pruning always keeps)
    if (logged.length) prune();
  };
  const group = groupCommit === false ? null
    : createGroupCommit<{ value: unknown; logged: EventMessage[] }>(db, (batch) => announce(batch.flatMap((b) => b.logged)), groupCommit);

  const write: EventLog['write'] = async (consultationId, change) => {
    const logged: EventMessage[] = [];
    const result = await db.transaction().execute((trx) => change(trx, recorder(trx, consultationId, logged)));
    announce(logged);
    return result;
  };

  return {
    write,
    batch(consultationId, change) {
      if (!group) return write(consultationId, change);
      return group.submit(async (trx) => {
        // made afresh on every run, so a batch that runs again does not announce its events twice
        const logged: EventMessage[] = [];
        const value = await change(trx, recorder(trx, consultationId, logged));
        return { value, logged };
      }).then(({ value }) => value as never);
    },
    batchCombined<I, T>(kind: string, input: I, runAll: CombinedChange<I, T>): Promise<T> {
      if (!group) {
        return db.transaction().execute(async (trx) => {
          const logged: EventMessage[] = [];
          const [value] = await runAll(trx, [input], recorderAll(trx, logged));
          return { value: value as T, logged };
        }).then(({ value, logged }) => {
          announce(logged);
          return value;
        });
      }
      return group.submitCombinable({
        kind,
        input,
        runAll: async (trx, inputs: I[]) => {
          const logged: EventMessage[] = [];
          const values = await runAll(trx, inputs, recorderAll(trx, logged));
          // the run's events are announced with its first write (in order); the others bring none
          return values.map((value, i) => ({ value, logged: i === 0 ? logged : [] }));
        },
      }).then(({ value }) => value as T);
    },
    async latestId() {
      const row = await db.selectFrom('events').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
      return row?.id === null || row?.id === undefined ? null : Number(row.id);
    },
    async after(consultationId, afterId, limit) {
      const overlap = dialect.replayOverlap;
      const rows = await db.selectFrom('events as e')
        .leftJoin('pins as p', 'p.id', 'e.pin_id')
        // a comment's event is visible while the comment and its pin are (a deleted comment's row is gone)
        // and so is a reply's parent (a hidden comment takes its replies out of view)
        .leftJoin('comments as c', 'c.id', 'e.comment_id')
        .leftJoin('comments as cp', 'cp.id', 'c.parent_id')
        .select(['e.id', 'e.payload', sql<boolean | number | null>`(p.id IS NOT NULL AND NOT p.hidden AND (e.comment_id IS NULL
          OR (c.id IS NOT NULL AND NOT c.hidden AND (c.parent_id IS NULL OR NOT cp.hidden))))`.as('visible')])
        .where('e.consultation_id', '=', consultationId)
        .where('e.id', '>', afterId - overlap)
        .orderBy('e.id')
        .limit(limit + overlap + 1)
        .execute();
      // checked after reading: pruning deletes a prefix, so if event afterId is still kept, nothing after it was deleted.
      // 0 is "from the start of the log", good while nothing has been pruned from it (ids start at 1)
      if (afterId === 0) {
        const first = await db.selectFrom('events').select((eb) => eb.fn.min('id').as('id')).executeTakeFirst();
        if (first?.id !== null && first?.id !== undefined && Number(first.id) !== 1) return null;
      } else if (!(await db.selectFrom('events').select('id').where('id', '=', afterId).executeTakeFirst())) return null;
      return replayedEvents(rows, afterId, limit);
    },
    settle: async () => {
      await pruning;
    },
  };
}
