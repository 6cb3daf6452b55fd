// writes a database exactly as the server made it before consultations and versioned migrations (the SQL of
// src/server/storage/sqlSchema.ts, sqliteStorage.ts and postgresStorage.ts at that time), with data in every table,
// so upgrade tests can open it with today's storage and check that nothing was lost.
import Database from 'better-sqlite3';
import pg from 'pg';
import type { AuditEntry, ServerPin, StorageEvent } from '../../src/server/storage/storage.ts';
import { testAreas, testPin, testThemes } from './serverFixtures.ts';

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS catalog (name TEXT PRIMARY KEY, body TEXT NOT NULL, updated_at TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS pins (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, theme TEXT NOT NULL, title TEXT NOT NULL, note TEXT, sentiment TEXT,
    area TEXT NOT NULL, lng DOUBLE PRECISION NOT NULL, lat DOUBLE PRECISION NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, author TEXT, supports INTEGER NOT NULL DEFAULT 0,
    session_id TEXT, hidden BOOLEAN NOT NULL DEFAULT FALSE, hidden_reason TEXT,
    idem_key TEXT UNIQUE, idem_fingerprint TEXT)`,
  `CREATE INDEX IF NOT EXISTS pins_updated_at ON pins (updated_at)`,
  `CREATE INDEX IF NOT EXISTS pins_area ON pins (area)`,
  `CREATE INDEX IF NOT EXISTS pins_lng_lat ON pins (lng, lat)`,
  `CREATE INDEX IF NOT EXISTS pins_author ON pins (author)`,
  `CREATE TABLE IF NOT EXISTS supports (
    pin_id TEXT NOT NULL REFERENCES pins (id) ON DELETE CASCADE, supporter TEXT NOT NULL, at TEXT NOT NULL,
    PRIMARY KEY (pin_id, supporter))`,
];
const SQLITE_TABLES = [
  `CREATE TABLE IF NOT EXISTS audit (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL,
    action TEXT NOT NULL, pin_id TEXT, reason TEXT)`,
  `CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, type TEXT NOT NULL, pin_id TEXT, payload TEXT NOT NULL)`,
];
const POSTGRES_TABLES = [
  `CREATE TABLE IF NOT EXISTS audit (id BIGSERIAL PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL,
    action TEXT NOT NULL, pin_id TEXT, reason TEXT)`,
  `CREATE UNLOGGED TABLE IF NOT EXISTS rate_limits (
    key TEXT NOT NULL, window_start BIGINT NOT NULL, expires_at BIGINT NOT NULL, count INTEGER NOT NULL,
    PRIMARY KEY (key, window_start))`,
  `CREATE TABLE IF NOT EXISTS events (
    id BIGSERIAL PRIMARY KEY, at BIGINT NOT NULL, type TEXT NOT NULL, pin_id TEXT, payload TEXT NOT NULL)`,
];

/** what the legacy database holds, as today's storage must give it back */
export interface LegacyContent {
  areas: ReturnType<typeof testAreas>;
  themes: ReturnType<typeof testThemes>;
  /** in creation order; supports counted */
  pins: ServerPin[];
  supports: { pinId: string; supporter: string }[];
  /** the idempotency key (unscoped, as the client sent it) and fingerprint the keyed pin was stored with */
  keyed: { pinId: string; author: string; key: string; fingerprint: string };
  /** newest first, as listAudit gives them */
  audit: AuditEntry[];
  /** oldest first */
  events: { id: number; event: StorageEvent }[];
}

/** the content: a plain pin, a pin from a workshop with a note and sentiment and two supports, a keyed pin, a hidden one */
export function legacyContent(): LegacyContent {
  const plain = testPin({ id: 'legacy-plain', title: 'Old bench', createdAt: '2026-03-01T10:00:00.000Z', updatedAt: '2026-03-01T10:00:00.000Z' });
  const supported = testPin({
    id: 'legacy-supported', kind: 'priority', theme: 'safety', title: 'Dark underpass', note: 'No lights after 6', sentiment: 'negative',
    position: [-2.15, 53.45], author: 'author-hash-1', sessionId: 'library-march', supports: 2,
    createdAt: '2026-03-02T10:00:00.000Z', updatedAt: '2026-03-03T09:00:00.000Z',
  });
  const keyed = testPin({ id: 'legacy-keyed', title: 'Sent twice', author: 'author-hash-2', createdAt: '2026-03-04T10:00:00.000Z', updatedAt: '2026-03-04T10:00:00.000Z' });
  const hidden = testPin({
    id: 'legacy-hidden', title: 'Names a neighbour', author: 'author-hash-3', hidden: true, hiddenReason: 'personal data',
    createdAt: '2026-03-05T10:00:00.000Z', updatedAt: '2026-03-06T08:00:00.000Z',
  });
  const event = (id: number, e: StorageEvent) => ({ id, event: e });
  // the hidden pin as it was announced when made, before it was hidden
  const { hiddenReason: _reason, ...shown } = hidden.properties;
  return {
    areas: testAreas(),
    themes: testThemes(),
    pins: [plain, supported, keyed, hidden],
    supports: [{ pinId: supported.id, supporter: 'dev-1' }, { pinId: supported.id, supporter: 'dev-2' }],
    keyed: { pinId: keyed.id, author: 'author-hash-2', key: 'key-123', fingerprint: 'fp-abc' },
    audit: [
      { id: 2, at: '2026-03-06T08:00:00.000Z', actor: 'planner', action: 'hide', pinId: hidden.id, reason: 'personal data' },
      { id: 1, at: '2026-03-01T09:00:00.000Z', actor: 'planner', action: 'replace-themes', pinId: null, reason: null },
    ],
    events: [
      event(1, { type: 'themes-replaced' }),
      event(2, { type: 'pin-created', pin: supported }),
      event(3, { type: 'pin-created', pin: { ...hidden, properties: { ...shown, hidden: false } } }),
      event(4, { type: 'pin-hidden', id: hidden.id }),
      event(5, { type: 'pin-created', pin: keyed }),
    ],
  };
}

/** the rows to insert, in the legacy column order; `bool` is how the database takes a boolean */
function rows(content: LegacyContent, bool: (b: boolean) => unknown) {
  const pinRows = content.pins.map((pin) => {
    const p = pin.properties;
    const key = pin.id === content.keyed.pinId ? [`${content.keyed.author}:${content.keyed.key}`, content.keyed.fingerprint] : [null, null];
    return [pin.id, p.kind, p.theme, p.title, p.note ?? null, p.sentiment ?? null, p.area, ...pin.geometry.coordinates, p.createdAt, p.updatedAt,
      p.author ?? null, p.supports ?? 0, p.sessionId ?? null, bool(p.hidden), p.hiddenReason ?? null, ...key];
  });
  const auditRows = [...content.audit].reverse().map((a) => [a.at, a.actor, a.action, a.pinId, a.reason]);
  const eventRows = content.events.map(({ event }, i) => [1_780_000_000_000 + i, event.type, 'pin' in event ? event.pin.id : 'id' in event ? event.id : null, JSON.stringify(event)]);
  return { pinRows, auditRows, eventRows };
}

const PIN_INSERT = `INSERT INTO pins (id, kind, theme, title, note, sentiment, area, lng, lat, created_at, updated_at, author, supports,
  session_id, hidden, hidden_reason, idem_key, idem_fingerprint) VALUES (${Array.from({ length: 18 }, () => '?').join(', ')})`;
const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/**
 * A SQLite file as the old SQLite adapter left it.
 * @example
 * writeLegacySqlite('/tmp/x/coplan.sqlite', legacyContent());
 */
export function writeLegacySqlite(file: string, content: LegacyContent): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  for (const sql of SCHEMA) db.exec(sql.replace('BOOLEAN NOT NULL DEFAULT FALSE', 'INTEGER NOT NULL DEFAULT 0'));
  for (const sql of SQLITE_TABLES) db.exec(sql);
  const { pinRows, auditRows, eventRows } = rows(content, Number);
  db.transaction(() => {
    const now = '2026-03-01T08:00:00.000Z';
    db.prepare('INSERT INTO catalog (name, body, updated_at) VALUES (?, ?, ?)').run('areas', JSON.stringify(content.areas), now);
    db.prepare('INSERT INTO catalog (name, body, updated_at) VALUES (?, ?, ?)').run('themes', JSON.stringify(content.themes), now);
    for (const row of pinRows) db.prepare(PIN_INSERT).run(...row);
    for (const s of content.supports) db.prepare('INSERT INTO supports (pin_id, supporter, at) VALUES (?, ?, ?)').run(s.pinId, s.supporter, '2026-03-03T09:00:00.000Z');
    for (const row of auditRows) db.prepare('INSERT INTO audit (at, actor, action, pin_id, reason) VALUES (?, ?, ?, ?, ?)').run(...row);
    for (const row of eventRows) db.prepare('INSERT INTO events (at, type, pin_id, payload) VALUES (?, ?, ?, ?)').run(...row);
  })();
  db.close();
}

/** A PostgreSQL schema as the old PostgreSQL adapter left it. */
export async function writeLegacyPostgres(url: string, schema: string, content: LegacyContent): Promise<void> {
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    for (const sql of [...SCHEMA, ...POSTGRES_TABLES]) await client.query(sql);
    const { pinRows, auditRows, eventRows } = rows(content, (b) => b);
    const now = '2026-03-01T08:00:00.000Z';
    await client.query('INSERT INTO catalog (name, body, updated_at) VALUES ($1, $2, $3), ($4, $5, $3)', ['areas', JSON.stringify(content.areas), now, 'themes', JSON.stringify(content.themes)]);
    for (const row of pinRows) await client.query(numbered(PIN_INSERT), row);
    for (const s of content.supports) await client.query('INSERT INTO supports (pin_id, supporter, at) VALUES ($1, $2, $3)', [s.pinId, s.supporter, '2026-03-03T09:00:00.000Z']);
    for (const row of auditRows) await client.query('INSERT INTO audit (at, actor, action, pin_id, reason) VALUES ($1, $2, $3, $4, $5)', row);
    for (const row of eventRows) await client.query('INSERT INTO events (at, type, pin_id, payload) VALUES ($1, $2, $3, $4)', row);
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}
