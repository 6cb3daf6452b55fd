// a consultation's status as the server clock sees it: opensAt/closesAt switch it without anyone pressing a button.

export type ConsultationStatus = 'draft' | 'open' | 'closed' | 'archived';
export const CONSULTATION_STATUSES: readonly ConsultationStatus[] = ['draft', 'open', 'closed', 'archived'];

/** what the clock rule needs of a consultation; times are ISO 8601 */
export interface ConsultationTimes {
  status: ConsultationStatus;
  opensAt: string | null;
  closesAt: string | null;
  /** when a person (or creation) last set `status` */
  statusChangedAt: string;
}

/** a time that passed after the status was set by hand, and is not in the future */
const switchedAt = (at: string | null, c: ConsultationTimes, now: number): number | null => {
  if (at === null) return null;
  const t = Date.parse(at);
  return t > Date.parse(c.statusChangedAt) && t <= now ? t : null;
};

/**
 * The status in force at `now`. A scheduled time only acts if it passed after the status was last set by hand, so a
 * planner who reopens a consultation after its closing date keeps it open, and an archived one stays archived.
 * @example
 * effectiveStatus({ status: 'draft', opensAt: '2026-05-01T00:00:00Z', closesAt: null, statusChangedAt: '2026-04-01T00:00:00Z' }, Date.parse('2026-05-02T00:00:00Z'))
 * // => 'open'
 */
export function effectiveStatus(c: ConsultationTimes, now: number): ConsultationStatus {
  if (c.status === 'archived' || c.status === 'closed') return c.status;
  if (switchedAt(c.closesAt, c, now) !== null) return 'closed';
  if (c.status === 'draft' && switchedAt(c.opensAt, c, now) !== null) return 'open';
  return c.status;
}

/**
 * When it closed (for "closed since …"): the closing time if the clock closed it; when a person closed it, the moment
 * they did, or its scheduled closing time if that came first (a consultation closed by hand after its closing date, or
 * made already closed, closed on that date); null while it is not closed or archived.
 * @example
 * closedAt({ status: 'closed', opensAt: null, closesAt: null, statusChangedAt: '2026-06-01T09:00:00.000Z' }, Date.now()) // => '2026-06-01T09:00:00.000Z'
 * closedAt({ status: 'closed', opensAt: null, closesAt: '2025-07-31T00:00:00Z', statusChangedAt: '2026-06-01T09:00:00.000Z' }, Date.now()) // => '2025-07-31T00:00:00.000Z'
 */
export function closedAt(c: ConsultationTimes, now: number): string | null {
  const status = effectiveStatus(c, now);
  if (status !== 'closed' && status !== 'archived') return null;
  const scheduled = c.closesAt === null ? null : Date.parse(c.closesAt);
  if (c.status !== 'closed' && c.status !== 'archived') return new Date(scheduled!).toISOString();
  const byHand = Date.parse(c.statusChangedAt);
  return new Date(scheduled !== null && scheduled < byHand ? scheduled : byHand).toISOString();
}

/** residents may add, edit and support pins only while it is open */
export function acceptsContributions(status: ConsultationStatus): boolean {
  return status === 'open';
}
