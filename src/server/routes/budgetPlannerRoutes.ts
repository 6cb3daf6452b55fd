// …/budget for its planners: the settings, the projects on the ballot, and importing a pabulib `.pb` election.
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PROJECT_ID, readBudgetProject, readBudgetSettings } from '../../core/budget/budgetWire.ts';
import type { BudgetProjectDraft, BudgetProjectRecord, BudgetSettings } from '../../core/budget/budgetWire.ts';
import { parsePabulib } from '../../core/budget/pabulib.ts';
import { ApiError } from '../apiError.ts';
import { requireRole } from '../serverContext.ts';
import type { ServerContext } from '../serverContext.ts';
import { enforceLimits } from '../writeLimits.ts';
import { requireBudget } from '../budget/requireBudget.ts';
import { voterCodeSheet } from '../budget/voterCodeSheet.ts';
import { newVoterCode, voterCodeHash } from '../budget/voterCodes.ts';

type ProjectParams = { Params: { id: string } };

/**
 * The planners' budget routes (registered by budgetRoutes, inside its plugin).
 * @example
 * budgetPlannerRoutes(app, ctx, { importBodyLimit: 10 * 1024 * 1024 });
 */
export function budgetPlannerRoutes(app: FastifyInstance, ctx: ServerContext, options: { importBodyLimit: number }): void {
  const planner = async (request: FastifyRequest, what: string) => {
    requireRole(request.scope, ['admin', 'planner'], what);
    await enforceLimits([[ctx.limits.staffWrites, request.scope.viewer.user!.id]], 'changes');
  };
  const now = () => new Date(ctx.clock()).toISOString();

  /** a project's theme and areas must be the consultation's own */
  const checkProject = async (request: FastifyRequest, draft: BudgetProjectDraft) => {
    const problems = [];
    if (draft.theme !== null && !request.scope.catalog.themeIds().has(draft.theme)) {
      problems.push({ path: 'project.theme', rule: 'unknown-theme', message: `"${draft.theme}" is not one of this consultation's themes` });
    }
    if (draft.location && 'areas' in draft.location) {
      const known = new Set((await request.scope.store.getAreas()).features.map((f) => String(f.id)));
      for (const area of draft.location.areas) if (!known.has(area)) problems.push({ path: 'project.location.areas', rule: 'unknown-area', message: `"${area}" is not one of this consultation's areas` });
    }
    if (problems.length) throw new ApiError(400, 'invalid-project', 'The project is not valid.', problems);
  };
  const readProject = async (request: FastifyRequest) => {
    const body = readBudgetProject(request.body);
    if (!body.ok) throw new ApiError(400, 'invalid-project', 'The project is not valid.', body.errors);
    await checkProject(request, body.value);
    return body.value;
  };

  app.put('/budget', async (request) => {
    await planner(request, 'set up the budget');
    const body = readBudgetSettings(request.body);
    if (!body.ok) throw new ApiError(400, 'invalid-budget', 'The budget is not valid.', body.errors);
    await request.scope.store.budget().putSettings(body.value, now());
    return body.value;
  });

  app.post('/budget/projects', async (request, reply) => {
    await planner(request, 'add projects');
    await requireBudget(request.scope);
    const { id, ...draft } = await readProject(request);
    const budget = request.scope.store.budget();
    const projectId = id ?? `p-${crypto.randomBytes(4).toString('hex')}`;
    if ((await budget.listProjects()).some((p) => p.id === projectId)) throw new ApiError(409, 'project-id-taken', `There is already a project "${projectId}".`);
    const project: BudgetProjectRecord = { id: projectId, ...draft };
    await budget.putProject(project, now());
    return reply.status(201).send(project);
  });

  app.put<ProjectParams>('/budget/projects/:id', async (request) => {
    await planner(request, 'change projects');
    await requireBudget(request.scope);
    const { id } = request.params;
    const budget = request.scope.store.budget();
    if (!PROJECT_ID.test(id) || !(await budget.listProjects()).some((p) => p.id === id)) throw new ApiError(404, 'project-not-found', `There is no project "${id.slice(0, 64)}".`);
    const { id: bodyId, ...draft } = await readProject(request);
    if (bodyId !== undefined && bodyId !== id) throw new ApiError(400, 'invalid-project', 'A project keeps its id.', [{ path: 'project.id', rule: 'id-changed', message: `the id is "${id}"` }]);
    const project: BudgetProjectRecord = { id, ...draft };
    await budget.putProject(project, now());
    return project;
  });

  app.delete<ProjectParams>('/budget/projects/:id', async (request, reply) => {
    await planner(request, 'remove projects');
    await requireBudget(request.scope);
    const { id } = request.params;
    const result = PROJECT_ID.test(id) ? await request.scope.store.budget().deleteProject(id) : 'not-found';
    if (result === 'not-found') throw new ApiError(404, 'project-not-found', `There is no project "${id.slice(0, 64)}".`);
    if (result === 'has-votes') throw new ApiError(409, 'project-has-votes', 'Residents have voted for this project; it stays on the ballot.');
    return reply.status(204).send();
  });

  // GET, so a planner can open it in the browser to print; each call makes new codes (only their hashes are kept)
  app.get<{ Querystring: { count?: string } }>('/budget/voter-codes.pdf', async (request, reply) => {
    await planner(request, 'print voter codes');
    await requireBudget(request.scope);
    const raw = request.query.count ?? '24';
    const count = /^\d{1,3}$/.test(raw) ? Number(raw) : 0;
    if (count < 1 || count > 480) throw new ApiError(400, 'invalid-query', 'count must be a whole number from 1 to 480.', [{ path: 'count', rule: 'range', message: 'from 1 to 480' }]);
    const codes = Array.from({ length: count }, newVoterCode);
    await request.scope.store.budget().addVoterCodes(codes.map((c) => voterCodeHash(c, ctx.secret)), now());
    const { slug, title } = request.scope.consultation;
    const origin = `${request.protocol}://${request.host}`;
    const pdf = await voterCodeSheet({ title, url: `${origin}/c/${slug}/budget`, codes });
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="coplan-${slug}-voter-codes.pdf"`).header('cache-control', 'no-store').send(pdf);
  });

  // a .pb file is text: taken as text/plain or application/octet-stream on this plugin only
  app.addContentTypeParser(['text/plain', 'application/octet-stream'], { parseAs: 'string', bodyLimit: options.importBodyLimit }, (_request, body, done) => done(null, body));

  app.post('/budget/import', { bodyLimit: options.importBodyLimit }, async (request) => {
    await planner(request, 'import a vote');
    if (typeof request.body !== 'string') throw new ApiError(415, 'unsupported-media-type', 'Send the .pb file as text/plain.');
    const parsed = parsePabulib(request.body);
    if (!parsed.ok) {
      const first = parsed.errors[0]!;
      throw new ApiError(400, 'invalid-pb', `The file is refused: line ${first.line}, ${first.rule}: ${first.message}`, parsed.errors);
    }
    const election = parsed.value;
    const problems = [];
    if (!Number.isInteger(election.budget)) problems.push({ line: 0, rule: 'fractional-budget', message: `budget ${election.budget} must be a whole number of currency units` });
    for (const p of election.projects) if (!PROJECT_ID.test(p.id)) problems.push({ line: 0, rule: 'invalid-project-id', message: `project_id "${p.id.slice(0, 64)}" must be 1-64 letters, digits, "_", "." or "-"` });
    if (problems.length) throw new ApiError(400, 'invalid-pb', `The file is refused: ${problems[0]!.rule}: ${problems[0]!.message}`, problems);
    const current = await request.scope.store.budget().getSettings();
    const currency = /^[A-Z]{3}$/.test(election.meta.currency ?? '') ? election.meta.currency! : (current?.currency ?? 'EUR');
    const settings: BudgetSettings = {
      amount: election.budget,
      currency,
      rule: current?.rule ?? (election.meta.rule === 'equalshares' ? 'equal-shares' : 'greedy'),
      opensAt: current?.opensAt ?? null,
      closesAt: current?.closesAt ?? null,
      minProjects: null,
      maxProjects: null,
      intro: current?.intro ?? '',
    };
    const projects = election.projects.map((p): BudgetProjectRecord => ({ id: p.id, title: p.name.slice(0, 200), description: '', cost: p.cost, theme: null, location: null, pinIds: [] }));
    const ballots = election.ballots.map((b) => b.map((i) => election.projects[i]!.id));
    const result = await request.scope.store.budget().importElection(settings, projects, ballots, now());
    if (result === 'ballots-exist') throw new ApiError(409, 'ballots-exist', 'Residents have already voted here; an import would replace their ballots.');
    return { projects: projects.length, ballots: ballots.length, warnings: parsed.warnings };
  });
}
