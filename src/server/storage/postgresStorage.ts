// PostgreSQL adapter (pg Pool): shared storage for several server processes; live events fan out with LISTEN/NOTIFY, rate limits are counted here.
import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { PoolClient } from 'pg';
import type { AreaCollection, Theme } from '../../core/types.ts';
import { AUDIT_COLUMNS, applyChanges, PIN_COLUMNS, pinToValues, rowToPin } from './pinRows.ts';
import type { PinRow } from './pinRows.ts';
import { EVENT_LOG_DEFAULTS, EVENTS_TABLE_POSTGRES, eventPinId, numberedPlaceholders, PRUNE_EVENTS_SQL, REPLAY_EVENTS_SQL, replayedEvents, throttled } from './eventLog.ts';
import type { EventLogOptions, ReplayRow } from './eventLog.ts';
import { createPostgresRateCounter, RATE_LIMIT_SCHEMA } from './postgresRateCounter.ts';
import { SCHEMA_STATEMENTS, scopedKey } from './sqlSchema.ts';
import type { AuditEntry, PinFilter, SeedData, Storage, StorageEvent } from './storage.ts';

export interface PostgresOptions {
  connectionString: string;
  /** schema to keep the tables in (created if missing); tests use one per run */
  schema?: string;
  seed?: () => SeedData | Promise<SeedData>;
  poolSize?: number;
  eventLog?: EventLogOptions;
}

/**
 * How many ids before a client's last one a replay also sends again. An id is taken when a transaction writes its event,
 * just before it commits, so transactions running at that moment (at most one per pooled connection of every process)
 * can commit a smaller id after the client saw a larger one.
 */
export const REPLAY_OVERLAP = 100;

interface AuditRow { id: number; at: string; actor: string; action: AuditEntry['action']; pin_id: string | null; reason: string | null }

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,40}$/;
const INSERT_PIN = `INSERT INTO pins (${PIN_COLUMNS}, idem_key, idem_fingerprint) VALUES (${PIN_COLUMNS.split(',').map((_, i) => `$${i + 1}`).join(', ')}, $17, $18) ON CONFLICT (idem_key) DO NOTHING`;

/**
 * Connects to PostgreSQL, creates the tables if needed and seeds a new database (once, even when several processes start together).
 * @example
 * const storage = await openPostgresStorage({ connectionString: process.env.DATABASE_URL!, seed: loadSeed });
 */
export async function openPostgresStorage(options: PostgresOptions): Promise<Storage> {
  const schema = options.schema ?? 'public';
  if (!SCHEMA_NAME.test(schema)) throw new Error(`schema "${schema}" must be lower-case letters, digits and _`);
  const connection = { connectionString: options.connectionString, options: `-c search_path=${schema}` };
  const pool = new pg.Pool({ ...connection, max: options.poolSize ?? 10 });
  pool.on('error', (err) => console.error('postgres pool error:', err.message));
  const channel = `coplan_events_${schema}`;

  const log = { ...EVENT_LOG_DEFAULTS, clock: Date.now, ...options.eventLog };
  // not awaited, on another connection: a write need not wait for the clean-up, and a failed one is retried next minute
  const prune = throttled(log.pruneEveryMs, log.clock, () => {
    pool.query(numberedPlaceholders(PRUNE_EVENTS_SQL), [log.clock() - log.maxAgeMs, log.keep]).catch((err: unknown) => {
      console.warn(`coplan: deleting old events failed: ${err instanceof Error ? err.message : String(err)}`);
    });
  });
  /** connections whose open transaction logged an event */
  const logging = new WeakSet<PoolClient>();

  const tx = async <T>(fn: (c: PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      // after the commit, so the new event counts as the newest (which pruning always keeps)
      if (logging.has(client)) prune();
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      logging.delete(client);
      client.release();
    }
  };
  /**
   * Logs the event and NOTIFYs it with its id, inside the writing transaction: it goes out exactly when, and only if, the
   * change commits. Call it last in the transaction, after the pin's row lock is taken, so one pin's events are in id order.
   */
  const notify = async (c: PoolClient, event: StorageEvent) => {
    const r = await c.query<{ id: string }>('INSERT INTO events (at, type, pin_id, payload) VALUES ($1, $2, $3, $4) RETURNING id',
      [log.clock(), event.type, eventPinId(event), JSON.stringify(event)]);
    await c.query('SELECT pg_notify($1, $2)', [channel, JSON.stringify({ id: Number(r.rows[0]!.id), event })]);
    logging.add(c);
  };

  await tx(async (c) => {
    // serialise schema creation and seeding between processes starting at the same moment
    await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`coplan-init-${schema}`]);
    await c.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    for (const sql of SCHEMA_STATEMENTS) await c.query(sql);
    await c.query(`CREATE TABLE IF NOT EXISTS audit (id BIGSERIAL PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL,
      action TEXT NOT NULL, pin_id TEXT, reason TEXT)`);
    await c.query(RATE_LIMIT_SCHEMA);
    await c.query(EVENTS_TABLE_POSTGRES);
    const seeded = await c.query(`SELECT 1 FROM catalog WHERE name = 'areas'`);
    if (seeded.rowCount === 0 && options.seed) {
      const seed = await options.seed();
      const now = new Date().toISOString();
      await c.query('INSERT INTO catalog (name, body, updated_at) VALUES ($1, $2, $3), ($4, $5, $3)', ['areas', JSON.stringify(seed.areas), now, 'themes', JSON.stringify(seed.themes)]);
      for (const pin of seed.pins) await c.query(INSERT_PIN, [...pinToValues(pin), null, null]);
    }
  });

  const events = new EventEmitter();
  events.setMaxListeners(0);
  let listener: pg.Client | null = null;
  let closing = false;
  const listen = async (): Promise<void> => {
    const client = new pg.Client(connection);
    client.on('notification', (msg) => {
      if (msg.channel !== channel || !msg.payload) return;
      const { id, event } = JSON.parse(msg.payload) as { id: number; event: StorageEvent };
      events.emit('event', event, id);
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
  await listen();

  const readCatalog = async <T>(name: string, empty: T): Promise<T> => {
    const r = await pool.query<{ body: string }>('SELECT body FROM catalog WHERE name = $1', [name]);
    return r.rows[0] ? (JSON.parse(r.rows[0].body) as T) : empty;
  };
  const putCatalog = (c: PoolClient, name: string, body: unknown, now: string) =>
    c.query('INSERT INTO catalog (name, body, updated_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at', [name, JSON.stringify(body), now]);
  const audit = (c: PoolClient, at: string, actor: string, action: AuditEntry['action'], pinId: string | null, reason: string | null) =>
    c.query('INSERT INTO audit (at, actor, action, pin_id, reason) VALUES ($1, $2, $3, $4, $5)', [at, actor, action, pinId, reason]);
  const selectPin = async (c: PoolClient | pg.Pool, id: string, lock = false) => {
    const r = await c.query<PinRow>(`SELECT ${PIN_COLUMNS} FROM pins WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return r.rows[0] ? rowToPin(r.rows[0]) : null;
  };

  const storage: Storage = {
    kind: 'postgres',
    rateCounter: createPostgresRateCounter(pool),
    getAreas: () => readCatalog<AreaCollection>('areas', { type: 'FeatureCollection', features: [] }),
    getThemes: () => readCatalog<Theme[]>('themes', []),
    replaceAreas: (areas, locate, actor) =>
      tx(async (c) => {
        // blocks pin writes until the new areas are in, so no pin is assigned against the old ones meanwhile
        await c.query('LOCK TABLE pins IN SHARE ROW EXCLUSIVE MODE');
        const rows = (await c.query<{ id: string; lng: number; lat: number }>('SELECT id, lng, lat FROM pins')).rows;
        const assigned = rows.map((r) => ({ id: r.id, area: locate([r.lng, r.lat]) }));
        const outside = assigned.filter((a) => a.area === null);
        if (outside.length) return { ok: false as const, code: 'pins-outside-areas' as const, count: outside.length, sample: outside.slice(0, 20).map((a) => a.id) };
        await c.query('UPDATE pins SET area = u.area FROM unnest($1::text[], $2::text[]) AS u(id, area) WHERE pins.id = u.id',
          [assigned.map((a) => a.id), assigned.map((a) => a.area)]);
        const now = new Date().toISOString();
        await putCatalog(c, 'areas', areas, now);
        await audit(c, now, actor, 'replace-areas', null, null);
        await notify(c, { type: 'areas-replaced' });
        return { ok: true as const, reassigned: assigned.length };
      }),
    replaceThemes: (themes, actor) =>
      tx(async (c) => {
        await c.query('LOCK TABLE pins IN SHARE ROW EXCLUSIVE MODE');
        const used = (await c.query<{ id: string }>('SELECT id FROM pins WHERE NOT (theme = ANY($1::text[])) ORDER BY id', [themes.map((t) => t.id)])).rows;
        if (used.length) return { ok: false as const, code: 'themes-in-use' as const, count: used.length, sample: used.slice(0, 20).map((r) => r.id) };
        const now = new Date().toISOString();
        await putCatalog(c, 'themes', themes, now);
        await audit(c, now, actor, 'replace-themes', null, null);
        await notify(c, { type: 'themes-replaced' });
        return { ok: true as const, reassigned: 0 };
      }),
    async listPins(filter: PinFilter = {}) {
      const where: string[] = [];
      const params: unknown[] = [];
      const add = (sql: string, ...values: unknown[]) => {
        where.push(sql.replace(/\?/g, () => `$${params.push(values.shift()!)}`));
      };
      if (!filter.includeHidden) where.push('NOT hidden');
      if (filter.kind) add('kind = ?', filter.kind);
      if (filter.theme) add('theme = ?', filter.theme);
      if (filter.area) add('area = ?', filter.area);
      if (filter.author) add('author = ?', filter.author);
      if (filter.since) add('updated_at > ?', filter.since);
      if (filter.bbox) add('lng >= ? AND lat >= ? AND lng <= ? AND lat <= ?', ...filter.bbox);
      let sql = `SELECT ${PIN_COLUMNS} FROM pins ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY created_at, id`;
      if (filter.limit !== undefined) sql += ` LIMIT $${params.push(filter.limit)}`;
      return (await pool.query<PinRow>(sql, params)).rows.map(rowToPin);
    },
    async countPins() {
      return Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM pins')).rows[0]!.n);
    },
    getPin: (id) => selectPin(pool, id),
    async createPin(pin, idempotency) {
      const key = idempotency ? scopedKey(pin.properties.author, idempotency.key) : null;
      const created = await tx(async (c) => {
        // a concurrent insert with the same key waits here for the first to commit, then does nothing
        const r = await c.query(INSERT_PIN, [...pinToValues(pin), key, idempotency?.fingerprint ?? null]);
        if (r.rowCount !== 1) return null;
        const stored = (await selectPin(c, pin.id))!;
        await notify(c, { type: 'pin-created', pin: stored });
        return stored;
      });
      if (created) return { status: 'created', pin: created };
      const r = await pool.query<PinRow & { idem_fingerprint: string | null }>(`SELECT ${PIN_COLUMNS}, idem_fingerprint FROM pins WHERE idem_key = $1`, [key]);
      const existing = r.rows[0]!;
      return { status: existing.idem_fingerprint === idempotency!.fingerprint ? 'replayed' : 'key-reused', pin: rowToPin(existing) };
    },
    updatePin: (id, changes, updatedAt) =>
      tx(async (c) => {
        const current = await selectPin(c, id, true);
        if (!current) return null;
        const next = applyChanges(current, changes, updatedAt);
        const p = next.properties;
        await c.query('UPDATE pins SET kind = $1, theme = $2, title = $3, note = $4, sentiment = $5, area = $6, lng = $7, lat = $8, updated_at = $9 WHERE id = $10',
          [p.kind, p.theme, p.title, p.note ?? null, p.sentiment ?? null, p.area, next.geometry.coordinates[0], next.geometry.coordinates[1], updatedAt, id]);
        if (!p.hidden) await notify(c, { type: 'pin-updated', pin: next });
        return next;
      }),
    deletePin: (id) =>
      tx(async (c) => {
        const deleted = (await c.query('DELETE FROM pins WHERE id = $1', [id])).rowCount === 1;
        if (deleted) await notify(c, { type: 'pin-deleted', id });
        return deleted;
      }),
    supportPin: (id, supporter, at) =>
      tx(async (c) => {
        if (!(await selectPin(c, id, true))) return null;
        const added = (await c.query('INSERT INTO supports (pin_id, supporter, at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [id, supporter, at])).rowCount === 1;
        if (added) await c.query('UPDATE pins SET supports = supports + 1, updated_at = $1 WHERE id = $2', [at, id]);
        const pin = (await selectPin(c, id))!;
        if (added && !pin.properties.hidden) await notify(c, { type: 'pin-updated', pin });
        return { pin, added };
      }),
    unsupportPin: (id, supporter, at) =>
      tx(async (c) => {
        // the pin's row lock orders this against a concurrent support by the same device
        if (!(await selectPin(c, id, true))) return null;
        const removed = (await c.query('DELETE FROM supports WHERE pin_id = $1 AND supporter = $2', [id, supporter])).rowCount === 1;
        if (removed) await c.query('UPDATE pins SET supports = GREATEST(supports - 1, 0), updated_at = $1 WHERE id = $2', [at, id]);
        const pin = (await selectPin(c, id))!;
        if (removed && !pin.properties.hidden) await notify(c, { type: 'pin-updated', pin });
        return { pin, removed };
      }),
    moderatePin: (id, m) =>
      tx(async (c) => {
        const r = await c.query('UPDATE pins SET hidden = $1, hidden_reason = $2, updated_at = $3 WHERE id = $4', [m.hidden, m.hidden ? m.reason : null, m.at, id]);
        if (r.rowCount !== 1) return null;
        await audit(c, m.at, m.actor, m.hidden ? 'hide' : 'restore', id, m.reason);
        const pin = (await selectPin(c, id))!;
        await notify(c, m.hidden ? { type: 'pin-hidden', id } : { type: 'pin-restored', pin });
        return pin;
      }),
    async listAudit(limit = 500) {
      const r = await pool.query<AuditRow>(`SELECT ${AUDIT_COLUMNS} FROM audit ORDER BY id DESC LIMIT $1`, [limit]);
      return r.rows.map((row) => ({ id: Number(row.id), at: row.at, actor: row.actor, action: row.action, pinId: row.pin_id, reason: row.reason }));
    },
    subscribe(fn) {
      events.on('event', fn);
      return () => events.off('event', fn);
    },
    async latestEventId() {
      const id = (await pool.query<{ id: string | null }>('SELECT max(id) AS id FROM events')).rows[0]!.id;
      return id === null ? null : Number(id);
    },
    async eventsAfter(afterId, limit) {
      const rows = (await pool.query<ReplayRow>(numberedPlaceholders(REPLAY_EVENTS_SQL), [afterId - REPLAY_OVERLAP, limit + REPLAY_OVERLAP + 1])).rows;
      // checked after reading: pruning deletes a prefix, so if event afterId is still kept, nothing after it was deleted
      // 0 is "from the start of the log", good while nothing has been pruned from it (ids start at 1)
      if (afterId === 0) {
        const min = (await pool.query<{ id: string | null }>('SELECT min(id) AS id FROM events')).rows[0]!.id;
        if (min !== null && Number(min) !== 1) return null;
      } else if ((await pool.query('SELECT 1 FROM events WHERE id = $1', [afterId])).rowCount === 0) return null;
      return replayedEvents(rows, afterId, limit);
    },
    async close() {
      closing = true;
      events.removeAllListeners();
      await listener?.end().catch(() => undefined);
      await pool.end();
    },
  };
  return storage;
}
