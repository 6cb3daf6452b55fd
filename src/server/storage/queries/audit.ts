// the audit log: who hid, restored or replaced what, and (server-wide, consultation null) who changed accounts.
import type { Executor } from '../db/database.ts';
import type { AuditEntry } from '../storage.ts';

export async function writeAudit(
  x: Executor,
  entry: { consultationId: string | null; at: string; actor: string; action: AuditEntry['action']; pinId?: string | null; reason?: string | null },
): Promise<void> {
  await x.insertInto('audit')
    .values({ consultation_id: entry.consultationId, at: entry.at, actor: entry.actor, action: entry.action, pin_id: entry.pinId ?? null, reason: entry.reason ?? null })
    .execute();
}

/** one consultation's entries, newest first */
export async function listAudit(x: Executor, consultationId: string, limit: number): Promise<AuditEntry[]> {
  const rows = await x.selectFrom('audit').select(['id', 'at', 'actor', 'action', 'pin_id', 'reason'])
    .where('consultation_id', '=', consultationId).orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ id: Number(r.id), at: r.at, actor: r.actor, action: r.action as AuditEntry['action'], pinId: r.pin_id, reason: r.reason }));
}
