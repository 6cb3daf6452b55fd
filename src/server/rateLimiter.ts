// fixed-window request counting per key (device, address), in process memory.

export interface RateLimit {
  /** how many within one window; 0 turns the limit off */
  max: number;
  windowMs: number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Counts hits per key in fixed windows.
 * WARNING: counts are per process; with N processes behind a load balancer a client may get up to N times the limit.
 * @example
 * const limiter = createRateLimiter({ max: 2, windowMs: 60_000 });
 * limiter.hit('a'); limiter.hit('a'); limiter.hit('a') // => { ok: false, retryAfterSeconds: 60 }
 */
export function createRateLimiter(limit: RateLimit, clock: () => number = Date.now) {
  const windows = new Map<string, { count: number; resetAt: number }>();
  const sweep = (now: number) => {
    for (const [key, w] of windows) if (w.resetAt <= now) windows.delete(key);
  };
  const current = (key: string, now: number) => {
    let w = windows.get(key);
    if (!w || w.resetAt <= now) {
      if (windows.size > 50_000) sweep(now);
      w = { count: 0, resetAt: now + limit.windowMs };
      windows.set(key, w);
    }
    return w;
  };
  return {
    /** counts one hit and says whether it is within the limit */
    hit(key: string): RateDecision {
      if (limit.max <= 0) return { ok: true };
      const now = clock();
      const w = current(key, now);
      if (w.count >= limit.max) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((w.resetAt - now) / 1000)) };
      w.count += 1;
      return { ok: true };
    },
    /** whether a key is already over the limit, without counting */
    check(key: string): RateDecision {
      if (limit.max <= 0) return { ok: true };
      const now = clock();
      const w = windows.get(key);
      if (!w || w.resetAt <= now || w.count < limit.max) return { ok: true };
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((w.resetAt - now) / 1000)) };
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
