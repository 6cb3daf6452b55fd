// the planner engine's answers as the public may see them: every count through small-count protection before it is sent.
import type { ClusterMarkWithTitle, PlannerResult } from './plannerEngine.ts';
import { protectCountArrays, protectWeeks, publishMark } from './protectedCounts.ts';
import { isSuppressed } from './smallCounts.ts';

/**
 * A planner result with small-count protection on the areas (and outside), hexes and weeks; the top pins stay (each
 * is one pin with its supports, as the resident map shows it). k <= 1 returns it unchanged.
 * @example
 * protectPlannerResult(engine.query(q), 5).areas.published?.[0]?.total // => 41 or { suppressed: true, lessThan: 5 }
 */
export function protectPlannerResult(result: PlannerResult, k: number): PlannerResult {
  if (k <= 1) return result;
  return {
    ...result,
    areas: protectCountArrays(result.areas, k),
    hexes: protectCountArrays(result.hexes, k),
    weeks: protectWeeks(result.weeks, k),
    protection: { minCount: k },
  };
}

/**
 * Cluster marks with small-count protection: a cluster's count and theme mix through publishMark (hidden figures 0
 * in `count`/`mix`, said in `published`); asset and priority are not sent (0), as the mix already splits the count.
 * Single pins stay as they are: each is one pin the resident map shows anyway. A cluster's `bounds` are not sent: the
 * corners of a small cluster's extent are its pins' places.
 * @example
 * protectClusterMarks(marks, 5)[0].published?.count // => 12 or { suppressed: true, lessThan: 5 }
 */
export function protectClusterMarks(marks: readonly ClusterMarkWithTitle[], k: number): ClusterMarkWithTitle[] {
  return marks.map(({ bounds: _staffOnly, ...mark }) => {
    if (k <= 1) return mark;
    if (mark.row >= 0) return mark;
    const published = publishMark(mark.count, mark.mix, k);
    const shown = (c: typeof published.count) => (isSuppressed(c) ? 0 : c);
    return { ...mark, count: shown(published.count), mix: published.mix.map(shown), asset: 0, priority: 0, published };
  });
}
