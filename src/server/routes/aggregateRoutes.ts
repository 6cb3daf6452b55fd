// …/aggregates/* of one consultation: the planner's figures computed on the server, so planners need not download every pin.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { areasWithCounts } from '../../core/aggregateAreas.ts';
import { contributionRates } from '../../core/contributionRates.ts';
import { storedSettings } from '../../core/consultations/settings.ts';
import { pinCountsOf } from '../../core/countPins.ts';
import { clusterZoomQuery } from '../../core/clusterZoom.ts';
import type { PinFilter } from '../../core/countPins.ts';
import { PLANNER_HEX_SIZES, plannerResultToJson } from '../../core/plannerWire.ts';
import { protectClusterMarks, protectPlannerResult } from '../../core/protectPlannerAnswer.ts';
import { protectCountArrays } from '../../core/protectedCounts.ts';
import { protectPlannerSummary } from '../../core/protectPlannerSummary.ts';
import type { PlannerLoadSummary } from '../../core/plannerEngine.ts';
import { PIN_KINDS } from '../../core/types.ts';
import type { PinKind } from '../../core/types.ts';
import { zodProblems } from '../../core/validatePin.ts';
import { ApiError } from '../apiError.ts';
import { bboxQuery } from '../bboxQuery.ts';
import type { BuiltAggregates } from '../builtAggregates.ts';
import { isPlanner, type Scope } from '../serverContext.ts';

const number = (name: string) => z.coerce.number({ error: `${name} must be a number` }).refine(Number.isFinite, `${name} must be a number`);
const whole = (name: string) => number(name).int(`${name} must be a whole number`);
const time = (name: string) =>
  z.iso.datetime({ offset: true, error: `${name} must be an ISO 8601 date-time, e.g. 2026-04-01T00:00:00Z` }).transform((s) => Date.parse(s));

export const filterQuery = z.object({
  kind: z.enum(PIN_KINDS as [PinKind, ...PinKind[]], { error: 'kind must be "asset" or "priority"' }).optional(),
  // theme=a,b counts pins of either theme
  theme: z.string().max(64 * 50).optional(),
  // session=a,b counts those workshop sessions; an empty name (session=,a or session=) stands for pins made online
  session: z.string().max(65 * 50).optional(),
  // created at or after `from`, and before `to`
  from: time('from').optional(),
  to: time('to').optional(),
});

const areasQuery = filterQuery.extend({
  minCount: whole('minCount').min(0).max(1000).optional(),
  // the consultation's planners may ask for the counts without small-count protection
  raw: z.enum(['true', 'false'], { error: 'raw must be "true" or "false"' }).optional(),
});

const plannerQuery = filterQuery.extend({
  hex: whole('hex')
    .refine((m) => PLANNER_HEX_SIZES.includes(m), `hex must be one of ${PLANNER_HEX_SIZES.join(', ')} (metres)`)
    .default(500),
  // the selected area (by id), for the weekly chart and the top pins
  area: z.string().min(1).max(200).optional(),
  top: whole('top').min(0).max(50).default(5),
});

const clustersQuery = filterQuery.extend({
  bbox: bboxQuery,
  // the map's own zoom, fractions and all (a fitted map sits at 12.25 and the like); read as the whole zoom to cluster at
  zoom: clusterZoomQuery,
});

export function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const q = schema.safeParse(input);
  if (!q.success) throw new ApiError(400, 'invalid-query', 'The aggregate options are not valid.', zodProblems(q.error));
  return q.data;
}

export function pinFilter(q: z.infer<typeof filterQuery>): PinFilter {
  const filter: PinFilter = {};
  if (q.kind) filter.kind = q.kind;
  if (q.theme) filter.themes = q.theme.split(',').map((t) => t.trim()).filter(Boolean);
  if (q.session !== undefined) filter.sessions = q.session.split(',').map((s) => s.trim());
  if (q.from !== undefined) filter.from = q.from;
  if (q.to !== undefined) filter.to = q.to;
  return filter;
}

/** staff of this consultation (any role in it) see counts as they are; the public sees protected ones */
export const seesRawCounts = (scope: Scope): boolean => scope.role !== null;

/** the consultation's small-count k for what the public sees (settings.minCount) */
export const publicMinCount = (scope: Scope): number => storedSettings(scope.consultation.settings).minCount;

export function aggregateRoutes(app: FastifyInstance): void {
  // the same shape as `npm run aggregate`: areas with per-area counts. Small counts are always withheld (the
  // consultation's settings.minCount, or a larger minCount asked for), except for its planners asking raw=true.
  // Counted by the cached planner engine (hidden pins left out), so a request never reads the pins
  app.get('/aggregates/areas', async (request) => {
    const q = parse(areasQuery, request.query);
    if (q.raw === 'true' && !isPlanner(request.scope)) throw new ApiError(403, 'forbidden', 'Only planners of this consultation can ask for raw counts.');
    const settings = storedSettings(request.scope.consultation.settings);
    const k = settings.minCount;
    const minCount = q.raw === 'true' ? q.minCount : Math.max(k, q.minCount ?? 0);
    const { engine, areas, summary } = await request.scope.aggregates.current();
    const counts = engine.areaCounts(pinFilter(q));
    const n = areas.features.length;
    const perArea = Array.from({ length: n }, (_, i) => pinCountsOf(counts, i));
    const collection = areasWithCounts(areas, perArea, counts.total[n] ?? 0, [], minCount !== undefined && minCount > 0 ? minCount : undefined);
    if (!settings.populationProperty) return { ...collection, warnings: summary.warnings };
    // who is heard: per 1,000 residents, withheld with the count it would give back
    const withheld = collection.features.map((f) => typeof f.properties?.counts.total !== 'number');
    const rates = contributionRates(perArea.map((c) => c.total), areas.features.map((f) => f.properties), settings.populationProperty, withheld);
    const features = collection.features.map((f, i) => ({ ...f, properties: { ...f.properties, perThousand: rates.areas[i]!.perThousand, quiet: rates.areas[i]!.quiet } }));
    return { ...collection, features, perThousand: rates.perThousand, populationProperty: settings.populationProperty, warnings: summary.warnings };
  });

  // what the planner view loads first: how many pins, which themes and sessions, the time range
  // raw for staff of this consultation; everyone else gets totals drawn from the protected area counts, so "All areas"
  // on the planner page cannot be set beside an exact total to work a hidden area out
  // The public one is made once per engine state and k: anyone may ask it as often as they like, and at a million pins
  // one count of the areas costs milliseconds (a poll every 50 ms took 70 % of a core in npm run bench:live)
  const publicSummaries = new WeakMap<BuiltAggregates, { k: number; summary: PlannerLoadSummary }>();
  app.get('/aggregates/summary', async (request) => {
    const built = await request.scope.aggregates.current();
    if (seesRawCounts(request.scope)) return built.summary;
    const k = publicMinCount(request.scope);
    const made = publicSummaries.get(built);
    if (made?.k === k) return made.summary;
    const areas = protectCountArrays(built.engine.areaCounts({}), k);
    const summary = areas.published ? protectPlannerSummary(built.summary, areas.published, k) : built.summary;
    publicSummaries.set(built, { k, summary });
    return summary;
  });

  // every figure of the planner view for one filter: per area, per hex cell, per week, and the top pins
  app.get('/aggregates/planner', async (request) => {
    const q = parse(plannerQuery, request.query);
    const { engine, areaIds } = await request.scope.aggregates.current();
    let area: number | null = null;
    if (q.area !== undefined) {
      area = areaIds.indexOf(q.area);
      if (area < 0) throw new ApiError(400, 'unknown-area', `There is no area "${q.area}".`, [{ path: 'area', rule: 'unknown-area', message: `no area has the id "${q.area}"` }]);
    }
    const result = engine.query({ filter: pinFilter(q), hexMetres: q.hex, area, topN: q.top });
    // raw for staff of this consultation; everyone else gets the figures small-count protection allows (protectedCounts.ts)
    return plannerResultToJson(seesRawCounts(request.scope) ? result : protectPlannerResult(result, publicMinCount(request.scope)));
  });

  // clusters in a view; `mix` (pins per theme) is indexed by `themes`
  app.get('/aggregates/clusters', async (request) => {
    const q = parse(clustersQuery, request.query);
    const { engine, summary } = await request.scope.aggregates.current();
    const marks = engine.clusters(pinFilter(q), q.bbox, q.zoom);
    return { themes: summary.themes, marks: seesRawCounts(request.scope) ? marks : protectClusterMarks(marks, publicMinCount(request.scope)) };
  });
}
