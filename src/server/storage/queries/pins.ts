// reads and writes of pin rows, always within one consultation.
import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { StorageDialect } from '../db/storageDialect.ts';
import { PIN_COLUMNS, pinToRow, rowToPin } from '../pinRows.ts';
import type { PinFilter, ServerPin } from '../storage.ts';

/** the pin, or null when it does not exist in this consultation; `lock` takes its row lock (PostgreSQL) until the transaction ends */
export async function selectPin(x: Executor, dialect: StorageDialect, consultationId: string, id: string, lock = false): Promise<ServerPin | null> {
  let query = x.selectFrom('pins').select(PIN_COLUMNS).where('id', '=', id).where('consultation_id', '=', consultationId);
  if (lock && dialect.rowLocks) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? rowToPin(row) : null;
}

/**
 * WARNING: without statistics (nothing runs ANALYZE) SQLite takes the lng index for every bbox. Over 100k pins that is
 * ~10x faster for a street-level view but 3-5x slower than one scan for a view over most of the town (a row lookup per
 * pin), so a bbox wider than a third of the pins' east-west extent opts out of the index (`+lng`). Two index lookups.
 */
async function coversMostPins(dialect: StorageDialect, consultationId: string, [minLng, , maxLng]: readonly [number, number, number, number]): Promise<boolean> {
  const extent = await dialect.db.selectFrom('pins')
    .select((eb) => [eb.fn.min('lng').as('lo'), eb.fn.max('lng').as('hi')])
    .where('consultation_id', '=', consultationId)
    .executeTakeFirst();
  const lo = extent?.lo ?? null;
  const hi = extent?.hi ?? null;
  return lo === null || hi === null || maxLng - minLng > (Number(hi) - Number(lo)) / 3;
}

/**
 * The select of a pin list, for listPins to run (and a test to EXPLAIN). With `author`, one branch per author hash,
 * each `author = ?`, joined by UNION ALL: each branch reads its rows in list order from (consultation_id, author,
 * created_at, id), and the branches merge. WARNING: with `author IN (…)` instead, neither SQLite nor PostgreSQL can
 * read that index in list order, and SQLite (no statistics) then walked the whole consultation by created_at to save
 * the sort, filtering authors row by row: a device with 5 pins paid for all 100k. Null when `author` names no hash
 * (an empty list): no pin matches.
 */
export async function pinListQuery(dialect: StorageDialect, consultationId: string, filter: PinFilter = {}) {
  // a wide bbox on SQLite opts out of the lng index (see coversMostPins); one author's rows never need it
  const authors = filter.author === undefined ? null : [...new Set(typeof filter.author === 'string' ? [filter.author] : filter.author)].filter((a) => a !== '');
  const steerOff = dialect.indexHints && authors !== null;
  const wideBbox = dialect.indexHints && !steerOff && filter.bbox !== undefined && (await coversMostPins(dialect, consultationId, filter.bbox));
  const where = (author: string | null) => {
    // SQLite: in an author's branch, `+column` keeps a range or equality off its own index, so the author's is the one used
    const column = <T>(name: 'lng' | 'lat' | 'updated_at' | 'area', off = steerOff) => (off ? sql<T>`+${sql.ref(name)}` : sql<T>`${sql.ref(name)}`);
    let query = dialect.db.selectFrom('pins').select(PIN_COLUMNS).where('consultation_id', '=', consultationId);
    if (author !== null) query = query.where('author', '=', author);
    if (!filter.includeHidden) query = query.where('hidden', '=', dialect.bool(false));
    if (filter.kind) query = query.where('kind', '=', filter.kind);
    if (filter.theme) query = query.where('theme', '=', filter.theme);
    if (filter.area) query = query.where(column<string>('area'), '=', filter.area);
    if (filter.since) query = query.where(column<string>('updated_at'), '>', filter.since);
    if (filter.bbox) {
      const [minLng, minLat, maxLng, maxLat] = filter.bbox;
      const lng = column<number>('lng', steerOff || wideBbox);
      const lat = column<number>('lat');
      query = query.where(lng, '>=', minLng).where(lat, '>=', minLat).where(lng, '<=', maxLng).where(lat, '<=', maxLat);
    }
    return query;
  };
  if (authors?.length === 0) return null;
  const branches = authors === null ? [where(null)] : authors.map(where);
  let query = branches.slice(1).reduce((all, branch) => all.unionAll(branch), branches[0]!).orderBy('created_at').orderBy('id');
  if (filter.limit !== undefined) query = query.limit(filter.limit);
  return query;
}

export async function listPins(dialect: StorageDialect, consultationId: string, filter: PinFilter = {}): Promise<ServerPin[]> {
  const query = await pinListQuery(dialect, consultationId, filter);
  return query ? (await query.execute()).map(rowToPin) : [];
}

/**
 * Re-keys a device's pins from its old author hash, named consultation by consultation so the author index finds them.
 * WARNING: `author = ?` alone has no index to use (they all start with consultation_id): it read every pin of the
 * server while holding the write lock. `consultationIds` must not be empty.
 */
export function rekeyPins(x: Executor, consultationIds: readonly string[], legacy: string, keyed: string) {
  return x.updateTable('pins').set({ author: keyed }).where('consultation_id', 'in', consultationIds).where('author', '=', legacy);
}

export async function countPins(x: Executor, consultationId: string, visibleOnly: { hidden: boolean | number } | null = null): Promise<number> {
  let query = x.selectFrom('pins').select((eb) => eb.fn.countAll().as('n')).where('consultation_id', '=', consultationId);
  if (visibleOnly) query = query.where('hidden', '=', visibleOnly.hidden);
  return Number((await query.executeTakeFirst())?.n ?? 0);
}

/** a new pin as the API stores it: with its idempotency key (scoped by author) and the request's fingerprint */
export interface NewPin {
  consultationId: string;
  pin: ServerPin;
  key: string | null;
  fingerprint: string | null;
}

/**
 * Inserts new pins in one statement, each unless its id or its (consultation, idempotency key) is taken (also by
 * another of them: the first wins); each one's pin as stored, or null when it was not.
 */
export async function insertNewPins(x: Executor, dialect: StorageDialect, inputs: readonly NewPin[]): Promise<(ServerPin | null)[]> {
  const rows = await x.insertInto('pins')
    .values(inputs.map(({ consultationId, pin, key, fingerprint }) => ({ ...pinToRow(pin, consultationId, dialect.bool), idem_key: key, idem_fingerprint: fingerprint })))
    // a concurrent insert with the same key waits here for the first to commit, then does nothing
    .onConflict((oc) => oc.doNothing())
    // the stored rows come back from the insert itself: no second statement to read them
    .returning([...PIN_COLUMNS, 'consultation_id', 'idem_key'])
    .execute();
  const stored = new Map(rows.map((row) => [row.id, row]));
  return inputs.map(({ consultationId, pin, key }) => {
    const row = stored.get(pin.id);
    // the row with this id is this input's only if the key and consultation match too (another input may share the id)
    if (!row || row.idem_key !== key || row.consultation_id !== consultationId) return null;
    stored.delete(pin.id);
    return rowToPin(row);
  });
}

export async function selectPinByKey(x: Executor, consultationId: string, key: string): Promise<{ pin: ServerPin; fingerprint: string | null } | null> {
  const row = await x.selectFrom('pins').select([...PIN_COLUMNS, 'idem_fingerprint'])
    .where('consultation_id', '=', consultationId).where('idem_key', '=', key).executeTakeFirst();
  return row ? { pin: rowToPin(row), fingerprint: row.idem_fingerprint } : null;
}

/** many rows per INSERT, in chunks both databases accept (their limits on bound values) */
export async function insertPins(x: Executor, dialect: StorageDialect, consultationId: string, pins: readonly ServerPin[]): Promise<void> {
  for (let i = 0; i < pins.length; i += 500) {
    await x.insertInto('pins').values(pins.slice(i, i + 500).map((pin) => pinToRow(pin, consultationId, dialect.bool))).execute();
  }
}

/** sets each pin's area, one statement per area and chunk of ids, only for pins whose area changes */
export async function setAreas(x: Executor, consultationId: string, changes: readonly { id: string; area: string }[]): Promise<void> {
  const byArea = new Map<string, string[]>();
  for (const { id, area } of changes) {
    const ids = byArea.get(area);
    if (ids) ids.push(id);
    else byArea.set(area, [id]);
  }
  for (const [area, ids] of byArea) {
    for (let i = 0; i < ids.length; i += 5000) {
      await x.updateTable('pins').set({ area }).where('consultation_id', '=', consultationId).where('id', 'in', ids.slice(i, i + 5000)).execute();
    }
  }
}
