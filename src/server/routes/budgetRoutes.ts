// …/budget of one consultation for residents: the ballot paper, casting and changing a ballot, the results and the .pb export.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { checkBallot, votingState } from '../../core/budget/ballotRules.ts';
import type { BallotProblem } from '../../core/budget/ballotRules.ts';
import { electionOf } from '../../core/budget/budgetResults.ts';
import { readBallot } from '../../core/budget/budgetWire.ts';
import type { BudgetSettings, BudgetView } from '../../core/budget/budgetWire.ts';
import { writePabulib } from '../../core/budget/writePabulib.ts';
import { ApiError } from '../apiError.ts';
import { createResultsCache } from '../budget/resultsCache.ts';
import { requireBudget } from '../budget/requireBudget.ts';
import { resultsSpread } from '../budget/resultsSpread.ts';
import { voterCodeHash } from '../budget/voterCodes.ts';
import { deviceOf, requireDevice } from '../serverContext.ts';
import type { Scope, ServerContext } from '../serverContext.ts';
import { enforceLimits } from '../writeLimits.ts';
import { budgetGameRoutes } from './budgetGameRoutes.ts';
import { budgetPlannerRoutes } from './budgetPlannerRoutes.ts';

const deviceVoter = (author: string) => `device:${author}`;

/** staff of the consultation see the results at any time; everyone else once voting has closed */
function resultsVisible(scope: Scope, settings: BudgetSettings, now: number): boolean {
  return scope.role !== null || votingState(settings, scope.status, now) === 'closed';
}

function ballotRefusal(problem: BallotProblem, currency: string): ApiError {
  switch (problem.rule) {
    case 'over-budget':
      return new ApiError(422, 'over-budget', `The ballot spends ${problem.spent} ${currency}, more than the ${problem.amount} ${currency} there is.`, problem);
    case 'too-few-projects':
      return new ApiError(422, 'too-few-projects', `Choose at least ${problem.min} projects (this ballot has ${problem.count}).`, problem);
    case 'too-many-projects':
      return new ApiError(422, 'too-many-projects', `Choose at most ${problem.max} projects (this ballot has ${problem.count}).`, problem);
    case 'unknown-project':
      return new ApiError(422, 'unknown-project', `There is no project "${problem.id}" on this ballot.`, problem);
    case 'duplicate-project':
      return new ApiError(422, 'duplicate-project', `The project "${problem.id}" is listed twice.`, problem);
  }
}

/**
 * Registers the budget routes on an encapsulated plugin under `/api/consultations/:slug` (its content-type parser
 * for `.pb` text stays inside it).
 * @example
 * await scoped.register(async (budget) => budgetRoutes(budget, ctx, { importBodyLimit }));
 */
export function budgetRoutes(app: FastifyInstance, ctx: ServerContext, options: { importBodyLimit: number }): void {
  const countResults = createResultsCache();
  const viewOf = async (request: FastifyRequest, settings: BudgetSettings): Promise<BudgetView> => {
    const { scope } = request;
    const budget = scope.store.budget();
    const device = deviceOf(request, ctx.secret);
    const now = ctx.clock();
    const state = votingState(settings, scope.status, now);
    return {
      budget: settings.amount,
      currency: settings.currency,
      rule: settings.rule,
      opensAt: settings.opensAt,
      closesAt: settings.closesAt,
      minProjects: settings.minProjects,
      maxProjects: settings.maxProjects,
      intro: settings.intro,
      votingOpen: state === 'open',
      resultsPublic: state === 'closed',
      projects: await budget.listProjects(),
      ballot: device ? await budget.getBallot(deviceVoter(device.author)) : null,
    };
  };

  app.get('/budget', async (request) => viewOf(request, await requireBudget(request.scope)));

  app.put('/budget/ballot', async (request) => {
    const { scope } = request;
    const settings = await requireBudget(scope);
    const state = votingState(settings, scope.status, ctx.clock());
    if (state !== 'open') throw new ApiError(409, state === 'closed' ? 'voting-closed' : 'voting-not-open', state === 'closed' ? 'Voting on this budget has closed.' : 'Voting on this budget has not opened yet.');
    const body = readBallot(request.body);
    if (!body.ok) throw new ApiError(400, 'invalid-ballot', 'The ballot is not valid.', body.errors);
    const { projects: chosen, code } = body.value;
    const device = code === undefined ? requireDevice(request, ctx.secret) : null;
    // a ballot counts like a support, so only a token this server issued may cast one (made-up tokens are free)
    if (device && !device.signed) throw new ApiError(401, 'device-token-unsigned', 'Voting needs a device token from this server: get one from POST /api/device.');
    await enforceLimits([
      ...(device ? [[ctx.limits.supportsPerDevice, device.author] as const] : []),
      [ctx.limits.supportsPerAddress, request.ip],
      [ctx.limits.writesPerConsultation, scope.consultation.id],
    ], 'ballots');
    const budget = scope.store.budget();
    const problem = checkBallot(settings, await budget.listProjects(), chosen);
    if (problem) throw ballotRefusal(problem, settings.currency);
    const at = new Date(ctx.clock()).toISOString();
    if (device) {
      const { created } = await budget.castBallot(deviceVoter(device.author), chosen, 'device', at);
      return { projects: chosen, updatedAt: at, created };
    }
    const cast = await budget.castBallotWithCode(voterCodeHash(code!, ctx.secret), chosen, at);
    if (cast === 'unknown-code') throw new ApiError(403, 'unknown-voter-code', 'This voter code is not one of this consultation\u2019s codes; check how it was typed.');
    if (cast === 'code-used') throw new ApiError(409, 'voter-code-used', 'This voter code has already been used: each code votes once.');
    return { projects: chosen, updatedAt: at, created: true };
  });

  const visibleElection = async (request: FastifyRequest) => {
    const { scope } = request;
    const settings = await requireBudget(scope);
    if (!resultsVisible(scope, settings, ctx.clock())) {
      throw new ApiError(403, 'results-not-public', 'The results are published when voting closes.', { closesAt: settings.closesAt });
    }
    const budget = scope.store.budget();
    const projects = await budget.listProjects();
    const ballots = await budget.listBallots();
    return { settings, projects, ballots, election: electionOf(settings, projects, ballots) };
  };

  app.get('/budget/results', async (request) => {
    const { settings, election, projects, ballots } = await visibleElection(request);
    const counted = await countResults(request.scope.consultation.id, election, { rule: settings.rule, currency: settings.currency });
    const results = { ...counted, spread: await resultsSpread(request.scope, counted, projects, ballots) };
    const staff = request.scope.role !== null;
    // what a table group settled on is shown to planners beside the vote, never counted with it
    return staff ? { ...results, workshopAllocations: await request.scope.store.budget().listAllocations() } : results;
  });

  app.get('/budget/export.pb', async (request, reply) => {
    const { settings, election } = await visibleElection(request);
    const { consultation } = request.scope;
    const text = writePabulib({ ...election, meta: {} }, { rule: settings.rule === 'equal-shares' ? 'equalshares' : 'greedy', description: `${consultation.title} (Coplan, ${settings.currency})` });
    const day = new Date(ctx.clock()).toISOString().slice(0, 10);
    return reply
      .type('text/plain; charset=utf-8')
      .header('content-disposition', `attachment; filename="coplan-${consultation.slug}-budget-${day}.pb"`)
      .send(text);
  });

  budgetPlannerRoutes(app, ctx, options);
  budgetGameRoutes(app, ctx);
}
