// the consultations on this server: the list (front page), creating one (admins), reading and changing one (its planners),
// its template, and its team.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { closedAt, CONSULTATION_STATUSES, effectiveStatus } from '../../core/consultations/lifecycle.ts';
import type { ConsultationStatus } from '../../core/consultations/lifecycle.ts';
import { DEFAULT_SETTINGS, readSettings, storedSettings } from '../../core/consultations/settings.ts';
import type { ConsultationSettings } from '../../core/consultations/settings.ts';
import { slugProblem } from '../../core/consultations/slug.ts';
import { consultationTemplate, readTemplate } from '../../core/consultations/template.ts';
import type { AreaCollection, Theme } from '../../core/types.ts';
import { storableText } from '../../core/storableText.ts';
import { zodProblems } from '../../core/validatePin.ts';
import { ApiError } from '../apiError.ts';
import { requireRole } from '../serverContext.ts';
import type { ServerContext } from '../serverContext.ts';
import { actorName, roleIn, viewerOf } from '../staff/viewer.ts';
import type { ConsultationRole } from '../staff/viewer.ts';
import type { Consultation, ConsultationChanges } from '../storage/storage.ts';

const when = (name: string) =>
  z.iso.datetime({ offset: true, error: `${name} must be an ISO 8601 date-time, e.g. 2026-05-01T09:00:00Z, or null` }).transform((s) => new Date(s).toISOString()).nullable();
const title = z.string({ error: 'title must be text' }).trim().min(1, 'title is required').max(200, 'title must be at most 200 characters').superRefine(storableText('title'));
const summary = z.string({ error: 'summary must be text' }).trim().max(2000, 'summary must be at most 2000 characters').superRefine(storableText('summary'));
const datesInOrder = (d: { opensAt?: string | null | undefined; closesAt?: string | null | undefined }) => !d.opensAt || !d.closesAt || d.opensAt < d.closesAt;
const ORDER = { message: 'closesAt must be after opensAt', path: ['closesAt'] };

const createBody = z
  .object(
    {
      slug: z.string({ error: 'slug must be text' }).refine((s) => slugProblem(s) === null, { error: (issue) => slugProblem(String(issue.input)) ?? 'slug is not valid' }),
      title,
      summary: summary.optional(),
      opensAt: when('opensAt').optional(),
      closesAt: when('closesAt').optional(),
      template: z.unknown().optional(),
    },
    { error: 'send { "slug", "title", "summary"?, "opensAt"?, "closesAt"?, "template"? }' },
  )
  .strict()
  .refine(datesInOrder, ORDER);

const patchBody = z
  .object(
    {
      title: title.optional(),
      summary: summary.optional(),
      status: z.enum(CONSULTATION_STATUSES as [ConsultationStatus, ...ConsultationStatus[]], { error: `status must be one of ${CONSULTATION_STATUSES.join(', ')}` }).optional(),
      opensAt: when('opensAt').optional(),
      closesAt: when('closesAt').optional(),
      settings: z.unknown().optional(),
    },
    { error: 'send an object with any of title, summary, status, opensAt, closesAt, settings' },
  )
  .strict();

const memberBody = z.object({ role: z.enum(['planner', 'facilitator'], { error: 'role must be "planner" or "facilitator"' }) }, { error: 'send { "role": "planner" | "facilitator" }' }).strict();

function invalid(code: string, message: string, error: z.ZodError): ApiError {
  return new ApiError(400, code, message, zodProblems(error));
}

/**
 * A consultation as the API shows it: the status in force now, when it closed, its settings with defaults filled in.
 * @example
 * consultationJson(c, Date.now(), { pins: 40 }).status // => 'open'
 */
export function consultationJson(c: Consultation, now: number, extra: { pins: number; viewerRole?: ConsultationRole }) {
  const json = {
    slug: c.slug,
    title: c.title,
    summary: c.summary,
    status: effectiveStatus(c, now),
    opensAt: c.opensAt,
    closesAt: c.closesAt,
    statusChangedAt: c.statusChangedAt,
    closedAt: closedAt(c, now),
    settings: storedSettings(c.settings),
    counts: { pins: extra.pins },
  };
  return extra.viewerRole === undefined ? json : { ...json, viewerRole: extra.viewerRole };
}

/** server-wide routes: the list and creating a consultation */
export function consultationListRoutes(app: FastifyInstance, ctx: ServerContext, limits: { templateBodyLimit: number }): void {
  app.get('/api/consultations', async (request) => {
    const now = ctx.clock();
    const viewer = await viewerOf(ctx.storage, request, now);
    const all = await ctx.storage.listConsultations();
    const visible = all.filter((c) => {
      const status = effectiveStatus(c, now);
      return status === 'open' || status === 'closed' || roleIn(viewer, c.id) !== null;
    });
    return { consultations: visible.map((c) => consultationJson(c, now, { pins: c.pins })) };
  });

  app.post('/api/consultations', { bodyLimit: limits.templateBodyLimit }, async (request, reply) => {
    const viewer = await viewerOf(ctx.storage, request, ctx.clock());
    if (!viewer.user) throw new ApiError(401, 'sign-in-required', 'Sign in as an admin to create a consultation (POST /api/session).');
    if (viewer.user.role !== 'admin') throw new ApiError(403, 'forbidden', 'Only admins can create consultations.');
    const body = createBody.safeParse(request.body);
    if (!body.success) throw invalid('invalid-consultation', 'The consultation is not valid; nothing was created.', body.error);
    const b = body.data;
    let design: { areas: AreaCollection; themes: Theme[]; settings: ConsultationSettings; summary: string } = { areas: { type: 'FeatureCollection', features: [] }, themes: ctx.defaultThemes, settings: DEFAULT_SETTINGS, summary: '' };
    if (b.template !== undefined) {
      const template = readTemplate(b.template);
      if (!template.ok) throw new ApiError(400, 'invalid-template', 'The template is not valid; nothing was created.', template.errors.map((p) => ({ ...p, path: p.path ? `template.${p.path}` : 'template' })));
      design = { areas: template.value.areas, themes: template.value.themes, settings: template.value.settings, summary: template.value.summary };
    }
    const created = await ctx.storage.createConsultation(
      { slug: b.slug, title: b.title, summary: b.summary ?? design.summary, status: 'draft', opensAt: b.opensAt ?? null, closesAt: b.closesAt ?? null, settings: { ...design.settings }, areas: design.areas, themes: design.themes },
      actorName(viewer.user),
    );
    if (!created.ok) throw new ApiError(409, 'slug-taken', `There is already a consultation at "${b.slug}"; choose another slug.`, [{ path: 'slug', rule: 'slug-taken', message: 'slug is taken' }]);
    return reply.status(201).send(consultationJson(created.consultation, ctx.clock(), { pins: 0, viewerRole: 'admin' }));
  });
}

/** routes of one consultation (registered under /api/consultations/:slug, after the scope hook) */
export function consultationRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const pinsOf = async (id: string) => (await ctx.storage.listConsultations()).find((c) => c.id === id)?.pins ?? 0;

  app.get('', async (request) => {
    const { consultation, role } = request.scope;
    return consultationJson(consultation, ctx.clock(), { pins: await pinsOf(consultation.id), viewerRole: role });
  });

  app.patch('', async (request) => {
    const { scope } = request;
    requireRole(scope, ['admin', 'planner'], 'change this consultation');
    const body = patchBody.safeParse(request.body);
    if (!body.success) throw invalid('invalid-consultation', 'The changes are not valid; nothing was changed.', body.error);
    const { settings, ...rest } = body.data;
    const changes: ConsultationChanges = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    if (settings !== undefined) {
      const merged = readSettings(settings, storedSettings(scope.consultation.settings));
      if (!merged.ok) throw new ApiError(400, 'invalid-consultation', 'The settings are not valid; nothing was changed.', merged.errors);
      changes.settings = { ...merged.value };
    }
    const opensAt = changes.opensAt !== undefined ? changes.opensAt : scope.consultation.opensAt;
    const closesAt = changes.closesAt !== undefined ? changes.closesAt : scope.consultation.closesAt;
    if (!datesInOrder({ opensAt, closesAt })) throw new ApiError(400, 'invalid-consultation', 'closesAt must be after opensAt; nothing was changed.', [{ path: 'closesAt', rule: 'dates-out-of-order', message: ORDER.message }]);
    const updated = await ctx.storage.updateConsultation(scope.consultation.id, changes, actorName(scope.viewer.user!), new Date(ctx.clock()).toISOString());
    if (!updated) throw new ApiError(404, 'consultation-not-found', `There is no consultation "${scope.consultation.slug}".`);
    return consultationJson(updated, ctx.clock(), { pins: await pinsOf(updated.id), viewerRole: scope.role });
  });

  app.get('/template', async (request, reply) => {
    const { scope } = request;
    requireRole(scope, ['admin', 'planner'], 'download the template');
    const c = scope.consultation;
    const template = consultationTemplate({ title: c.title, summary: c.summary, areas: scope.catalog.areas(), themes: scope.catalog.themes(), settings: storedSettings(c.settings) });
    return reply.header('content-disposition', `attachment; filename="coplan-${c.slug}-template.json"`).send(template);
  });

  app.get('/members', async (request) => {
    requireRole(request.scope, ['admin', 'planner'], 'see the team');
    const members = await ctx.storage.membersOf(request.scope.consultation.id);
    return { members: members.map((m) => ({ user: { id: m.user.id, email: m.user.email, name: m.user.name }, role: m.role })) };
  });

  app.put<{ Params: { userId: string } }>('/members/:userId', async (request) => {
    const { scope } = request;
    requireRole(scope, ['admin', 'planner'], 'change the team');
    const body = memberBody.safeParse(request.body);
    if (!body.success) throw invalid('invalid-member', 'The role is not valid.', body.error);
    const user = await ctx.storage.getUser(request.params.userId);
    if (!user) throw new ApiError(404, 'user-not-found', `There is no staff account "${request.params.userId}".`);
    await ctx.storage.setMembership({ consultationId: scope.consultation.id, userId: user.id, role: body.data.role }, actorName(scope.viewer.user!));
    return { user: { id: user.id, email: user.email, name: user.name }, role: body.data.role };
  });

  app.delete<{ Params: { userId: string } }>('/members/:userId', async (request, reply) => {
    const { scope } = request;
    requireRole(scope, ['admin', 'planner'], 'change the team');
    await ctx.storage.removeMembership(scope.consultation.id, request.params.userId, actorName(scope.viewer.user!));
    return reply.status(204).send();
  });
}
