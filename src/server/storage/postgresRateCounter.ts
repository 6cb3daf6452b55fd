// rate-limit counts in PostgreSQL, so every server process sharing the database shares one limit per client; the
// UNLOGGED table `rate_limits` is made by the first migration (migrations/2026-12-01-0001-initial.ts).
import type pg from 'pg';
import type { RateCounter } from '../rateLimiter.ts';

export interface PostgresRateCounterOptions {
  /** windows that ended are deleted at most this often, while hits keep coming (default one minute) */
  pruneEveryMs?: number;
  clock?: () => number;
}

/**
 * Counts with one atomic upsert per hit, so concurrent hits from several processes are all counted.
 * WARNING: windows are aligned to each process's clock; keep the machines' clocks in sync (NTP), or a process whose clock
 * is off starts and ends windows at other moments than the rest.
 * @example
 * const counter = createPostgresRateCounter(pool);
 * await counter.add({ key: 'pins:abc', start: 0, end: 60_000 }) // => 1, then 2, … from any process
 */
export function createPostgresRateCounter(pool: pg.Pool, options: PostgresRateCounterOptions = {}): RateCounter {
  const pruneEveryMs = options.pruneEveryMs ?? 60_000;
  const clock = options.clock ?? Date.now;
  let prunedAt = -Infinity;
  const prune = () => {
    const now = clock();
    if (now - prunedAt < pruneEveryMs) return;
    prunedAt = now;
    // not awaited: a hit need not wait for the clean-up, and a failed clean-up is retried next time
    pool.query('DELETE FROM rate_limits WHERE expires_at <= $1', [now]).catch((err: unknown) => {
      prunedAt = -Infinity;
      console.warn(`coplan: deleting old rate-limit windows failed: ${err instanceof Error ? err.message : String(err)}`);
    });
  };
  return {
    async add(w) {
      prune();
      const r = await pool.query<{ count: number }>(
        `INSERT INTO rate_limits (key, window_start, expires_at, count) VALUES ($1, $2, $3, 1)
         ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1 RETURNING count`,
        [w.key, w.start, w.end],
      );
      return r.rows[0]!.count;
    },
    async read(w) {
      const r = await pool.query<{ count: number }>('SELECT count FROM rate_limits WHERE key = $1 AND window_start = $2', [w.key, w.start]);
      return r.rows[0]?.count ?? 0;
    },
    async remove(w) {
      await pool.query('UPDATE rate_limits SET count = count - 1 WHERE key = $1 AND window_start = $2 AND count > 0', [w.key, w.start]);
    },
  };
}
