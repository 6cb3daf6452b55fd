// staff accounts: users, one-time invitations, sign-in sessions and per-consultation memberships.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // `email` is stored lower-case, so UNIQUE is case-insensitive
  await sql`CREATE TABLE users (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL, role TEXT NOT NULL,
    password_hash TEXT, created_at TEXT NOT NULL)`.execute(db);
  // only hashes of tokens are stored, so a database dump holds no usable link or session
  await sql`CREATE TABLE invitations (token_hash TEXT PRIMARY KEY, user_id TEXT REFERENCES users (id) ON DELETE CASCADE,
    expires_at TEXT NOT NULL, used_at TEXT)`.execute(db);
  await sql`CREATE INDEX invitations_user ON invitations (user_id)`.execute(db);
  await sql`CREATE TABLE staff_sessions (token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE, expires_at TEXT NOT NULL, created_at TEXT NOT NULL)`.execute(db);
  await sql`CREATE INDEX staff_sessions_user ON staff_sessions (user_id)`.execute(db);
  await sql`CREATE TABLE memberships (consultation_id TEXT NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE, role TEXT NOT NULL,
    PRIMARY KEY (consultation_id, user_id))`.execute(db);
  await sql`CREATE INDEX memberships_user ON memberships (user_id)`.execute(db);
}
