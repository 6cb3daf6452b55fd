// SQLite adapter (better-sqlite3, WAL): the default, zero-service storage for one server process.
import fs from 'node:fs';
import path from 'node:path';
import { EventEmitter } from 'node:events';
import Database from 'better-sqlite3';
import type { AreaCollection, Theme } from '../../core/types.ts';
import { AUDIT_COLUMNS, applyChanges, PIN_COLUMNS, pinToValues, rowToPin } from './pinRows.ts';
import type { PinRow } from './pinRows.ts';
import { EVENT_LOG_DEFAULTS, EVENTS_TABLE_SQLITE, eventPinId, PRUNE_EVENTS_SQL, REPLAY_EVENTS_SQL, replayedEvents, throttled } from './eventLog.ts';
import type { EventLogOptions, ReplayRow } from './eventLog.ts';
import { SCHEMA_STATEMENTS, scopedKey } from './sqlSchema.ts';
import type { AuditEntry, PinFilter, SeedData, ServerPin, Storage, StorageEvent } from './storage.ts';

export interface SqliteOptions {
  /** database file; ':memory:' for tests */
  file: string;
  /** called once, when the database is new */
  seed?: () => SeedData | Promise<SeedData>;
  eventLog?: EventLogOptions;
}

interface AuditRow { id: number; at: string; actor: string; action: AuditEntry['action']; pin_id: string | null; reason: string | null }

const toAudit = (r: AuditRow): AuditEntry => ({ id: r.id, at: r.at, actor: r.actor, action: r.action, pinId: r.pin_id, reason: r.reason });

/**
 * Opens (creating and seeding if new) a SQLite database.
 * @example
 * const storage = await openSqliteStorage({ file: '.data/coplan.sqlite', seed: loadSeed });
 */
export async function openSqliteStorage(options: SqliteOptions): Promise<Storage> {
  if (options.file !== ':memory:') fs.mkdirSync(path.dirname(options.file), { recursive: true });
  const db = new Database(options.file);
  db.pragma('journal_mode = WAL');
  // WARNING: synchronous=FULL fsyncs every commit so an acknowledged pin survives a power cut, not only a process crash
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  for (const sql of SCHEMA_STATEMENTS) db.exec(sql.replace('BOOLEAN NOT NULL DEFAULT FALSE', 'INTEGER NOT NULL DEFAULT 0'));
  db.exec(`CREATE TABLE IF NOT EXISTS audit (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL,
    action TEXT NOT NULL, pin_id TEXT, reason TEXT)`);
  db.exec(EVENTS_TABLE_SQLITE);

  const events = new EventEmitter();
  events.setMaxListeners(0);
  const log = { ...EVENT_LOG_DEFAULTS, clock: Date.now, ...options.eventLog };
  const insertEvent = db.prepare('INSERT INTO events (at, type, pin_id, payload) VALUES (?, ?, ?, ?)');
  const pruneEvents = db.prepare(PRUNE_EVENTS_SQL);
  const prune = throttled(log.pruneEveryMs, log.clock, () => pruneEvents.run(log.clock() - log.maxAgeMs, log.keep));
  /**
   * Runs a change in one transaction with its events (`record` logs one), then announces them once committed.
   * better-sqlite3 is synchronous and one process writes, so ids are in commit order.
   */
  const write = <T>(change: (record: (event: StorageEvent) => void) => T): T => {
    const logged: { event: StorageEvent; id: number }[] = [];
    const result = db.transaction(() =>
      change((event) => {
        const info = insertEvent.run(log.clock(), event.type, eventPinId(event), JSON.stringify(event));
        logged.push({ event, id: Number(info.lastInsertRowid) });
      }),
    )();
    for (const { event, id } of logged) events.emit('event', event, id);
    if (logged.length) prune();
    return result;
  };

  const placeholders = PIN_COLUMNS.split(',').map(() => '?').join(', ');
  const insertPin = db.prepare(`INSERT INTO pins (${PIN_COLUMNS}, idem_key, idem_fingerprint) VALUES (${placeholders}, ?, ?) ON CONFLICT (idem_key) DO NOTHING`);
  const selectPin = db.prepare<[string], PinRow>(`SELECT ${PIN_COLUMNS} FROM pins WHERE id = ?`);
  const selectByKey = db.prepare<[string], PinRow & { idem_fingerprint: string | null }>(`SELECT ${PIN_COLUMNS}, idem_fingerprint FROM pins WHERE idem_key = ?`);
  const getCatalog = db.prepare<[string], { body: string }>('SELECT body FROM catalog WHERE name = ?');
  const putCatalog = db.prepare('INSERT INTO catalog (name, body, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at');
  const insertAudit = db.prepare('INSERT INTO audit (at, actor, action, pin_id, reason) VALUES (?, ?, ?, ?, ?)');
  const lngExtent = db.prepare<[], { lo: number | null; hi: number | null }>('SELECT (SELECT min(lng) FROM pins) AS lo, (SELECT max(lng) FROM pins) AS hi');
  /**
   * WARNING: without statistics (nothing runs ANALYZE) SQLite takes pins_lng_lat for every bbox. Over 100k pins that is
   * ~10x faster for a street-level view but 3-5x slower than one scan for a view over most of the town (a row lookup per
   * pin), so a bbox wider than a third of the pins' east-west extent opts out of the index (`+lng`). Two index lookups.
   */
  const coversMostPins = ([minLng, , maxLng]: readonly [number, number, number, number]) => {
    const { lo, hi } = lngExtent.get()!;
    return lo === null || hi === null || maxLng - minLng > (hi - lo) / 3;
  };
  const sqlValues = (pin: ServerPin) => pinToValues(pin).map((v) => (typeof v === 'boolean' ? Number(v) : v));

  if (!getCatalog.get('areas') && options.seed) {
    const seed = await options.seed();
    db.transaction(() => {
      const now = new Date().toISOString();
      putCatalog.run('areas', JSON.stringify(seed.areas), now);
      putCatalog.run('themes', JSON.stringify(seed.themes), now);
      for (const pin of seed.pins) insertPin.run(...sqlValues(pin), null, null);
    })();
  }
  const readCatalog = <T>(name: string, empty: T): T => {
    const row = getCatalog.get(name);
    return row ? (JSON.parse(row.body) as T) : empty;
  };

  const storage: Storage = {
    kind: 'sqlite',
    async getAreas() {
      return readCatalog<AreaCollection>('areas', { type: 'FeatureCollection', features: [] });
    },
    async getThemes() {
      return readCatalog<Theme[]>('themes', []);
    },
    async replaceAreas(areas, locate, actor) {
      return write((record) => {
        const rows = db.prepare<[], { id: string; lng: number; lat: number }>('SELECT id, lng, lat FROM pins').all();
        const assigned = rows.map((r) => ({ id: r.id, area: locate([r.lng, r.lat]) }));
        const outside = assigned.filter((a) => a.area === null);
        if (outside.length) return { ok: false as const, code: 'pins-outside-areas' as const, count: outside.length, sample: outside.slice(0, 20).map((a) => a.id) };
        const setArea = db.prepare('UPDATE pins SET area = ? WHERE id = ?');
        for (const a of assigned) setArea.run(a.area, a.id);
        const now = new Date().toISOString();
        putCatalog.run('areas', JSON.stringify(areas), now);
        insertAudit.run(now, actor, 'replace-areas', null, null);
        record({ type: 'areas-replaced' });
        return { ok: true as const, reassigned: assigned.length };
      });
    },
    async replaceThemes(themes, actor) {
      return write((record) => {
        const ids = new Set(themes.map((t) => t.id));
        const used = db.prepare<[], { theme: string; id: string }>('SELECT theme, id FROM pins').all().filter((r) => !ids.has(r.theme));
        if (used.length) return { ok: false as const, code: 'themes-in-use' as const, count: used.length, sample: used.slice(0, 20).map((r) => r.id) };
        const now = new Date().toISOString();
        putCatalog.run('themes', JSON.stringify(themes), now);
        insertAudit.run(now, actor, 'replace-themes', null, null);
        record({ type: 'themes-replaced' });
        return { ok: true as const, reassigned: 0 };
      });
    },
    async listPins(filter: PinFilter = {}) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (!filter.includeHidden) where.push('hidden = 0');
      if (filter.kind) { where.push('kind = ?'); params.push(filter.kind); }
      if (filter.theme) { where.push('theme = ?'); params.push(filter.theme); }
      if (filter.area) { where.push('area = ?'); params.push(filter.area); }
      if (filter.author) { where.push('author = ?'); params.push(filter.author); }
      if (filter.since) { where.push('updated_at > ?'); params.push(filter.since); }
      if (filter.bbox) {
        const lng = coversMostPins(filter.bbox) ? '+lng' : 'lng';
        where.push(`${lng} >= ? AND lat >= ? AND ${lng} <= ? AND lat <= ?`);
        params.push(...filter.bbox);
      }
      let sql = `SELECT ${PIN_COLUMNS} FROM pins ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY created_at, id`;
      if (filter.limit !== undefined) { sql += ' LIMIT ?'; params.push(filter.limit); }
      return db.prepare<unknown[], PinRow>(sql).all(...params).map(rowToPin);
    },
    async countPins() {
      return db.prepare<[], { n: number }>('SELECT count(*) AS n FROM pins').get()!.n;
    },
    async getPin(id) {
      const row = selectPin.get(id);
      return row ? rowToPin(row) : null;
    },
    async createPin(pin, idempotency) {
      const key = idempotency ? scopedKey(pin.properties.author, idempotency.key) : null;
      // better-sqlite3 is synchronous, so insert-or-find is atomic within this process; the unique index guards the rest
      const created = write((record) => {
        if (insertPin.run(...sqlValues(pin), key, idempotency?.fingerprint ?? null).changes !== 1) return null;
        const stored = rowToPin(selectPin.get(pin.id)!);
        record({ type: 'pin-created', pin: stored });
        return stored;
      });
      if (created) return { status: 'created', pin: created };
      const existing = selectByKey.get(key!)!;
      const status = existing.idem_fingerprint === idempotency!.fingerprint ? 'replayed' : 'key-reused';
      return { status, pin: rowToPin(existing) };
    },
    async updatePin(id, changes, updatedAt) {
      return write((record) => {
        const row = selectPin.get(id);
        if (!row) return null;
        const next = applyChanges(rowToPin(row), changes, updatedAt);
        const p = next.properties;
        db.prepare('UPDATE pins SET kind = ?, theme = ?, title = ?, note = ?, sentiment = ?, area = ?, lng = ?, lat = ?, updated_at = ? WHERE id = ?')
          .run(p.kind, p.theme, p.title, p.note ?? null, p.sentiment ?? null, p.area, next.geometry.coordinates[0], next.geometry.coordinates[1], updatedAt, id);
        if (!p.hidden) record({ type: 'pin-updated', pin: next });
        return next;
      });
    },
    async deletePin(id) {
      return write((record) => {
        const deleted = db.prepare('DELETE FROM pins WHERE id = ?').run(id).changes === 1;
        if (deleted) record({ type: 'pin-deleted', id });
        return deleted;
      });
    },
    async supportPin(id, supporter, at) {
      return write((record) => {
        if (!selectPin.get(id)) return null;
        const added = db.prepare('INSERT INTO supports (pin_id, supporter, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(id, supporter, at).changes === 1;
        if (added) db.prepare('UPDATE pins SET supports = supports + 1, updated_at = ? WHERE id = ?').run(at, id);
        const pin = rowToPin(selectPin.get(id)!);
        if (added && !pin.properties.hidden) record({ type: 'pin-updated', pin });
        return { pin, added };
      });
    },
    async unsupportPin(id, supporter, at) {
      return write((record) => {
        if (!selectPin.get(id)) return null;
        const removed = db.prepare('DELETE FROM supports WHERE pin_id = ? AND supporter = ?').run(id, supporter).changes === 1;
        if (removed) db.prepare('UPDATE pins SET supports = MAX(supports - 1, 0), updated_at = ? WHERE id = ?').run(at, id);
        const pin = rowToPin(selectPin.get(id)!);
        if (removed && !pin.properties.hidden) record({ type: 'pin-updated', pin });
        return { pin, removed };
      });
    },
    async moderatePin(id, m) {
      return write((record) => {
        const changed = db.prepare('UPDATE pins SET hidden = ?, hidden_reason = ?, updated_at = ? WHERE id = ?').run(Number(m.hidden), m.hidden ? m.reason : null, m.at, id).changes;
        if (!changed) return null;
        insertAudit.run(m.at, m.actor, m.hidden ? 'hide' : 'restore', id, m.reason);
        const pin = rowToPin(selectPin.get(id)!);
        record(m.hidden ? { type: 'pin-hidden', id } : { type: 'pin-restored', pin });
        return pin;
      });
    },
    async listAudit(limit = 500) {
      return db.prepare<[number], AuditRow>(`SELECT ${AUDIT_COLUMNS} FROM audit ORDER BY id DESC LIMIT ?`).all(limit).map(toAudit);
    },
    subscribe(listener) {
      events.on('event', listener);
      return () => events.off('event', listener);
    },
    async latestEventId() {
      return db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM events').get()!.id;
    },
    async eventsAfter(afterId, limit) {
      // 0 is "from the start of the log", good while nothing has been pruned from it (ids start at 1)
      const kept = afterId === 0 ? [null, 1].includes(db.prepare<[], { id: number | null }>('SELECT min(id) AS id FROM events').get()!.id) : db.prepare('SELECT 1 FROM events WHERE id = ?').get(afterId) !== undefined;
      if (!kept) return null;
      return replayedEvents(db.prepare<[number, number], ReplayRow>(REPLAY_EVENTS_SQL).all(afterId, limit + 1), afterId, limit);
    },
    async close() {
      events.removeAllListeners();
      db.close();
    },
  };
  return storage;
}
