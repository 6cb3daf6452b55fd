// a budget's own words at the top of its ballot (what it is for, who decides): empty for the budgets made before.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DialectKind } from './migrationList.ts';

export async function up(db: Kysely<unknown>, _kind: DialectKind): Promise<void> {
  await sql`ALTER TABLE budgets ADD COLUMN intro TEXT NOT NULL DEFAULT ''`.execute(db);
}
