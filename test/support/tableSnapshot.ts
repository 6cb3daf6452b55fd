// what an upgrade test compares: every row of every table a database has before a migration, read with plain SQL and
// only the columns it had then, so the check says "nothing lost or changed" without today's reads (which name columns
// a later migration adds and an older database lacks).
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

export type TableRows = Record<string, Record<string, unknown>[]>;

/** The application's tables and their columns, as the database reports them (the migrator's own tables left out). */
export async function tableColumns(db: Kysely<unknown>): Promise<Record<string, string[]>> {
  const tables = await db.introspection.getTables();
  const out: Record<string, string[]> = {};
  for (const table of tables) {
    if (table.name.startsWith('kysely_')) continue;
    out[table.name] = table.columns.map((c) => c.name).sort();
  }
  return out;
}

/**
 * Every row of the given tables, with the given columns, in a stable order (by all of them as text).
 * @example
 * const before = await snapshotTables(db, await tableColumns(db)); // … migrate … expect(await snapshotTables(db, columns)).toEqual(before)
 */
export async function snapshotTables(db: Kysely<unknown>, columns: Record<string, string[]>): Promise<TableRows> {
  const out: TableRows = {};
  for (const [table, names] of Object.entries(columns)) {
    const { rows } = await sql<Record<string, unknown>>`SELECT ${sql.join(names.map((n) => sql.ref(n)))} FROM ${sql.table(table)}`.execute(db);
    // numbers from PostgreSQL's BIGINT arrive as text and booleans as booleans: compare as JSON text, sorted
    out[table] = rows.map((row) => JSON.parse(JSON.stringify(row)) as Record<string, unknown>).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  return out;
}
