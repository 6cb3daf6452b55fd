// the pins this device commented on, remembered per consultation in the browser's storage, so the device hears back
// about them ("answered") without an account, as it does about its own and supported pins.

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

/** the most pins remembered: a device that comments on more forgets its oldest */
const MAX_REMEMBERED = 500;

export interface CommentedPins {
  read(): ReadonlySet<string>;
  /** remembers pins and returns the whole set (unchanged when they were known) */
  add(ids: readonly string[]): ReadonlySet<string>;
}

/**
 * The remembered set for one consultation (its API base keys it); without storage (blocked, or in node) it lives in memory.
 * @example
 * const commented = commentedPins('/api/consultations/park'); commented.add(['pin-1']); commented.read().has('pin-1') // => true
 */
export function commentedPins(consultationBase: string, storage: Storage | undefined = globalThis.localStorage): CommentedPins {
  const key = `coplan.commented:${consultationBase}`;
  let known: string[] | null = null;
  const load = (): string[] => {
    if (known) return known;
    try {
      const parsed: unknown = JSON.parse(storage?.getItem(key) ?? '[]');
      known = Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
    } catch {
      // unreadable or blocked storage: start empty rather than fail the map
      known = [];
    }
    return known;
  };
  return {
    read: () => new Set(load()),
    add(ids) {
      const list = load();
      const fresh = ids.filter((id) => !list.includes(id));
      if (fresh.length) {
        known = [...list, ...fresh].slice(-MAX_REMEMBERED);
        try {
          storage?.setItem(key, JSON.stringify(known));
        } catch {
          // full or blocked: remembered for this visit only
        }
      }
      return new Set(load());
    },
  };
}
