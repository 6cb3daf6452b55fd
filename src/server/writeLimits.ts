// the rate limits every write passes: one place that counts a request against each of its limits and refuses with 429.
import { ApiError } from './apiError.ts';
import type { RateLimiter } from './rateLimiter.ts';

/**
 * Counts one hit on every `[limiter, key]`, in order, and refuses with `429 rate-limited` (and Retry-After) at the first
 * that is over its limit; `what` names what there were too many of.
 * @example
 * await enforceLimits([[ctx.limits.writesPerDevice, device.author], [ctx.limits.writesPerAddress, request.ip]], 'changes');
 */
export async function enforceLimits(checks: readonly (readonly [RateLimiter, string])[], what: string, code = 'rate-limited'): Promise<void> {
  for (const [limiter, key] of checks) {
    const decision = await limiter.hit(key);
    if (!decision.ok) throw new ApiError(429, code, `Too many ${what}; try again in ${decision.retryAfterSeconds} s.`, { retryAfterSeconds: decision.retryAfterSeconds });
  }
}
