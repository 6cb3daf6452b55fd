// community budgets: one budget per consultation, its projects, one ballot per voter, one-time voter codes, and the
// touch-table's workshop allocations (recorded beside the vote, never counted as ballots).
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DialectKind } from './migrationList.ts';

export async function up(db: Kysely<unknown>, kind: DialectKind): Promise<void> {
  const serial = kind === 'sqlite' ? sql`INTEGER PRIMARY KEY AUTOINCREMENT` : sql`BIGSERIAL PRIMARY KEY`;
  // money in whole currency units: BIGINT, as a city's budget passes PostgreSQL's 32-bit INTEGER
  await sql`CREATE TABLE budgets (consultation_id TEXT PRIMARY KEY REFERENCES consultations (id) ON DELETE CASCADE,
    amount BIGINT NOT NULL, currency TEXT NOT NULL, rule TEXT NOT NULL, opens_at TEXT, closes_at TEXT,
    min_projects INTEGER, max_projects INTEGER, updated_at TEXT NOT NULL)`.execute(db);
  // `location` and `pin_ids` are JSON text; `position` keeps the planners' order on the ballot
  await sql`CREATE TABLE budget_projects (consultation_id TEXT NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
    id TEXT NOT NULL, position INTEGER NOT NULL, title TEXT NOT NULL, description TEXT NOT NULL, cost BIGINT NOT NULL,
    theme TEXT, location TEXT NOT NULL, pin_ids TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    PRIMARY KEY (consultation_id, id))`.execute(db);
  // `voter` is a keyed hash (a device's author hash, or a voter code's hash) or, for imported files, `import:<n>`;
  // one row per voter, so a changed ballot replaces the old one
  await sql`CREATE TABLE budget_ballots (consultation_id TEXT NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
    voter TEXT NOT NULL, projects TEXT NOT NULL, source TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    PRIMARY KEY (consultation_id, voter))`.execute(db);
  // only the hash of a code is kept; `used_at` is set once, atomically, by the ballot it cast
  await sql`CREATE TABLE voter_codes (code_hash TEXT PRIMARY KEY,
    consultation_id TEXT NOT NULL REFERENCES consultations (id) ON DELETE CASCADE, created_at TEXT NOT NULL, used_at TEXT)`.execute(db);
  await sql`CREATE INDEX voter_codes_consultation ON voter_codes (consultation_id)`.execute(db);
  await sql`CREATE TABLE workshop_allocations (id ${serial},
    consultation_id TEXT NOT NULL REFERENCES consultations (id) ON DELETE CASCADE, session_id TEXT,
    allocation TEXT NOT NULL, created_at TEXT NOT NULL)`.execute(db);
  await sql`CREATE INDEX workshop_allocations_consultation ON workshop_allocations (consultation_id, id)`.execute(db);
}
