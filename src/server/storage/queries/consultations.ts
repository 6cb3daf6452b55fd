// consultation rows: reading, creating (with areas and themes) and changing them.
import crypto from 'node:crypto';
import type { ConsultationsTable, Executor } from '../db/database.ts';
import type { Consultation, ConsultationChanges, ConsultationStatus, NewConsultation } from '../storage.ts';

const CONSULTATION_COLUMNS = ['id', 'slug', 'title', 'summary', 'status', 'opens_at', 'closes_at', 'status_changed_at', 'settings', 'created_at', 'updated_at'] as const;
type ConsultationRow = Pick<ConsultationsTable, (typeof CONSULTATION_COLUMNS)[number]>;

export function rowToConsultation(row: ConsultationRow): Consultation {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    status: row.status as ConsultationStatus,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    statusChangedAt: row.status_changed_at,
    settings: JSON.parse(row.settings) as Record<string, unknown>,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** oldest first; the first is the default consultation (creation times are made unique, see nextCreatedAt) */
export function selectConsultations(x: Executor) {
  return x.selectFrom('consultations').select(CONSULTATION_COLUMNS).orderBy('created_at').orderBy('slug');
}

export async function findConsultation(x: Executor, by: { id: string } | { slug: string }): Promise<Consultation | null> {
  const query = 'id' in by ? selectConsultations(x).where('id', '=', by.id) : selectConsultations(x).where('slug', '=', by.slug);
  const row = await query.executeTakeFirst();
  return row ? rowToConsultation(row) : null;
}

/**
 * `now`, or a millisecond after the newest consultation when that is not earlier, so "oldest first" never ties (two
 * made in one millisecond, or a clock that stepped back). Callers hold the `consultations` setup lock on PostgreSQL.
 */
async function nextCreatedAt(x: Executor, now: Date): Promise<string> {
  const newest = await x.selectFrom('consultations').select((eb) => eb.fn.max('created_at').as('at')).executeTakeFirst();
  const after = newest?.at ? Date.parse(newest.at) + 1 : -Infinity;
  return new Date(Math.max(now.getTime(), after)).toISOString();
}

/** inserts it unless the slug is taken; null when it is */
export async function insertConsultation(x: Executor, input: NewConsultation, now: Date): Promise<Consultation | null> {
  const createdAt = await nextCreatedAt(x, now);
  const row: ConsultationsTable = {
    id: crypto.randomUUID(),
    slug: input.slug,
    title: input.title,
    summary: input.summary,
    status: input.status,
    opens_at: input.opensAt,
    closes_at: input.closesAt,
    status_changed_at: createdAt,
    settings: JSON.stringify(input.settings),
    areas: JSON.stringify(input.areas),
    themes: JSON.stringify(input.themes),
    created_at: createdAt,
    updated_at: createdAt,
  };
  const result = await x.insertInto('consultations').values(row).onConflict((oc) => oc.column('slug').doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1 ? rowToConsultation(row) : null;
}

/** the consultation after `changes`; `statusChangedAt` moves whenever a status is given */
export function applyConsultationChanges(current: Consultation, changes: ConsultationChanges, at: string): Consultation {
  const next: Consultation = { ...current, updatedAt: at };
  if (changes.title !== undefined) next.title = changes.title;
  if (changes.summary !== undefined) next.summary = changes.summary;
  if (changes.opensAt !== undefined) next.opensAt = changes.opensAt;
  if (changes.closesAt !== undefined) next.closesAt = changes.closesAt;
  if (changes.settings !== undefined) next.settings = changes.settings;
  if (changes.status !== undefined) {
    next.status = changes.status;
    next.statusChangedAt = at;
  }
  return next;
}

export async function writeConsultation(x: Executor, c: Consultation): Promise<void> {
  await x.updateTable('consultations')
    .set({ title: c.title, summary: c.summary, status: c.status, opens_at: c.opensAt, closes_at: c.closesAt, status_changed_at: c.statusChangedAt, settings: JSON.stringify(c.settings), updated_at: c.updatedAt })
    .where('id', '=', c.id)
    .execute();
}
