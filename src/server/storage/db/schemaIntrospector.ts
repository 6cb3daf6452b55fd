// what Kysely's Migrator asks PostgreSQL about (does a schema, does a table exist), answered within one schema.
import { PostgresDialect, sql } from 'kysely';
import type { DatabaseIntrospector, Kysely, PostgresDialectConfig, SchemaMetadata, TableMetadata } from 'kysely';

/**
 * WARNING: Kysely's own PostgreSQL introspector reads every column of every table in the database, with
 * pg_get_serial_sequence for each; a table dropped meanwhile by another session (tests dropping their schemas, another
 * tenant's migration) makes that fail, and a database with many schemas makes every start slow. The Migrator only
 * needs table names, so this lists the tables of one schema.
 */
class SchemaIntrospector implements DatabaseIntrospector {
  readonly #db: Kysely<unknown>;
  readonly #schema: string;
  constructor(db: Kysely<unknown>, schema: string) {
    this.#db = db;
    this.#schema = schema;
  }
  async getSchemas(): Promise<SchemaMetadata[]> {
    const { rows } = await sql<{ name: string }>`SELECT nspname AS name FROM pg_catalog.pg_namespace`.execute(this.#db);
    return rows;
  }
  async getTables(): Promise<TableMetadata[]> {
    const { rows } = await sql<{ name: string }>`SELECT c.relname AS name FROM pg_catalog.pg_class c
      JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ${this.#schema} AND c.relkind IN ('r', 'p')`.execute(this.#db);
    return rows.map((r) => ({ name: r.name, schema: this.#schema, isView: false, columns: [] }));
  }
  async getMetadata() {
    return { tables: await this.getTables() };
  }
}

/** Kysely's PostgresDialect whose introspection (used by the Migrator) stays in one schema */
export class SchemaPostgresDialect extends PostgresDialect {
  readonly #schema: string;
  constructor(config: PostgresDialectConfig, schema: string) {
    super(config);
    this.#schema = schema;
  }
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SchemaIntrospector(db, this.#schema);
  }
}
