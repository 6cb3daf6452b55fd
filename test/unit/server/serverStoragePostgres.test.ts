import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { MIGRATION_NAMES } from '../../../src/server/storage/migrations/migrationList.ts';
import { openPostgresStorage } from '../../../src/server/storage/openStorage.ts';
import { consultationsContract } from './consultationsSuite.ts';
import { staffContract } from './staffSuite.ts';
import { budgetContract } from './budgetSuite.ts';
import { layerContract } from './layerSuite.ts';
import { dialogueContract } from './dialogueSuite.ts';
import { eventLogContract } from './eventLogSuite.ts';
import { seedData, storageContract } from './storageSuite.ts';
import type { OpenStorage } from './storageSuite.ts';
import { postgresSuite } from '../../support/postgresSuite.ts';

describe('PostgreSQL storage', () => {
  const db = postgresSuite('t');
  if (!db) return;
  let schema = '';
  const open: OpenStorage = async (fresh, options = {}) => {
    if (fresh || !schema) schema = db.freshSchema();
    return openPostgresStorage({ connectionString: db.url, schema, seed: seedData, ...options });
  };
  storageContract(open);
  eventLogContract(open);
  consultationsContract(open);
  staffContract(open);
  budgetContract(open);
  layerContract(open);
  dialogueContract(open);

  it('migrates and seeds a new schema once when three processes start at once', async () => {
    const fresh = db.freshSchema();
    let seeds = 0;
    const seed = () => {
      seeds += 1;
      return seedData();
    };
    const storages = await Promise.all(Array.from({ length: 3 }, () => openPostgresStorage({ connectionString: db.url, schema: fresh, seed, poolSize: 2 })));
    try {
      expect(seeds).toBe(1);
      for (const storage of storages) expect((await storage.listConsultations()).map((c) => c.pins)).toEqual([1]);
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ name: string }>(`SELECT name FROM ${fresh}.kysely_migration ORDER BY name`);
        expect(rows.map((r) => r.name)).toEqual(MIGRATION_NAMES);
      } finally {
        await client.end();
      }
    } finally {
      await Promise.all(storages.map((s) => s.close()));
    }
  });
});
