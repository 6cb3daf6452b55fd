// runs the versioned migrations (Kysely's Migrator over the static list in migrations/migrationList.ts).
import { Migrator } from 'kysely';
import type { Kysely } from 'kysely';
import { migrationProvider } from '../migrations/migrationList.ts';
import type { DialectKind } from '../migrations/migrationList.ts';

/**
 * Brings the database to the newest migration (or to `upTo`, for upgrade tests). On PostgreSQL, Kysely's adapter takes
 * an advisory lock first and reads what has run inside it, so processes starting together migrate once.
 * @example
 * await migrateDatabase(db, 'postgres', { schema: 'public' });
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the database as it was, not as Database types it now
export async function migrateDatabase(db: Kysely<any>, kind: DialectKind, options: { schema?: string; upTo?: string } = {}): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider(kind, options.upTo),
    // WARNING: without a schema Kysely looks for its own tables in every schema, and would find another one's
    ...(options.schema ? { migrationTableSchema: options.schema } : {}),
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? 'setup';
    throw new Error(`database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return results.map((r) => r.migrationName);
}
