// when this device last opened a consultation, kept in the browser's storage, for "what changed since your last visit".
// Reloads within a visit keep the same "last visit", so the list does not vanish on a refresh.

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

/** a gap this long between openings starts a new visit */
export const VISIT_GAP_MS = 30 * 60 * 1000;

interface VisitRecord {
  /** when the visit before this one started (null: this is the first) */
  previous: string | null;
  /** when this visit started, and when the consultation was last opened in it */
  start: string;
  seen: string;
  dismissed: boolean;
}

export interface Visit {
  previous: string | null;
  dismissed: boolean;
}

const keyFor = (consultationBase: string) => `coplan.visit:${consultationBase}`;

function read(storage: Storage | undefined, key: string): VisitRecord | null {
  try {
    const parsed = JSON.parse(storage?.getItem(key) ?? 'null') as Partial<VisitRecord> | null;
    return parsed && typeof parsed.start === 'string' && typeof parsed.seen === 'string' ? { previous: typeof parsed.previous === 'string' ? parsed.previous : null, start: parsed.start, seen: parsed.seen, dismissed: parsed.dismissed === true } : null;
  } catch {
    return null;
  }
}

function write(storage: Storage | undefined, key: string, record: VisitRecord): void {
  try {
    storage?.setItem(key, JSON.stringify(record));
  } catch {
    // blocked or full: the next visit shows nothing new, which is safe
  }
}

/**
 * The consultation was opened at `now`: returns when the last visit started (null on a first visit) and whether its
 * changes were dismissed in this visit.
 * @example
 * visitOpened('/api/consultations/park', new Date('2026-12-01T10:00:00Z'), storage) // => { previous: null, dismissed: false }
 */
export function visitOpened(consultationBase: string, now: Date, storage: Storage | undefined = globalThis.localStorage): Visit {
  const key = keyFor(consultationBase);
  const record = read(storage, key);
  const at = now.toISOString();
  const sameVisit = record !== null && now.getTime() - Date.parse(record.seen) < VISIT_GAP_MS;
  const next: VisitRecord = sameVisit ? { ...record, seen: at } : { previous: record?.start ?? null, start: at, seen: at, dismissed: false };
  write(storage, key, next);
  return { previous: next.previous, dismissed: next.dismissed };
}

/** the resident dismissed the list: not shown again in this visit */
export function visitChangesDismissed(consultationBase: string, storage: Storage | undefined = globalThis.localStorage): void {
  const key = keyFor(consultationBase);
  const record = read(storage, key);
  if (record) write(storage, key, { ...record, dismissed: true });
}
