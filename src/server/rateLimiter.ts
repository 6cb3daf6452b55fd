// fixed-window request counting per key (device, address); where the counts live is pluggable (process memory, PostgreSQL).

export interface RateLimit {
  /** how many within one window; 0 turns the limit off */
  max: number;
  windowMs: number;
}

/** one key's window: [start, end) in ms since the epoch, aligned to the window length so every process agrees on it */
export interface RateWindow {
  key: string;
  start: number;
  end: number;
}

/** where hits are counted. Every method must be atomic for concurrent callers. */
export interface RateCounter {
  /** adds one hit to the window and returns the window's count including it */
  add(window: RateWindow): Promise<number>;
  /** the window's count, without counting (0 when there is none) */
  read(window: RateWindow): Promise<number>;
  /** takes one hit back (never below 0) */
  remove(window: RateWindow): Promise<void>;
}

/** `counted`: the window this hit was counted in, for `undo` */
export type RateDecision = { ok: true; counted?: RateWindow } | { ok: false; retryAfterSeconds: number };

/**
 * Counts in process memory: right for one process (SQLite).
 * WARNING: with N processes behind a load balancer each counts alone and a client may get up to N times the limit;
 * PostgreSQL storage brings a shared counter (storage.rateCounter) instead.
 * @example
 * const counter = createMemoryRateCounter();
 * await counter.add({ key: 'a', start: 0, end: 60_000 }) // => 1
 */
export function createMemoryRateCounter(clock: () => number = Date.now): RateCounter {
  const windows = new Map<string, { count: number; end: number }>();
  const id = (w: RateWindow) => `${w.start}:${w.key}`;
  const sweep = () => {
    const now = clock();
    for (const [key, w] of windows) if (w.end <= now) windows.delete(key);
  };
  return {
    async add(w) {
      let entry = windows.get(id(w));
      if (!entry) {
        if (windows.size > 50_000) sweep();
        entry = { count: 0, end: w.end };
        windows.set(id(w), entry);
      }
      entry.count += 1;
      return entry.count;
    },
    async read(w) {
      return windows.get(id(w))?.count ?? 0;
    },
    async remove(w) {
      const entry = windows.get(id(w));
      if (entry && entry.count > 0) entry.count -= 1;
    },
  };
}

/**
 * Counts hits per key in fixed windows aligned to the clock (so processes sharing a counter share windows too).
 * `name` keeps limiters apart when they share one counter.
 * @example
 * const limiter = createRateLimiter('pins', { max: 2, windowMs: 60_000 }, createMemoryRateCounter());
 * await limiter.hit('a'); await limiter.hit('a'); await limiter.hit('a') // => { ok: false, retryAfterSeconds: … }
 */
export function createRateLimiter(name: string, limit: RateLimit, counter: RateCounter, clock: () => number = Date.now) {
  const windowOf = (key: string, now: number): RateWindow => {
    const start = Math.floor(now / limit.windowMs) * limit.windowMs;
    return { key: `${name}:${key}`, start, end: start + limit.windowMs };
  };
  const refused = (w: RateWindow, now: number): RateDecision => ({ ok: false, retryAfterSeconds: Math.max(1, Math.ceil((w.end - now) / 1000)) });
  return {
    /** counts one hit and says whether it is within the limit (a refused hit counts too; the window ends all the same) */
    async hit(key: string): Promise<RateDecision> {
      if (limit.max <= 0) return { ok: true };
      const now = clock();
      const w = windowOf(key, now);
      const count = await counter.add(w);
      return count > limit.max ? refused(w, now) : { ok: true, counted: w };
    },
    /** whether a key is already at the limit, without counting */
    async check(key: string): Promise<RateDecision> {
      if (limit.max <= 0) return { ok: true };
      const now = clock();
      const w = windowOf(key, now);
      return (await counter.read(w)) >= limit.max ? refused(w, now) : { ok: true };
    },
    /** takes back a hit that turned out not to count (e.g. a sign-in attempt that was right after all) */
    async undo(decision: RateDecision): Promise<void> {
      if (decision.ok && decision.counted) await counter.remove(decision.counted);
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
