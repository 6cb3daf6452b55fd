// greedy by votes, what most cities count: most approvals first, each project funded if it still fits.
import type { BudgetElection } from './election.ts';

/** One project's line in the greedy count. */
export interface GreedyProject {
  id: string;
  cost: number;
  approvals: number;
  /** 1-based place in the order of approvals (ties: lower cost, then id as text) */
  rank: number;
  funded: boolean;
  /** money committed after this project was considered (funded ones included) */
  runningTotal: number;
  /** why a project was skipped: the money left when its turn came */
  skipped?: { reason: 'does-not-fit'; left: number } | { reason: 'no-approvals' };
}

export interface GreedyOutcome {
  rule: 'greedy';
  budget: number;
  voters: number;
  /** project ids in the order they were funded */
  selected: string[];
  spent: number;
  /** every project, in rank order */
  projects: GreedyProject[];
}

/**
 * Approvals per project, counted from the ballots (a file's `votes` column is not trusted).
 * @example
 * approvalCounts({ budget: 10, meta: {}, projects: [a, b], ballots: [[0], [0, 1]] }) // => Int32Array [2, 1]
 */
export function approvalCounts(election: BudgetElection): Int32Array {
  const counts = new Int32Array(election.projects.length);
  for (const ballot of election.ballots) for (const p of ballot) counts[p]!++;
  return counts;
}

/**
 * Greedy by votes: projects in order of approvals (ties: lower cost first, then project id as text), each funded if
 * it still fits in what is left, skipped otherwise. Projects nobody approved are never funded.
 * @example
 * greedy({ budget: 10, meta: {}, projects: [{ id: 'a', cost: 6, name: 'A' }, { id: 'b', cost: 5, name: 'B' }, { id: 'c', cost: 4, name: 'C' }],
 *   ballots: [[0, 1], [0, 1], [0, 2]] }).selected
 * // => ['a', 'c']: a (3 votes, 6) fits, b (2 votes, 5) does not fit in the 4 left, c (1 vote, 4) does
 */
export function greedy(election: BudgetElection): GreedyOutcome {
  const { projects, budget } = election;
  const counts = approvalCounts(election);
  const order = projects.map((_, p) => p).sort((a, b) => counts[b]! - counts[a]! || projects[a]!.cost - projects[b]!.cost || compareText(projects[a]!.id, projects[b]!.id));
  let spent = 0;
  const selected: string[] = [];
  const lines = order.map((p, i): GreedyProject => {
    const { id, cost } = projects[p]!;
    const line: GreedyProject = { id, cost, approvals: counts[p]!, rank: i + 1, funded: false, runningTotal: spent };
    if (counts[p] === 0) line.skipped = { reason: 'no-approvals' };
    else if (spent + cost <= budget) {
      spent += cost;
      line.funded = true;
      line.runningTotal = spent;
      selected.push(id);
    } else line.skipped = { reason: 'does-not-fit', left: budget - spent };
    return line;
  });
  return { rule: 'greedy', budget, voters: election.ballots.length, selected, spent, projects: lines };
}

/**
 * Ids compared as text, by UTF-16 code units (not locale): the same order on every machine.
 * @example
 * ['b', 'a', '10', '9'].sort(compareText) // => ['10', '9', 'a', 'b']
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
