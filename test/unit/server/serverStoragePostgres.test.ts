import { describe } from 'vitest';
import { openPostgresStorage } from '../../../src/server/storage/openStorage.ts';
import { eventLogContract, seedData, storageContract } from './storageSuite.ts';
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
});
