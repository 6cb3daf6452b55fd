// the plan a database makes for a query, as lines of text: SQLite's EXPLAIN QUERY PLAN, PostgreSQL's EXPLAIN (ANALYZE),
// for tests that pin down a query's shape and for benchmarks that show it.
import { CompiledQuery } from 'kysely';
import type { Compilable } from 'kysely';
import type { StorageDialect } from '../../src/server/storage/db/storageDialect.ts';

/**
 * One line per plan step. PostgreSQL's lines carry the rows each step read (`actual … rows=`, `Rows Removed by Filter`).
 * @example
 * await explainPlan(dialect, dialect.db.selectFrom('pins').selectAll()) // => ['SCAN pins']
 */
export async function explainPlan(dialect: StorageDialect, query: Compilable): Promise<string[]> {
  const { sql, parameters } = query.compile();
  const prefix = dialect.kind === 'sqlite' ? 'EXPLAIN QUERY PLAN ' : 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ';
  const { rows } = await dialect.db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(prefix + sql, [...parameters]));
  return rows.map((row) => String(dialect.kind === 'sqlite' ? row.detail : row['QUERY PLAN']));
}
