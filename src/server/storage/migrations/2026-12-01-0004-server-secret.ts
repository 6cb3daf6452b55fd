// the server's own settings (the secret that signs device tokens and keys hashes) and, per support, a keyed hash of the
// supporter's address, so planners can see when one address gave an unusual share of a pin's supports.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // one row per setting; every process on one PostgreSQL reads the same secret
  await sql`CREATE TABLE server_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)`.execute(db);
  // null for supports given before this version: their address was never kept
  await sql`ALTER TABLE supports ADD COLUMN address_hash TEXT`.execute(db);
  // a device that upgrades its token has its old supports re-keyed (see adoptAuthor)
  await sql`CREATE INDEX supports_supporter ON supports (supporter)`.execute(db);
}
