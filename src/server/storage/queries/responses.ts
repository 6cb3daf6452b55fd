// planners' answers on pins: the answer on the pin's row, every change in response_history with the one before it,
// an audit entry per change and a pin-answered event while the pin is visible.
import type { ResponseStatus } from '../../../core/dialogue/responseStatus.ts';
import type { Database, Executor } from '../db/database.ts';
import type { StorageDialect } from '../db/storageDialect.ts';
import type { Answer, ResponseChange } from '../dialogue.ts';
import { PIN_COLUMNS, rowToPin } from '../pinRows.ts';
import type { ServerPin } from '../storage.ts';
import { writeAudit } from './audit.ts';
import type { RecordEvent } from './events.ts';
import { selectPin } from './pins.ts';
import type { Transaction } from 'kysely';

/** sets one pin's answer inside the open transaction; null when the pin is not in this consultation */
export async function setAnswer(trx: Transaction<Database>, dialect: StorageDialect, consultationId: string, pinId: string, answer: Answer, record: RecordEvent): Promise<ServerPin | null> {
  const current = await selectPin(trx, dialect, consultationId, pinId, true);
  if (!current) return null;
  const previous = current.properties.response ?? null;
  await trx.insertInto('response_history').values({
    consultation_id: consultationId, pin_id: pinId, at: answer.at, actor: answer.actor, user_id: answer.userId,
    status: answer.status, text: answer.text, previous_status: previous?.status ?? null, previous_text: previous?.text ?? null, previous_at: previous?.at ?? null,
  }).execute();
  await trx.updateTable('pins')
    .set({ response_status: answer.status, response_text: answer.text, response_at: answer.at, response_by: answer.userId, updated_at: answer.at })
    .where('id', '=', pinId).where('consultation_id', '=', consultationId)
    .execute();
  await writeAudit(trx, { consultationId, at: answer.at, actor: answer.actor, action: 'answer', pinId, reason: `${previous?.status ?? 'none'} → ${answer.status}` });
  const pin = (await selectPin(trx, dialect, consultationId, pinId))!;
  // a hidden pin's answer is kept but not announced, as its edits are not
  if (!pin.properties.hidden) await record({ type: 'pin-answered', pin });
  return pin;
}

/** which of `ids` are not pins of this consultation */
export async function missingPins(x: Executor, consultationId: string, ids: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await x.selectFrom('pins').select('id').where('consultation_id', '=', consultationId).where('id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) found.add(r.id);
  }
  return ids.filter((id) => !found.has(id));
}

export async function responseHistory(x: Executor, consultationId: string, pinId: string): Promise<ResponseChange[]> {
  const rows = await x.selectFrom('response_history').selectAll()
    .where('consultation_id', '=', consultationId).where('pin_id', '=', pinId).orderBy('id').execute();
  return rows.map((r) => ({
    at: r.at, actor: r.actor, status: r.status as ResponseStatus, text: r.text,
    previous: r.previous_status === null ? null : { status: r.previous_status as ResponseStatus, text: r.previous_text ?? '', at: r.previous_at ?? '' },
  }));
}

/** visible answered pins, newest answer first */
export async function answeredPins(dialect: StorageDialect, consultationId: string, limit: number): Promise<ServerPin[]> {
  const rows = await dialect.db.selectFrom('pins').select(PIN_COLUMNS)
    .where('consultation_id', '=', consultationId).where('hidden', '=', dialect.bool(false)).where('response_at', 'is not', null)
    .orderBy('response_at', 'desc').orderBy('id').limit(limit).execute();
  return rows.map(rowToPin);
}
