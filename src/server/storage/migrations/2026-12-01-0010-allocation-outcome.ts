// what a table game's count decided under each rule, kept with its workshop allocation so planners read the same
// outcome the table saw (null for allocations recorded before: their sides were not kept, so it cannot be recounted),
// and the session's name, so planners read "Library, Saturday" rather than the session's id (null before).
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DialectKind } from './migrationList.ts';

export async function up(db: Kysely<unknown>, _kind: DialectKind): Promise<void> {
  await sql`ALTER TABLE workshop_allocations ADD COLUMN outcome TEXT`.execute(db);
  await sql`ALTER TABLE workshop_allocations ADD COLUMN session_name TEXT`.execute(db);
}
