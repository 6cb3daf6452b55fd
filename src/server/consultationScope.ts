// finds the consultation a request is about (by slug, or the default one for the old unscoped routes) and who may see it,
// before the body is read; keeps one catalog and one planner engine per consultation, made on first use.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { effectiveStatus } from '../core/consultations/lifecycle.ts';
import { slugProblem } from '../core/consultations/slug.ts';
import { ApiError } from './apiError.ts';
import { loadCatalog } from './catalog.ts';
import type { Catalog } from './catalog.ts';
import { createPlannerAggregates } from './plannerAggregates.ts';
import type { PlannerAggregates, PlannerAggregatesOptions } from './plannerAggregates.ts';
import type { ServerContext } from './serverContext.ts';
import { roleIn, viewerOf } from './staff/viewer.ts';
import type { Consultation } from './storage/storage.ts';

interface Runtime {
  catalog: Catalog;
  aggregates: PlannerAggregates;
}

export interface ConsultationRuntimes {
  get(consultationId: string): Promise<Runtime>;
  stop(): void;
}

/**
 * One catalog (areas, themes, locator) and one planner engine per consultation, made when first asked for.
 * @example
 * const runtimes = createRuntimes(ctx); const { catalog } = await runtimes.get(consultation.id);
 */
export function createRuntimes(ctx: ServerContext, aggregateOptions: PlannerAggregatesOptions): ConsultationRuntimes {
  const made = new Map<string, Promise<Runtime>>();
  const stops: (() => void)[] = [];
  return {
    get(consultationId) {
      let runtime = made.get(consultationId);
      if (!runtime) {
        const store = ctx.storage.consultation(consultationId);
        runtime = loadCatalog(store).then((catalog) => {
          const aggregates = createPlannerAggregates(store, aggregateOptions);
          stops.push(() => aggregates.stop());
          return { catalog, aggregates };
        });
        // a failed load is tried again by the next request
        runtime.catch(() => made.delete(consultationId));
        made.set(consultationId, runtime);
      }
      return runtime;
    },
    stop() {
      for (const stop of stops) stop();
    },
  };
}

const notFound = (what: string) => new ApiError(404, 'consultation-not-found', `There is no consultation ${what}.`);

/**
 * Registers the hook that sets `request.scope` for every route of `app` (an encapsulated plugin): `bySlug` reads the
 * `:slug` parameter; otherwise the default consultation (the oldest) is used, for the deprecated unscoped routes.
 * A draft or archived consultation does not exist for anyone without a role in it.
 */
export function scopeConsultation(app: FastifyInstance, ctx: ServerContext, runtimes: ConsultationRuntimes, bySlug: boolean): void {
  let defaultId: string | null = null;
  const findDefault = async (): Promise<Consultation | null> => {
    if (defaultId) return ctx.storage.getConsultationById(defaultId);
    const oldest = (await ctx.storage.listConsultations())[0] ?? null;
    defaultId = oldest?.id ?? null;
    return oldest;
  };
  app.decorateRequest('scope', null as never);
  // onRequest runs before the body is read, so an unknown consultation or a missing role costs no parsing
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const slug = (request.params as { slug?: string }).slug ?? '';
    if (bySlug && slugProblem(slug) !== null) throw notFound(`"${slug.slice(0, 60)}"`);
    const consultation = bySlug ? await ctx.storage.getConsultation(slug) : await findDefault();
    if (!consultation) throw notFound(bySlug ? `"${slug}"` : 'on this server yet');
    const now = ctx.clock();
    const viewer = await viewerOf(ctx.storage, request, now);
    const role = roleIn(viewer, consultation.id);
    const status = effectiveStatus(consultation, now);
    if ((status === 'draft' || status === 'archived') && role === null) throw notFound(`"${consultation.slug}"`);
    const { catalog, aggregates } = await runtimes.get(consultation.id);
    request.scope = { consultation, status, store: ctx.storage.consultation(consultation.id), catalog, aggregates, viewer, role };
  });
}
