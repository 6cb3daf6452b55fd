// opens the storage: PostgreSQL when DATABASE_URL is set, else SQLite under DATA_DIR; both migrated and seeded if new.
import path from 'node:path';
import { createStorage } from './databaseStorage.ts';
import type { StorageOptions } from './databaseStorage.ts';
import { openPostgresDialect } from './db/postgresDialect.ts';
import type { PostgresConnection } from './db/postgresDialect.ts';
import { openSqliteDialect } from './db/sqliteDialect.ts';
import type { SeedData, Storage } from './storage.ts';

export interface StorageConfig {
  databaseUrl?: string | undefined;
  /** schema for PostgreSQL (default public) */
  databaseSchema?: string | undefined;
  /** folder for the SQLite file */
  dataDir: string;
  seed: () => SeedData | Promise<SeedData>;
  /** false: every pin write in its own transaction (GROUP_COMMIT=off, for benchmarks); group commit otherwise */
  groupCommit?: boolean;
}

/**
 * A SQLite file (':memory:' for tests), migrated and seeded if new.
 * @example
 * const storage = await openSqliteStorage({ file: '.data/coplan.sqlite', seed: () => loadSeed('data') });
 */
export async function openSqliteStorage(options: StorageOptions & { file: string }): Promise<Storage> {
  return createStorage(await openSqliteDialect(options.file), options);
}

/**
 * A PostgreSQL schema, migrated and seeded once even when several processes start together.
 * @example
 * const storage = await openPostgresStorage({ connectionString: process.env.DATABASE_URL!, seed: () => loadSeed('data') });
 */
export async function openPostgresStorage(options: StorageOptions & PostgresConnection): Promise<Storage> {
  return createStorage(await openPostgresDialect(options), options);
}

/**
 * Opens the configured storage.
 * @example
 * const storage = await openStorage({ dataDir: '.data', seed: () => loadSeed('data') }); storage.kind // => 'sqlite'
 */
export async function openStorage(config: StorageConfig): Promise<Storage> {
  const group = config.groupCommit === false ? { groupCommit: false as const } : {};
  if (config.databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(config.databaseUrl)) throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
    return openPostgresStorage({ connectionString: config.databaseUrl, seed: config.seed, ...group, ...(config.databaseSchema ? { schema: config.databaseSchema } : {}) });
  }
  return openSqliteStorage({ file: path.join(config.dataDir, 'coplan.sqlite'), seed: config.seed, ...group });
}
