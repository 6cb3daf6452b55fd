import { afterAll, describe, it } from 'vitest';
import pg from 'pg';
import { openPostgresStorage } from '../../../src/server/storage/postgresStorage.ts';
import { eventLogContract, seedData, storageContract } from './storageSuite.ts';
import type { OpenStorage } from './storageSuite.ts';

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
  const open: OpenStorage = async (fresh, options = {}) => {
    if (fresh) schemas.push(`${prefix}_${schemas.length}`);
    return openPostgresStorage({ connectionString: url, schema: schemas[schemas.length - 1]!, seed: seedData, ...options });
  };
  storageContract(open);
  eventLogContract(open);
});
