// the pin rules of one consultation (idempotency, one support per device, moderation, all-or-nothing replacements),
// written once over Kysely for both databases.
import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import type { AreaCollection, Theme } from '../../core/types.ts';
import type { Database } from './db/database.ts';
import type { StorageDialect } from './db/storageDialect.ts';
import { dialogueStorage } from './dialogueStorage.ts';
import { applyChanges, scopedKey } from './pinRows.ts';
import { listAudit, writeAudit } from './queries/audit.ts';
import { budgetStorage } from './queries/budgetQueries.ts';
import type { CombinedChange, EventLog } from './queries/events.ts';
import { layerStorage } from './queries/layerQueries.ts';
import { countPins, insertNewPins, insertPins, listPins, selectPin, selectPinByKey, setAreas } from './queries/pins.ts';
import type { NewPin } from './queries/pins.ts';
import type { ConsultationStorage, ReplaceResult, ServerPin } from './storage.ts';

/** the new pins of a group commit in one INSERT and their events in another (one of each for a lone pin too) */
const createPinsWith = (dialect: StorageDialect): CombinedChange<NewPin, ServerPin | null> => async (trx, inputs, recordAll) => {
  const stored = await insertNewPins(trx, dialect, inputs);
  await recordAll(stored.flatMap((pin, i) => (pin ? [{ consultationId: inputs[i]!.consultationId, event: { type: 'pin-created' as const, pin } }] : [])));
  return stored;
};

const EMPTY_AREAS: AreaCollection = { type: 'FeatureCollection', features: [] };
const refusal = (code: 'pins-outside-areas' | 'themes-in-use', ids: string[]): ReplaceResult => ({ ok: false, code, count: ids.length, sample: ids.slice(0, 20) });

/**
 * What lives inside one consultation. Cheap: no I/O until a method is called; an id that does not exist sees nothing.
 * @example
 * const here = consultationStorage(dialect, log, consultationId); await here.listPins({ kind: 'asset' });
 */
export function consultationStorage(dialect: StorageDialect, log: EventLog, consultationId: string): ConsultationStorage {
  const { db } = dialect;
  const id = consultationId;
  const createPins = createPinsWith(dialect);
  const readCatalog = async () => db.selectFrom('consultations').select(['areas', 'themes']).where('id', '=', id).executeTakeFirst();
  /** writes the new areas or themes into the consultation row; a consultation that does not exist is a programming error */
  const putCatalog = async (trx: Transaction<Database>, column: 'areas' | 'themes', text: string, now: string) => {
    const result = await trx.updateTable('consultations').set({ [column]: text, updated_at: now }).where('id', '=', id).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new Error(`no consultation ${id}`);
  };

  return {
    consultationId,
    ...dialogueStorage(dialect, log, consultationId),
    budget: () => budgetStorage(db, id),
    layers: () => layerStorage(db, id),
    async getAreas() {
      const row = await readCatalog();
      return row ? (JSON.parse(row.areas) as AreaCollection) : EMPTY_AREAS;
    },
    async getAreasText() {
      return (await readCatalog())?.areas ?? JSON.stringify(EMPTY_AREAS);
    },
    async getThemes() {
      const row = await readCatalog();
      return row ? (JSON.parse(row.themes) as Theme[]) : [];
    },
    async pinPositions() {
      const rows = await db.selectFrom('pins').select(['lng', 'lat']).where('consultation_id', '=', id).execute();
      const out = new Float64Array(rows.length * 2);
      rows.forEach((r, i) => {
        out[i * 2] = Number(r.lng);
        out[i * 2 + 1] = Number(r.lat);
      });
      return out;
    },
    replaceAreas: (areas, locate, actor) =>
      log.write(id, async (trx, record) => {
        // blocks pin writes until the new areas are in, so no pin is assigned against the old ones meanwhile
        await dialect.lockPinsTable(trx);
        const rows = await trx.selectFrom('pins').select(['id', 'lng', 'lat', 'area']).where('consultation_id', '=', id).execute();
        const assigned = rows.map((r) => ({ id: r.id, was: r.area, area: locate([Number(r.lng), Number(r.lat)]) }));
        const outside = assigned.filter((a) => a.area === null).map((a) => a.id);
        if (outside.length) return refusal('pins-outside-areas', outside);
        await setAreas(trx, id, assigned.flatMap((a) => (a.area !== null && a.area !== a.was ? [{ id: a.id, area: a.area }] : [])));
        const now = new Date().toISOString();
        await putCatalog(trx, 'areas', typeof areas === 'string' ? areas : JSON.stringify(areas), now);
        await writeAudit(trx, { consultationId: id, at: now, actor, action: 'replace-areas' });
        await record({ type: 'areas-replaced' });
        return { ok: true as const, reassigned: assigned.length };
      }),
    replaceThemes: (themes, actor) =>
      log.write(id, async (trx, record) => {
        await dialect.lockPinsTable(trx);
        const kept = themes.map((t) => t.id);
        let used = trx.selectFrom('pins').select('id').where('consultation_id', '=', id);
        if (kept.length) used = used.where('theme', 'not in', kept);
        const ids = (await used.orderBy('id').execute()).map((r) => r.id);
        if (ids.length) return refusal('themes-in-use', ids);
        const now = new Date().toISOString();
        await putCatalog(trx, 'themes', JSON.stringify(themes), now);
        await writeAudit(trx, { consultationId: id, at: now, actor, action: 'replace-themes' });
        await record({ type: 'themes-replaced' });
        return { ok: true as const, reassigned: 0 };
      }),
    listPins: (filter) => listPins(dialect, id, filter),
    countPins: () => countPins(db, id),
    getPin: (pinId) => selectPin(db, dialect, id, pinId),
    async createPin(pin, idempotency) {
      const key = idempotency ? scopedKey(pin.properties.author, idempotency.key) : null;
      const created = await log.batchCombined('create-pin', { consultationId: id, pin, key, fingerprint: idempotency?.fingerprint ?? null }, createPins);
      if (created) return { status: 'created', pin: created };
      const existing = key === null ? null : await selectPinByKey(db, id, key);
      if (!existing) return { status: 'id-taken' };
      return { status: existing.fingerprint === idempotency!.fingerprint ? 'replayed' : 'key-reused', pin: existing.pin };
    },
    bulkInsertPins: (pins) => db.transaction().execute((trx) => insertPins(trx, dialect, id, pins)),
    updatePin: (pinId, changes, updatedAt) =>
      log.batch(id, async (trx, record) => {
        const current = await selectPin(trx, dialect, id, pinId, true);
        if (!current) return null;
        const next = applyChanges(current, changes, updatedAt);
        const p = next.properties;
        const [lng, lat] = next.geometry.coordinates;
        await trx.updateTable('pins')
          .set({ kind: p.kind, theme: p.theme, title: p.title, note: p.note ?? null, sentiment: p.sentiment ?? null, area: p.area, lng: lng!, lat: lat!, updated_at: updatedAt })
          .where('id', '=', pinId)
          .execute();
        if (!p.hidden) await record({ type: 'pin-updated', pin: next });
        return next;
      }),
    deletePin: (pinId) =>
      log.batch(id, async (trx, record) => {
        const result = await trx.deleteFrom('pins').where('id', '=', pinId).where('consultation_id', '=', id).executeTakeFirst();
        const deleted = Number(result.numDeletedRows) === 1;
        if (deleted) {
          // the text leaves the log at once, not when the event is pruned: only the type and the pin's id stay
          await trx.updateTable('events').set((eb) => ({ payload: sql<string>`'{"type":"' || ${eb.ref('type')} || '","id":' || ${JSON.stringify(pinId)} || '}'` }))
            .where('pin_id', '=', pinId).where('consultation_id', '=', id).execute();
          await record({ type: 'pin-deleted', id: pinId });
        }
        return deleted;
      }),
    supportPin: (pinId, supporter, at, addressHash) =>
      log.batch(id, async (trx, record) => {
        if (!(await selectPin(trx, dialect, id, pinId, true))) return null;
        const inserted = await trx.insertInto('supports').values({ pin_id: pinId, supporter, at, address_hash: addressHash ?? null }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
        const added = Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
        if (added) await trx.updateTable('pins').set((eb) => ({ supports: eb('supports', '+', 1), updated_at: at })).where('id', '=', pinId).execute();
        const pin = (await selectPin(trx, dialect, id, pinId))!;
        if (added && !pin.properties.hidden) await record({ type: 'pin-updated', pin });
        return { pin, added };
      }),
    unsupportPin: (pinId, supporter, at) =>
      log.batch(id, async (trx, record) => {
        // the pin's row lock orders this against a concurrent support by the same device
        if (!(await selectPin(trx, dialect, id, pinId, true))) return null;
        const deleted = await trx.deleteFrom('supports').where('pin_id', '=', pinId).where('supporter', '=', supporter).executeTakeFirst();
        const removed = Number(deleted.numDeletedRows) === 1;
        if (removed) {
          await trx.updateTable('pins')
            .set((eb) => ({ supports: eb.case().when('supports', '>', 0).then(eb('supports', '-', 1)).else(0).end(), updated_at: at }))
            .where('id', '=', pinId)
            .execute();
        }
        const pin = (await selectPin(trx, dialect, id, pinId))!;
        if (removed && !pin.properties.hidden) await record({ type: 'pin-updated', pin });
        return { pin, removed };
      }),
    async supportReport(pinId) {
      const pin = await selectPin(db, dialect, id, pinId);
      if (!pin) return null;
      const rows = await db.selectFrom('supports').select(['address_hash', (eb) => eb.fn.countAll().as('n')])
        .where('pin_id', '=', pinId).groupBy('address_hash').execute();
      const byAddress = rows.map((r) => ({ addressHash: r.address_hash, supports: Number(r.n) })).sort((a, b) => b.supports - a.supports);
      return { supports: pin.properties.supports ?? 0, byAddress };
    },
    moderatePin: (pinId, m) =>
      log.write(id, async (trx, record) => {
        const result = await trx.updateTable('pins')
          .set({ hidden: dialect.bool(m.hidden), hidden_reason: m.hidden ? m.reason : null, updated_at: m.at })
          .where('id', '=', pinId).where('consultation_id', '=', id)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) return null;
        // a planner looked at it: its reports are settled either way
        await trx.deleteFrom('pin_reports').where('pin_id', '=', pinId).execute();
        await writeAudit(trx, { consultationId: id, at: m.at, actor: m.actor, action: m.hidden ? 'hide' : 'restore', pinId, reason: m.reason });
        const pin = (await selectPin(trx, dialect, id, pinId))!;
        await record(m.hidden ? { type: 'pin-hidden', id: pinId } : { type: 'pin-restored', pin });
        return pin;
      }),
    listAudit: (limit = 500) => listAudit(db, id, limit),
    subscribe(listener) {
      return dialect.listen((message) => {
        if (message.consultationId === id) listener(message.event, message.id);
      });
    },
    latestEventId: () => log.latestId(),
    eventsAfter: (afterId, limit) => log.after(id, afterId, limit),
  };
}
