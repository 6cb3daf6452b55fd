import { afterAll, describe, it } from 'vitest';
import pg from 'pg';
import { openPostgresStorage } from '../../../src/server/storage/postgresStorage.ts';
import { seedData, storageContract } from './storageSuite.ts';

const url = process.env.DATABASE_URL;

describe('PostgreSQL storage', () => {
  if (!url) {
    // WARNING: deliberately a failure, not a skip: a green run must mean PostgreSQL was tested
    it('needs a database', () => {
      throw new Error('PostgreSQL tests need DATABASE_URL; .ci/run and `npm test` start one');
    });
    return;
  }
  const prefix = `t_${process.pid}_${Date.now().toString(36)}`;
  const schemas: string[] = [];
  afterAll(async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    await client.end();
  });
  storageContract(async (fresh) => {
    if (fresh) schemas.push(`${prefix}_${schemas.length}`);
    return openPostgresStorage({ connectionString: url, schema: schemas[schemas.length - 1]!, seed: seedData });
  });
});
