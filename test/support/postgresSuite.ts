// PostgreSQL for a describe block: the test database's URL and fresh schemas, dropped when the block ends.
import pg from 'pg';
import { afterAll, it } from 'vitest';

export interface PostgresSuite {
  url: string;
  /** a new schema name for this block (created by whoever opens storage on it), dropped after the block */
  freshSchema(): string;
}

/**
 * Call inside a `describe`. Without DATABASE_URL it adds one failing test and returns null (the caller returns too).
 * WARNING: deliberately a failure, not a skip: a green run must mean PostgreSQL was tested.
 * @example
 * const db = postgresSuite('t_events');
 * if (!db) return;
 * openPostgresStorage({ connectionString: db.url, schema: db.freshSchema() });
 */
export function postgresSuite(prefix: string): PostgresSuite | null {
  const url = process.env.DATABASE_URL;
  if (!url) {
    it('needs a database', () => {
      throw new Error('PostgreSQL tests need DATABASE_URL; .ci/run and `npm test` start one');
    });
    return null;
  }
  const stamp = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  const schemas: string[] = [];
  // with time to spare: a block can leave dozens of schemas to drop on a busy machine (one transaction each, so a
  // single drop never needs locks on every table at once)
  afterAll(async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    await client.end();
  }, 60_000);
  return {
    url,
    freshSchema() {
      const schema = `${stamp}_${schemas.length}`;
      schemas.push(schema);
      return schema;
    },
  };
}
