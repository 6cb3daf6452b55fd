// the planner engine's answers as JSON (typed arrays as number lists) and back, checked on the way in.
import './zodJitless.ts';
import { z } from 'zod/mini';
import type { CountArrays } from './countPins.ts';
import type { ClusterMarkWithTitle, PlannerLoadSummary, PlannerResult } from './plannerEngine.ts';
import type { PublishedCount, PublishedCounts } from './smallCounts.ts';

/** The hex cell sizes the planner offers (metres); the server computes only these, so a client cannot make it cache arbitrary grids. */
export const PLANNER_HEX_SIZES: readonly number[] = [250, 500, 1000, 2000];

const count = z.number().check(z.int(), z.nonnegative());
const counts = z.array(count);

// a figure of a protected answer (smallCounts.ts): a count, or hidden with what may be said of it
const publishedCount = z.union([count, z.object({ suppressed: z.literal(true), lessThan: z.optional(count), atLeast: z.optional(count) })]);
const pair = z.object({ asset: publishedCount, priority: publishedCount });
const publishedCounts = z.object({ total: publishedCount, asset: publishedCount, priority: publishedCount, byTheme: z.record(z.string(), pair) });

const countArrays = z
  .object({ nGroups: count, themes: z.array(z.string()), total: counts, asset: counts, priority: counts, byTheme: counts, published: z.optional(z.array(publishedCounts)) })
  .check(
    z.refine((c) => c.total.length === c.nGroups + 1 && c.asset.length === c.nGroups + 1 && c.priority.length === c.nGroups + 1, 'total, asset and priority must have nGroups + 1 entries'),
    z.refine((c) => c.byTheme.length === (c.nGroups + 1) * c.themes.length * 2, 'byTheme must have (nGroups + 1) × themes × 2 entries'),
    z.refine((c) => c.published === undefined || c.published.length === c.nGroups + 1, 'published must have nGroups + 1 entries'),
  );

const topPin = z.object({ row: z.number().check(z.int()), title: z.string(), theme: z.string(), supports: count });

const resultSchema = z.object({
  areas: countArrays,
  hexMetres: z.number().check(z.positive()),
  hexes: countArrays,
  weeks: z.object({
    firstWeek: z.nullable(z.number()),
    asset: counts,
    priority: counts,
    undated: count,
    published: z.optional(z.object({ weeks: z.array(publishedCount), undated: publishedCount })),
  }),
  top: z.object({ asset: z.array(topPin), priority: z.array(topPin) }),
  computeMs: z.number(),
  protection: z.optional(z.object({ minCount: count })),
});

const summarySchema = z.object({
  pins: count,
  themes: z.array(z.string()),
  areas: count,
  timeRange: z.nullable(z.tuple([z.number(), z.number()])),
  outside: count,
  sessions: z.array(z.object({ id: z.string(), pins: count })),
  warnings: z.array(z.string()),
  loadMs: z.number(),
  published: z.optional(z.object({ pins: publishedCount, outside: publishedCount, sessions: z.array(publishedCount) })),
  protection: z.optional(z.object({ minCount: count })),
});

const clusterMark = z.object({
  lng: z.number(),
  lat: z.number(),
  count: count,
  mix: counts,
  row: z.number().check(z.int()),
  clusterId: z.number().check(z.int()),
  expansionZoom: z.number().check(z.int()),
  asset: count,
  priority: count,
  title: z.string(),
  kind: z.enum(['', 'asset', 'priority']),
  bounds: z.optional(z.tuple([z.number(), z.number(), z.number(), z.number()])),
  published: z.optional(z.object({ count: publishedCount, mix: z.array(publishedCount) })),
});

/** `mix` of every mark is indexed by `themes` */
const clusterSchema = z.object({ themes: z.array(z.string()), marks: z.array(clusterMark) });

function arraysToJson(c: CountArrays) {
  const json = { nGroups: c.nGroups, themes: c.themes, total: Array.from(c.total), asset: Array.from(c.asset), priority: Array.from(c.priority), byTheme: Array.from(c.byTheme) };
  return c.published ? { ...json, published: c.published } : json;
}

function arraysFromJson(c: z.infer<typeof countArrays>): CountArrays {
  const arrays: CountArrays = { nGroups: c.nGroups, themes: c.themes, total: Uint32Array.from(c.total), asset: Uint32Array.from(c.asset), priority: Uint32Array.from(c.priority), byTheme: Uint32Array.from(c.byTheme) };
  if (c.published) arrays.published = c.published as PublishedCounts[];
  return arrays;
}

/**
 * A planner result as plain JSON (JSON.stringify would turn typed arrays into objects keyed by index).
 * NaN (no dated pin) becomes null.
 * @example
 * JSON.stringify(plannerResultToJson(engine.query(q))).length // => a few kB for 18 areas
 */
export function plannerResultToJson(result: PlannerResult) {
  const { weeks } = result;
  return {
    areas: arraysToJson(result.areas),
    hexMetres: result.hexMetres,
    hexes: arraysToJson(result.hexes),
    weeks: {
      firstWeek: Number.isFinite(weeks.firstWeek) ? weeks.firstWeek : null,
      asset: Array.from(weeks.asset),
      priority: Array.from(weeks.priority),
      undated: weeks.undated,
      ...(weeks.published ? { published: weeks.published } : {}),
    },
    top: result.top,
    computeMs: result.computeMs,
    ...(result.protection ? { protection: result.protection } : {}),
  };
}

/** Why an answer from elsewhere is not a planner result, as one sentence per problem. */
export class PlannerWireError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'PlannerWireError';
  }
}

function checked<T>(schema: z.ZodMiniType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new PlannerWireError(parsed.error.issues.slice(0, 5).map((i) => `${what} ${i.path.join('.') || '(root)'}: ${i.message}`));
}

/**
 * Reads a planner result sent as JSON, checking every count and the array lengths.
 * @example
 * plannerResultFromJson(await res.json()).areas.total // => Uint32Array
 */
export function plannerResultFromJson(json: unknown): PlannerResult {
  const r = checked(resultSchema, json, 'the aggregates answer');
  return {
    areas: arraysFromJson(r.areas),
    hexMetres: r.hexMetres,
    hexes: arraysFromJson(r.hexes),
    weeks: {
      firstWeek: r.weeks.firstWeek ?? NaN,
      asset: Uint32Array.from(r.weeks.asset),
      priority: Uint32Array.from(r.weeks.priority),
      undated: r.weeks.undated,
      ...(r.weeks.published ? { published: r.weeks.published as { weeks: PublishedCount[]; undated: PublishedCount } } : {}),
    },
    top: r.top,
    computeMs: r.computeMs,
    ...(r.protection ? { protection: r.protection } : {}),
  };
}

export function plannerSummaryFromJson(json: unknown): PlannerLoadSummary {
  return checked(summarySchema, json, 'the summary answer');
}

/**
 * Reads clusters sent as JSON and re-indexes each mark's per-theme mix from the sender's theme order to `themes`
 * (a theme the receiver does not know yet is left out of the mix, not misattributed).
 * @example
 * plannerClustersFromJson({ themes: ['b', 'a'], marks: [{ …, mix: [2, 1] }] }, ['a', 'b'])[0].mix // => [1, 2]
 */
export function plannerClustersFromJson(json: unknown, themes: readonly string[]): ClusterMarkWithTitle[] {
  const sent = checked(clusterSchema, json, 'the clusters answer');
  const at = sent.themes.map((id) => themes.indexOf(id));
  const reindex = <T,>(values: readonly T[], empty: T): T[] => {
    const out = new Array<T>(themes.length).fill(empty);
    values.forEach((n, i) => {
      const j = at[i] ?? -1;
      if (j >= 0) out[j] = n;
    });
    return out;
  };
  return sent.marks.map(({ published, ...mark }) => {
    const out: ClusterMarkWithTitle = { ...mark, mix: reindex(mark.mix, 0) };
    if (published) out.published = { count: published.count as PublishedCount, mix: reindex(published.mix as PublishedCount[], 0) };
    return out;
  });
}
