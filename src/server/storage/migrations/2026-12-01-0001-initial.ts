// the single-consultation schema as the server made it before versioned migrations; IF NOT EXISTS adopts such a
// database as it is and creates it when new, so fresh and old databases go on from the same point.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DialectKind } from './migrationList.ts';

export async function up(db: Kysely<unknown>, kind: DialectKind): Promise<void> {
  const bool = kind === 'sqlite' ? sql`INTEGER NOT NULL DEFAULT 0` : sql`BOOLEAN NOT NULL DEFAULT FALSE`;
  const serial = kind === 'sqlite' ? sql`INTEGER PRIMARY KEY AUTOINCREMENT` : sql`BIGSERIAL PRIMARY KEY`;
  const statements = [
    sql`CREATE TABLE IF NOT EXISTS catalog (name TEXT PRIMARY KEY, body TEXT NOT NULL, updated_at TEXT NOT NULL)`,
    sql`CREATE TABLE IF NOT EXISTS pins (
      id TEXT PRIMARY KEY, kind TEXT NOT NULL, theme TEXT NOT NULL, title TEXT NOT NULL, note TEXT, sentiment TEXT,
      area TEXT NOT NULL, lng DOUBLE PRECISION NOT NULL, lat DOUBLE PRECISION NOT NULL,
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL, author TEXT, supports INTEGER NOT NULL DEFAULT 0,
      session_id TEXT, hidden ${bool}, hidden_reason TEXT,
      idem_key TEXT UNIQUE, idem_fingerprint TEXT)`,
    sql`CREATE INDEX IF NOT EXISTS pins_updated_at ON pins (updated_at)`,
    sql`CREATE INDEX IF NOT EXISTS pins_area ON pins (area)`,
    sql`CREATE INDEX IF NOT EXISTS pins_lng_lat ON pins (lng, lat)`,
    sql`CREATE INDEX IF NOT EXISTS pins_author ON pins (author)`,
    sql`CREATE TABLE IF NOT EXISTS supports (
      pin_id TEXT NOT NULL REFERENCES pins (id) ON DELETE CASCADE, supporter TEXT NOT NULL, at TEXT NOT NULL,
      PRIMARY KEY (pin_id, supporter))`,
    sql`CREATE TABLE IF NOT EXISTS audit (id ${serial}, at TEXT NOT NULL, actor TEXT NOT NULL,
      action TEXT NOT NULL, pin_id TEXT, reason TEXT)`,
    // `at` is ms since the epoch; `pin_id` lets a replay see whether the pin is still visible
    sql`CREATE TABLE IF NOT EXISTS events (id ${serial}, at ${kind === 'sqlite' ? sql`INTEGER` : sql`BIGINT`} NOT NULL,
      type TEXT NOT NULL, pin_id TEXT, payload TEXT NOT NULL)`,
  ];
  if (kind === 'postgres') {
    // WARNING: UNLOGGED: no write-ahead log, so counting stays cheap; a database crash (or a failover to a standby)
    // forgets the counts, which only lets clients start their windows afresh (see postgresRateCounter.ts)
    statements.push(sql`CREATE UNLOGGED TABLE IF NOT EXISTS rate_limits (
      key TEXT NOT NULL, window_start BIGINT NOT NULL, expires_at BIGINT NOT NULL, count INTEGER NOT NULL,
      PRIMARY KEY (key, window_start))`);
  }
  for (const statement of statements) await statement.execute(db);
}
