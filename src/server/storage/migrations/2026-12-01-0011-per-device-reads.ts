// what one device reads of its own costs what its own rows cost, not the whole consultation's or layer's.
// A device's pins (?mine) in list order straight from one index: (consultation, author) and then (created_at, id).
// Without the order in the index SQLite walked the whole consultation in list order to save the sort, testing the
// author row by row (100k pins: ~0.1 s a request on a quiet machine). It takes the place of (consultation_id, author),
// its prefix, which every lookup of that index can use as well.
// A device's verdicts on a context layer's features: the key (layer, feature, device) found them by layer only.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DialectKind } from './migrationList.ts';

export async function up(db: Kysely<unknown>, _kind: DialectKind): Promise<void> {
  await sql`CREATE INDEX pins_consultation_author_created ON pins (consultation_id, author, created_at, id)`.execute(db);
  await sql`DROP INDEX pins_consultation_author`.execute(db);
  await sql`CREATE INDEX asset_confirmations_device ON asset_confirmations (layer_id, device)`.execute(db);
}
