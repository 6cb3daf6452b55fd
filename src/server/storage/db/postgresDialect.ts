// PostgreSQL (pg Pool): several processes share one database; events go out by NOTIFY inside the writing transaction
// and come in on one LISTEN connection per process; rate limits are counted in the database.
import { EventEmitter } from 'node:events';
import { Kysely, sql } from 'kysely';
import pg from 'pg';
import { createPostgresRateCounter } from '../postgresRateCounter.ts';
import type { Database as Tables } from './database.ts';
import { migrateDatabase } from './migrate.ts';
import { SchemaPostgresDialect } from './schemaIntrospector.ts';
import type { EventMessage, StorageDialect } from './storageDialect.ts';

export interface PostgresConnection {
  connectionString: string;
  /** schema to keep the tables in (created if missing); tests use one per run */
  schema?: string;
  poolSize?: number;
  /** for upgrade tests: migrate only this far */
  upTo?: string;
}

/**
 * How many ids before a client's last one a replay also sends again. An id is taken when a transaction writes its event,
 * before it commits, so transactions running at that moment can commit a smaller id after the client saw a larger one:
 * per process at most one group commit (GROUP_COMMIT_MAX_BATCH events) and one per other pooled connection. 1000
 * covers seven processes.
 */
export const REPLAY_OVERLAP = 1000;

/** the most writes one PostgreSQL transaction takes in a group commit (see REPLAY_OVERLAP) */
export const GROUP_COMMIT_MAX_BATCH = 128;

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,40}$/;

/** creates the schema; concurrent `CREATE SCHEMA IF NOT EXISTS` can fail on PostgreSQL, so under an advisory lock */
async function ensureSchema(pool: pg.Pool, schema: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`coplan-schema-${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Connects, migrates (once, even when several processes start together) and starts listening for events.
 * @example
 * const dialect = await openPostgresDialect({ connectionString: process.env.DATABASE_URL!, schema: 'public' });
 */
export async function openPostgresDialect(options: PostgresConnection): Promise<StorageDialect> {
  const schema = options.schema ?? 'public';
  if (!SCHEMA_NAME.test(schema)) throw new Error(`schema "${schema}" must be lower-case letters, digits and _`);
  const connection = { connectionString: options.connectionString, options: `-c search_path=${schema}` };
  const pool = new pg.Pool({ ...connection, max: options.poolSize ?? 10 });
  pool.on('error', (err) => console.error('postgres pool error:', err.message));
  const db = new Kysely<Tables>({ dialect: new SchemaPostgresDialect({ pool }, schema) });
  const channel = `coplan_events_${schema}`;
  try {
    await ensureSchema(pool, schema);
    await migrateDatabase(db, 'postgres', { schema, ...(options.upTo ? { upTo: options.upTo } : {}) });
  } catch (error) {
    await db.destroy();
    throw error;
  }

  const events = new EventEmitter();
  events.setMaxListeners(0);
  let listener: pg.Client | null = null;
  let closing = false;
  const listen = async (): Promise<void> => {
    const client = new pg.Client(connection);
    client.on('notification', (msg) => {
      if (msg.channel !== channel || !msg.payload) return;
      events.emit('event', JSON.parse(msg.payload) as EventMessage);
    });
    client.on('error', (err) => {
      if (closing) return;
      console.error(`postgres LISTEN connection lost (${err.message}); reconnecting`);
      listener = null;
      setTimeout(() => void listen().catch((e: unknown) => console.error('LISTEN reconnect failed:', e)), 1000);
    });
    await client.connect();
    await client.query(`LISTEN "${channel}"`);
    listener = client;
  };
  try {
    await listen();
  } catch (error) {
    await db.destroy();
    throw error;
  }

  return {
    kind: 'postgres',
    db,
    rateCounter: createPostgresRateCounter(pool),
    bool: (value) => value,
    rowLocks: true,
    async lockPinsTable(trx) {
      await sql`LOCK TABLE pins IN SHARE ROW EXCLUSIVE MODE`.execute(trx);
    },
    async lockSetup(trx, name) {
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`coplan-${name}-${schema}`}))`.execute(trx);
    },
    replayOverlap: REPLAY_OVERLAP,
    groupCommitMaxBatch: GROUP_COMMIT_MAX_BATCH,
    indexHints: false,
    // sent exactly when, and only if, the change commits; every process (this one too) hears it through LISTEN
    async publish(trx, messages) {
      if (messages.length === 1) await sql`SELECT pg_notify(${channel}, ${JSON.stringify(messages[0])})`.execute(trx);
      // many in one statement (a group commit's new pins), in the array's order
      else if (messages.length) await sql`SELECT pg_notify(${channel}, m) FROM unnest(${messages.map((m) => JSON.stringify(m))}::text[]) AS m`.execute(trx);
    },
    committed: () => undefined,
    listen(fn) {
      events.on('event', fn);
      return () => events.off('event', fn);
    },
    async close() {
      closing = true;
      events.removeAllListeners();
      await listener?.end().catch(() => undefined);
      await db.destroy();
    },
  };
}
