// the Method of Equal Shares with add1 completion written plainly: the oracle the fast one is tested against, and its bench baseline.
import type { BudgetElection } from './election.ts';
import { approvalCounts } from './greedy.ts';
import { describeOutcome, freeProjects, preferProject, SHORT_BY, type Candidate, type EqualSharesOutcome, type Run } from './equalSharesRules.ts';

/**
 * The maximal payment for a project: its approvers, poorest first, pay all they have while that is less than an
 * equal split of what is still missing; the rest split it equally. Infinity when all of them together cannot pay.
 */
function maxPayment(cost: number, approvers: number[], left: Float64Array): number {
  const byBudget = [...approvers].sort((a, b) => left[a]! - left[b]!);
  let paid = 0;
  for (let j = 0; j < byBudget.length; j++) {
    const rho = (cost - paid) / (byBudget.length - j);
    const budget = left[byBudget[j]!]!;
    if (budget >= rho * (1 - SHORT_BY)) return rho;
    paid += budget;
  }
  return Infinity;
}

/**
 * One run from scratch: everyone holds `perVoter`; fund the project with the smallest maximal payment until none is
 * affordable.
 * @example
 * equalSharesRunReference({ budget: 10, meta: {}, projects: [{ id: 'a', cost: 6, name: 'A' }], ballots: [[0], [0]] }, 5).funded
 * // => [0]: 3 each
 */
export function equalSharesRunReference(election: BudgetElection, perVoter: number): Run {
  const { projects, ballots } = election;
  const approvers: number[][] = projects.map(() => []);
  ballots.forEach((ballot, v) => ballot.forEach((p) => approvers[p]!.push(v)));
  const m = projects.length;
  const run: Run = { funded: [], rho: new Float64Array(m), payers: new Int32Array(m), paid: new Float64Array(m), left: new Float64Array(ballots.length).fill(perVoter) };
  const approvals = approvalCounts(election);
  run.funded.push(...freeProjects(projects, approvals));
  let open = projects.map((_, p) => p).filter((p) => projects[p]!.cost > 0 && approvals[p]! > 0);
  for (;;) {
    let best: (Candidate & { p: number }) | undefined;
    const stillOpen: number[] = [];
    for (const p of open) {
      const rho = maxPayment(projects[p]!.cost, approvers[p]!, run.left);
      if (rho === Infinity) continue;
      stillOpen.push(p);
      const candidate = { rho, cost: projects[p]!.cost, approvals: approvals[p]!, id: projects[p]!.id, p };
      if (!best || preferProject(candidate, best) < 0) best = candidate;
    }
    if (!best) return run;
    run.funded.push(best.p);
    run.rho[best.p] = best.rho;
    for (const v of approvers[best.p]!) {
      const pay = run.left[v]! > best.rho ? best.rho : run.left[v]!;
      run.left[v] = run.left[v]! > best.rho ? run.left[v]! - best.rho : 0;
      if (pay > 0) run.payers[best.p]!++;
      run.paid[best.p]! += pay;
    }
    open = stillOpen.filter((p) => p !== best.p);
  }
}

/**
 * Method of Equal Shares with add1 completion, recomputed from scratch at every step. Each voter holds budget ÷
 * voters; then one currency unit more per voter at a time, as long as the outcome still fits the real budget; the
 * result is the last outcome that fitted, or the first that funds every project somebody approved.
 * @example
 * equalSharesReference({ budget: 10, meta: {}, projects: [{ id: 'a', cost: 6, name: 'A' }, { id: 'b', cost: 4, name: 'B' }],
 *   ballots: [[0], [0], [1]] }).selected
 * // => ['a', 'b'] after 1 step: at 10/3 each, a costs its 2 voters 3 each, b is out of reach of its one voter (3.33 < 4);
 * //    at 4.33 each, a (2 × 3) and then b (4) are both funded, 10 in all
 */
export function equalSharesReference(election: BudgetElection): EqualSharesOutcome {
  const { projects, ballots, budget } = election;
  const approvals = approvalCounts(election);
  const wanted = projects.filter((_, p) => approvals[p]! > 0).length;
  const approvers: number[][] = projects.map(() => []);
  ballots.forEach((ballot, v) => ballot.forEach((p) => approvers[p]!.push(v)));
  const share = ballots.length === 0 ? 0 : budget / ballots.length;
  let steps = 0;
  let kept = equalSharesRunReference(election, share);
  while (kept.funded.length < wanted) {
    const next = equalSharesRunReference(election, share + (steps + 1));
    let cost = 0;
    for (const p of next.funded) cost += projects[p]!.cost;
    if (cost > budget) break;
    kept = next;
    steps++;
  }
  return describeOutcome(election, approvals, (p) => approvers[p]!, kept, share + steps, steps);
}
