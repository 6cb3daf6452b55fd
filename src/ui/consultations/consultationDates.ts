// when a consultation closed, for "closed on …": the closing date when the clock closed it, else when a person did.
import type { ConsultationSummary } from '../../persistence/staffApi.ts';

/** the moment it closed, or null while it is not closed or archived (or the server did not say) */
export function closedAt(c: Pick<ConsultationSummary, 'status' | 'closesAt' | 'statusChangedAt'> & { closedAt?: string | null }, now = Date.now()): string | null {
  if (c.status !== 'closed' && c.status !== 'archived') return null;
  if (c.closedAt) return c.closedAt;
  if (c.closesAt && Date.parse(c.closesAt) <= now && (!c.statusChangedAt || Date.parse(c.closesAt) >= Date.parse(c.statusChangedAt))) return c.closesAt;
  return c.statusChangedAt ?? c.closesAt;
}
