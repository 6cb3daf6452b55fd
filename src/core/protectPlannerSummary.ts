// the planner summary as the public may see it: its totals drawn from protected area counts, never exact beside them.
import type { PlannerLoadSummary } from './plannerEngine.ts';
import { overallFromPublished, suppressPartition } from './protectedCounts.ts';
import { isSuppressed, type PublishedCount, type PublishedCounts } from './smallCounts.ts';

/** the summary's counts as published: `pins` and `outside`, and the pins of each session in `sessions` order */
export interface PublishedSummary {
  pins: PublishedCount;
  outside: PublishedCount;
  sessions: PublishedCount[];
}

const shown = (c: PublishedCount) => (isSuppressed(c) ? (c.atLeast ?? 0) : c);

/**
 * A summary with small-count protection. `published` are the protected counts of every area and, last, of the pins
 * outside every area (protectPlannerResult(engine.query({ filter: {} … })).areas.published): the total is their sum as
 * the planner page shows "All areas" ("at least n" when any is hidden), so it cannot be set beside them to work a
 * hidden area out; outside is its own figure; sessions are parts of the total, protected as a partition and, when the
 * total is not exact, with one more withheld so their sum does not give it away. The plain fields hold what is shown
 * ("at least n" as n, hidden as 0); `published` says what each is. k <= 1 returns the summary unchanged.
 * @example
 * protectPlannerSummary(summary, protectedAreas.areas.published!, 5).published?.pins // => { suppressed: true, atLeast: 18 }
 */
export function protectPlannerSummary(summary: PlannerLoadSummary, published: readonly PublishedCounts[], k: number): PlannerLoadSummary {
  if (k <= 1) return summary;
  const pins = overallFromPublished(published).total;
  const outside = published[published.length - 1]?.total ?? 0;
  const sessions = suppressPartition(summary.sessions.map((s) => s.pins), k);
  if (isSuppressed(pins) && !sessions.some(isSuppressed)) {
    // every session shown would add up to the exact total: the smallest one that holds pins is withheld
    let smallest = -1;
    sessions.forEach((c, i) => {
      if ((c as number) > 0 && (smallest < 0 || (c as number) < (sessions[smallest] as number))) smallest = i;
    });
    if (smallest >= 0) sessions[smallest] = { suppressed: true };
  }
  return {
    ...summary,
    pins: shown(pins),
    outside: shown(outside),
    sessions: summary.sessions.map((s, i) => ({ id: s.id, pins: shown(sessions[i]!) })),
    published: { pins, outside, sessions },
    protection: { minCount: k },
  };
}
