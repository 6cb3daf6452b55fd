// …/budget/allocations: a touch-table game's result, recorded as a workshop allocation beside the vote (never a
// ballot), and read back by the consultation's planners beside the vote's approvals.
import type { FastifyInstance } from 'fastify';
import { allocationsView } from '../../core/budget/allocationsWire.ts';
import { checkBallot } from '../../core/budget/ballotRules.ts';
import { countGame, newBudgetGame } from '../../core/budget/budgetGame.ts';
import { readGameAllocation } from '../../core/budget/budgetGameWire.ts';
import { TABLE_SIDES } from '../../core/pointerTracker.ts';
import { ApiError } from '../apiError.ts';
import { requireBudget } from '../budget/requireBudget.ts';
import { requireRole } from '../serverContext.ts';
import type { ServerContext } from '../serverContext.ts';

/**
 * Registers the table game's routes on the budget plugin: facilitators and planners of the consultation (and admins)
 * record what a table funded, each side checked like a ballot (known projects, each once, within the budget); its
 * planners (and admins) read every allocation back beside the vote.
 * @example
 * budgetGameRoutes(app, ctx);
 */
export function budgetGameRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/budget/allocations', async (request, reply) => {
    const { scope } = request;
    requireRole(scope, ['admin', 'planner', 'facilitator'], 'record a table\u2019s budget game');
    const settings = await requireBudget(scope);
    const body = readGameAllocation(request.body);
    if (!body.ok) throw new ApiError(400, 'invalid-allocation', 'The game\u2019s result is not valid.', body.errors);
    const budget = scope.store.budget();
    const projects = await budget.listProjects();
    const game = newBudgetGame(settings.amount, projects.map((p) => ({ id: p.id, title: p.title, cost: p.cost })));
    for (const side of TABLE_SIDES) {
      const chosen = body.value.sides[side] ?? [];
      const problem = checkBallot({ amount: settings.amount, minProjects: null, maxProjects: null }, projects, chosen);
      if (problem) {
        const message = problem.rule === 'over-budget' ? `The ${side} side spends ${problem.spent} ${settings.currency}, more than the ${problem.amount} ${settings.currency} it holds.` : `The ${side} side names the project "${'id' in problem ? problem.id : ''}" ${problem.rule === 'duplicate-project' ? 'twice' : 'that is not on the ballot'}.`;
        throw new ApiError(422, problem.rule, message, [{ path: `allocation.sides.${side}`, rule: problem.rule, message }]);
      }
      game.sides[side] = chosen;
    }
    const count = countGame(game);
    if (count.ballots === 0) throw new ApiError(422, 'empty-game', 'No side put a token on a project: there is nothing to record.');
    const outcome = { ballots: count.ballots, greedy: count.greedy, equalShares: count.equalShares };
    const allocation = await budget.recordAllocation(body.value.sessionId, count.allocation, new Date(ctx.clock()).toISOString(), { outcome, sessionName: body.value.sessionName ?? null });
    return reply.code(201).send({ allocation, count });
  });

  app.get('/budget/allocations', async (request) => {
    const { scope } = request;
    requireRole(scope, ['admin', 'planner'], 'read the workshop allocations');
    const settings = await requireBudget(scope);
    const budget = scope.store.budget();
    const [projects, ballots, allocations] = await Promise.all([budget.listProjects(), budget.listBallots(), budget.listAllocations()]);
    return allocationsView(settings, projects, ballots, allocations);
  });
}
