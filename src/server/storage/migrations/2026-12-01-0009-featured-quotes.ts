// planner-chosen quotes for the results page: when a planner featured a pin's words (null: not featured). On the pin's
// row, so hiding the pin takes its quote off the page with no second place to forget.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DialectKind } from './migrationList.ts';

export async function up(db: Kysely<unknown>, _kind: DialectKind): Promise<void> {
  await sql`ALTER TABLE pins ADD COLUMN quote_featured_at TEXT`.execute(db);
}
