// picks the storage from the environment: PostgreSQL when DATABASE_URL is set, else SQLite under DATA_DIR.
import path from 'node:path';
import type { SeedData, Storage } from './storage.ts';
import { openPostgresStorage } from './postgresStorage.ts';
import { openSqliteStorage } from './sqliteStorage.ts';

export interface StorageConfig {
  databaseUrl?: string;
  /** schema for PostgreSQL (default public) */
  databaseSchema?: string;
  /** folder for the SQLite file */
  dataDir: string;
  seed: () => SeedData;
}

/**
 * Opens the configured storage.
 * @example
 * const storage = await openStorage({ dataDir: '.data', seed: () => loadSeed('data') }); storage.kind // => 'sqlite'
 */
export async function openStorage(config: StorageConfig): Promise<Storage> {
  if (config.databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(config.databaseUrl)) throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
    return openPostgresStorage({ connectionString: config.databaseUrl, seed: config.seed, ...(config.databaseSchema ? { schema: config.databaseSchema } : {}) });
  }
  return openSqliteStorage({ file: path.join(config.dataDir, 'coplan.sqlite'), seed: config.seed });
}
