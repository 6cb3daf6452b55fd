// consultations: areas and themes move from `catalog` into a consultations row, and pins, audit entries and events
// belong to one. What a single-consultation database holds becomes its one (default) consultation, nothing lost.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DialectKind } from './migrationList.ts';

/** what the consultation adopted from a database made before consultations is called */
export const LEGACY_CONSULTATION = { slug: 'consultation', title: 'Consultation', status: 'open' } as const;

const PIN_COLUMNS = sql.raw(`id, kind, theme, title, note, sentiment, area, lng, lat, created_at, updated_at, author, supports,
  session_id, hidden, hidden_reason, idem_key, idem_fingerprint`);

async function adoptLegacyData(db: Kysely<unknown>): Promise<string | null> {
  const { rows } = await sql<{ n: number | string }>`SELECT (SELECT count(*) FROM catalog) + (SELECT count(*) FROM pins)
    + (SELECT count(*) FROM audit) + (SELECT count(*) FROM events) AS n`.execute(db);
  if (Number(rows[0]!.n) === 0) return null;
  const catalog = await sql<{ name: string; body: string }>`SELECT name, body FROM catalog`.execute(db);
  const body = (name: string, empty: string) => catalog.rows.find((r) => r.name === name)?.body ?? empty;
  const id = crypto.randomUUID();
  const now = new Date().toISOString();
  const { slug, title, status } = LEGACY_CONSULTATION;
  await sql`INSERT INTO consultations (id, slug, title, summary, status, opens_at, closes_at, status_changed_at, settings,
    areas, themes, created_at, updated_at) VALUES (${id}, ${slug}, ${title}, '', ${status}, NULL, NULL, ${now}, '{}',
    ${body('areas', '{"type":"FeatureCollection","features":[]}')}, ${body('themes', '[]')}, ${now}, ${now})`.execute(db);
  return id;
}

export async function up(db: Kysely<unknown>, kind: DialectKind): Promise<void> {
  await sql`CREATE TABLE consultations (id TEXT PRIMARY KEY, slug TEXT NOT NULL UNIQUE, title TEXT NOT NULL,
    summary TEXT NOT NULL, status TEXT NOT NULL, opens_at TEXT, closes_at TEXT, status_changed_at TEXT NOT NULL,
    settings TEXT NOT NULL, areas TEXT NOT NULL, themes TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)`.execute(db);
  const legacy = await adoptLegacyData(db);

  if (kind === 'sqlite') {
    // SQLite cannot add a NOT NULL foreign key column nor drop a constraint: the table is rebuilt (its documented
    // 12-step way; the caller has foreign keys off, so dropping the old table does not cascade to supports)
    await sql`CREATE TABLE pins_new (
      id TEXT PRIMARY KEY, consultation_id TEXT NOT NULL REFERENCES consultations (id), kind TEXT NOT NULL,
      theme TEXT NOT NULL, title TEXT NOT NULL, note TEXT, sentiment TEXT, area TEXT NOT NULL, lng DOUBLE PRECISION NOT NULL,
      lat DOUBLE PRECISION NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, author TEXT,
      supports INTEGER NOT NULL DEFAULT 0, session_id TEXT, hidden INTEGER NOT NULL DEFAULT 0, hidden_reason TEXT,
      idem_key TEXT, idem_fingerprint TEXT, UNIQUE (consultation_id, idem_key))`.execute(db);
    await sql`INSERT INTO pins_new (${PIN_COLUMNS}, consultation_id) SELECT ${PIN_COLUMNS}, ${legacy} FROM pins`.execute(db);
    await sql`DROP TABLE pins`.execute(db);
    await sql`ALTER TABLE pins_new RENAME TO pins`.execute(db);
  } else {
    await sql`ALTER TABLE pins ADD COLUMN consultation_id TEXT REFERENCES consultations (id)`.execute(db);
    await sql`UPDATE pins SET consultation_id = ${legacy}`.execute(db);
    await sql`ALTER TABLE pins ALTER COLUMN consultation_id SET NOT NULL`.execute(db);
    // an idempotency key is kept per consultation (it was unique over the whole database)
    await sql`ALTER TABLE pins DROP CONSTRAINT pins_idem_key_key`.execute(db);
    await sql`ALTER TABLE pins ADD CONSTRAINT pins_consultation_idem_key UNIQUE (consultation_id, idem_key)`.execute(db);
    for (const index of ['pins_updated_at', 'pins_area', 'pins_lng_lat', 'pins_author']) await sql`DROP INDEX ${sql.ref(index)}`.execute(db);
  }
  // every pin query is within one consultation: list order, ?since, ?area, a viewport (?bbox) and a device's own pins (?mine)
  await sql`CREATE INDEX pins_consultation_created ON pins (consultation_id, created_at, id)`.execute(db);
  await sql`CREATE INDEX pins_consultation_updated ON pins (consultation_id, updated_at)`.execute(db);
  await sql`CREATE INDEX pins_consultation_area ON pins (consultation_id, area)`.execute(db);
  await sql`CREATE INDEX pins_consultation_lng_lat ON pins (consultation_id, lng, lat)`.execute(db);
  await sql`CREATE INDEX pins_consultation_author ON pins (consultation_id, author)`.execute(db);

  // audit entries of the whole server (accounts) have none
  await sql`ALTER TABLE audit ADD COLUMN consultation_id TEXT REFERENCES consultations (id)`.execute(db);
  await sql`UPDATE audit SET consultation_id = ${legacy}`.execute(db);
  await sql`CREATE INDEX audit_consultation ON audit (consultation_id, id)`.execute(db);
  await sql`ALTER TABLE events ADD COLUMN consultation_id TEXT`.execute(db);
  await sql`UPDATE events SET consultation_id = ${legacy}`.execute(db);
  await sql`CREATE INDEX events_consultation ON events (consultation_id, id)`.execute(db);
  await sql`DROP TABLE catalog`.execute(db);
}
