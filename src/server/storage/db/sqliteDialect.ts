// SQLite (better-sqlite3, WAL): one process writes, so live events are an in-process emitter after each commit.
import fs from 'node:fs';
import path from 'node:path';
import { EventEmitter } from 'node:events';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { SqliteDatabase, SqliteStatement } from 'kysely';
import type { Database as Tables } from './database.ts';
import { migrateDatabase } from './migrate.ts';
import type { EventMessage, StorageDialect } from './storageDialect.ts';

/** how many compiled statements stay cached: the write path needs a handful, one-off texts (bbox, `in` lists) pass through */
const STATEMENT_CACHE_SIZE = 256;

/**
 * The database as Kysely sees it, with compiled statements kept: Kysely prepares every query it runs, and better-sqlite3
 * compiles on every prepare, which was the largest single cost of a pin write (a sixth of its CPU). Safe because Kysely
 * runs a statement to the end before the next (nothing here streams), and SQLite recompiles a kept one after a schema change.
 */
function withStatementCache(database: Database.Database): SqliteDatabase {
  const kept = new Map<string, SqliteStatement>();
  return {
    close: () => database.close(),
    prepare(text) {
      let statement = kept.get(text);
      if (statement) {
        // least recently used goes first: move this one to the end
        kept.delete(text);
      } else {
        statement = database.prepare(text);
        if (kept.size >= STATEMENT_CACHE_SIZE) kept.delete(kept.keys().next().value!);
      }
      kept.set(text, statement);
      return statement;
    },
  };
}

/**
 * Opens (creating if new) and migrates a SQLite file; ':memory:' for tests.
 * @example
 * const dialect = await openSqliteDialect('.data/coplan.sqlite');
 */
export async function openSqliteDialect(file: string, options: { upTo?: string } = {}): Promise<StorageDialect> {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  // WARNING: synchronous=FULL fsyncs every commit so an acknowledged pin survives a power cut, not only a process crash
  database.pragma('synchronous = FULL');
  database.pragma('busy_timeout = 5000');
  // off while migrating: a migration that rebuilds a table must not cascade its DROP (the pragma is ignored inside a transaction)
  database.pragma('foreign_keys = OFF');
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  try {
    await migrateDatabase(db, 'sqlite', options);
    const broken = database.pragma('foreign_key_check') as unknown[];
    if (broken.length) throw new Error(`the database has ${broken.length} rows whose foreign keys point nowhere`);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  database.pragma('foreign_keys = ON');

  const events = new EventEmitter();
  events.setMaxListeners(0);
  return {
    kind: 'sqlite',
    db,
    bool: (value) => Number(value),
    rowLocks: false,
    lockPinsTable: async () => undefined,
    lockSetup: async () => undefined,
    replayOverlap: 0,
    groupCommitMaxBatch: 256,
    indexHints: true,
    publish: async () => undefined,
    // one connection and one writer, so ids are in commit order
    committed(messages) {
      for (const message of messages) events.emit('event', message);
    },
    listen(listener) {
      events.on('event', listener);
      return () => events.off('event', listener);
    },
    async close() {
      events.removeAllListeners();
      await db.destroy();
    },
  };
}

export type { EventMessage };
