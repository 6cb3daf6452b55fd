// the one Storage implementation over Kysely: consultations, staff, seeding; the dialect supplies what differs.
import { createConsultationCache } from './consultationCache.ts';
import { consultationStorage } from './consultationStorage.ts';
import type { StorageDialect } from './db/storageDialect.ts';
import type { EventLogOptions } from './eventLog.ts';
import type { GroupCommitOptions } from './groupCommit.ts';
import { writeAudit } from './queries/audit.ts';
import { applyConsultationChanges, findConsultation, insertConsultation, rowToConsultation, selectConsultations, writeConsultation } from './queries/consultations.ts';
import { createEventLog } from './queries/events.ts';
import { insertPins, rekeyPins } from './queries/pins.ts';
import { seedBudget } from './queries/budgetQueries.ts';
import { staffStorage } from './queries/staff.ts';
import type { SeedData, Storage } from './storage.ts';

export interface StorageOptions {
  /** the content of a new database (one without consultations); called at most once */
  seed?: () => SeedData | Promise<SeedData>;
  eventLog?: EventLogOptions;
  /** pin writes share transactions (on by default); false gives each its own, as before (for benchmarks) */
  groupCommit?: GroupCommitOptions | false;
}

/**
 * Seeds a database without consultations, in one transaction; on PostgreSQL under an advisory lock, so processes
 * starting together seed once. The seed's first consultation is the oldest (the default).
 */
async function seedIfNew(dialect: StorageDialect, seed: () => SeedData | Promise<SeedData>): Promise<void> {
  await dialect.db.transaction().execute(async (trx) => {
    await dialect.lockSetup(trx, 'seed');
    if (await trx.selectFrom('consultations').select('id').limit(1).executeTakeFirst()) return;
    const { consultations } = await seed();
    for (const { pins, budget, ...input } of consultations) {
      const created = await insertConsultation(trx, input, new Date());
      if (!created) throw new Error(`the seed has the slug "${input.slug}" twice`);
      await insertPins(trx, dialect, created.id, pins);
      if (budget) await seedBudget(trx, created.id, budget, new Date().toISOString());
    }
  });
}

/**
 * Storage over an opened (and migrated) database.
 * @example
 * const storage = await createStorage(await openSqliteDialect(':memory:'), { seed: () => loadSeed('data') });
 */
export async function createStorage(dialect: StorageDialect, options: StorageOptions = {}): Promise<Storage> {
  const { db } = dialect;
  try {
    if (options.seed) await seedIfNew(dialect, options.seed);
  } catch (error) {
    await dialect.close();
    throw error;
  }
  const group = options.groupCommit === false ? false : { maxBatch: dialect.groupCommitMaxBatch, ...options.groupCommit };
  const consultations = createConsultationCache();
  const log = createEventLog(dialect, options.eventLog, group, (messages) => messages.forEach((m) => consultations.heard(m.event.type)));
  // another process's changes, by NOTIFY on PostgreSQL (SQLite has one process: its own are heard above already)
  const unlisten = dialect.listen((message) => consultations.heard(message.event.type));

  return {
    kind: dialect.kind,
    ...(dialect.rateCounter ? { rateCounter: dialect.rateCounter } : {}),
    async listConsultations() {
      const rows = await selectConsultations(db)
        .select((eb) => eb.selectFrom('pins').select((p) => p.fn.countAll().as('n'))
          .whereRef('pins.consultation_id', '=', 'consultations.id').where('pins.hidden', '=', dialect.bool(false)).as('pins'))
        .execute();
      return rows.map((row) => ({ ...rowToConsultation(row), pins: Number(row.pins ?? 0) }));
    },
    getConsultation: (slug) => consultations.get({ slug }, () => findConsultation(db, { slug })),
    getConsultationById: (id) => consultations.get({ id }, () => findConsultation(db, { id })),
    createConsultation: (input, actor) =>
      db.transaction().execute(async (trx) => {
        // one at a time, so creation times (the order of consultations) are unique
        await dialect.lockSetup(trx, 'consultations');
        const consultation = await insertConsultation(trx, input, new Date());
        if (!consultation) return { ok: false as const, code: 'slug-taken' as const };
        await writeAudit(trx, { consultationId: consultation.id, at: consultation.createdAt, actor, action: 'create-consultation', reason: consultation.slug });
        return { ok: true as const, consultation };
      }),
    updateConsultation: (id, changes, actor, at) =>
      log.write(id, async (trx, record) => {
        let query = selectConsultations(trx).where('id', '=', id);
        if (dialect.rowLocks) query = query.forUpdate();
        const row = await query.executeTakeFirst();
        if (!row) return null;
        const next = applyConsultationChanges(rowToConsultation(row), changes, at);
        await writeConsultation(trx, next);
        await writeAudit(trx, { consultationId: id, at, actor, action: 'update-consultation', reason: Object.keys(changes).sort().join(', ') });
        await record({ type: 'consultation-updated' });
        return next;
      }),
    consultation: (id) => consultationStorage(dialect, log, id),
    async serverSecret(generate) {
      // the first process to get here stores its secret; every other one (and every later start) reads that one
      await db.insertInto('server_settings').values({ key: 'secret', value: generate() }).onConflict((oc) => oc.column('key').doNothing()).execute();
      const row = await db.selectFrom('server_settings').select('value').where('key', '=', 'secret').executeTakeFirstOrThrow();
      return row.value;
    },
    adoptAuthor: (legacy, keyed) =>
      db.transaction().execute(async (trx) => {
        const consultations = (await trx.selectFrom('consultations').select('id').execute()).map((c) => c.id);
        const pins = consultations.length === 0 ? { numUpdatedRows: 0n } : await rekeyPins(trx, consultations, legacy, keyed).executeTakeFirst();
        // a support given under both hashes (cannot happen through the API, but a retried upgrade must not fail) keeps one
        const both = trx.selectFrom('supports as k').select('k.pin_id').where('k.supporter', '=', keyed);
        await trx.deleteFrom('supports').where('supporter', '=', legacy).where('pin_id', 'in', both).execute();
        const supports = await trx.updateTable('supports').set({ supporter: keyed }).where('supporter', '=', legacy).executeTakeFirst();
        return Number(pins.numUpdatedRows) + Number(supports.numUpdatedRows);
      }),
    ...staffStorage(db),
    subscribe(listener) {
      return dialect.listen((message) => listener(message.event, message.id, message.consultationId));
    },
    async close() {
      unlisten();
      await log.settle();
      await dialect.close();
    },
  };
}
