// every request reads the consultation it names (its status and settings decide what it may do): at thousands of
// requests a second that was one database round trip each, on PostgreSQL the largest cost of a pin after its batch.
import type { Consultation, StorageEvent } from './storage.ts';

/** how long a consultation read is kept at most; a change made by this process, or heard from another, drops it at once */
export const CONSULTATION_CACHE_MS = 1000;

/** the events after which a stored consultation row is different (its settings and dates, or its updated time) */
const CHANGES_ROW: ReadonlySet<StorageEvent['type']> = new Set(['consultation-updated', 'areas-replaced', 'themes-replaced']);

export interface ConsultationCache {
  /** the consultation by slug or id: from the cache when read within CONSULTATION_CACHE_MS, else from `read` */
  get(by: { id: string } | { slug: string }, read: () => Promise<Consultation | null>): Promise<Consultation | null>;
  /** a committed event (this process's, or another's by NOTIFY): one that changes a consultation row empties the cache */
  heard(type: StorageEvent['type']): void;
}

/**
 * A short-lived cache of consultations. Only found ones are kept (a new slug is found the moment it is made). A change
 * in another process reaches this one by its event; should that be missed (a dropped LISTEN connection), the read is
 * at most CONSULTATION_CACHE_MS old.
 * @example
 * const cache = createConsultationCache();
 * await cache.get({ slug: 'parks' }, () => findConsultation(db, { slug: 'parks' }));
 */
export function createConsultationCache(clock: () => number = Date.now): ConsultationCache {
  let kept = new Map<string, { at: number; consultation: Consultation }>();
  // a read that started before a change must not put the old row back after the change emptied the cache
  let generation = 0;
  return {
    async get(by, read) {
      const key = 'id' in by ? `id:${by.id}` : `slug:${by.slug}`;
      const hit = kept.get(key);
      const now = clock();
      if (hit && now - hit.at < CONSULTATION_CACHE_MS) return hit.consultation;
      const started = generation;
      const consultation = await read();
      if (consultation && started === generation) kept.set(key, { at: now, consultation });
      return consultation;
    },
    heard(type) {
      if (!CHANGES_ROW.has(type)) return;
      generation++;
      kept = new Map();
    },
  };
}
