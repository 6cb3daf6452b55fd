// a consultation's vote as an election the rules count, and the results both rules give, side by side.
import type { BudgetProjectRecord, BudgetRule, BudgetSettings } from './budgetWire.ts';
import type { BudgetElection } from './election.ts';
import { equalShares } from './equalShares.ts';
import type { EqualSharesOutcome } from './equalSharesRules.ts';
import { greedy } from './greedy.ts';
import type { GreedyOutcome } from './greedy.ts';

/** what `GET …/budget/results` answers and the results page shows */
export interface BudgetResults {
  /** the consultation's official rule */
  rule: BudgetRule;
  budget: number;
  currency: string;
  voters: number;
  greedy: GreedyOutcome;
  equalShares: EqualSharesOutcome;
  /** the projects' titles, in ballot order, to name them */
  projects: { id: string; title: string; cost: number }[];
}

/**
 * The stored ballots (project ids) as an election over the projects; ids no longer on the ballot are left out.
 * @example
 * electionOf({ amount: 10 }, [{ id: 'a', cost: 6, title: 'A' }], [['a'], []]).ballots // => [[0], []]
 */
export function electionOf(settings: Pick<BudgetSettings, 'amount'>, projects: readonly Pick<BudgetProjectRecord, 'id' | 'cost' | 'title'>[], ballots: readonly (readonly string[])[]): BudgetElection {
  const index = new Map(projects.map((p, i) => [p.id, i]));
  return {
    budget: settings.amount,
    meta: {},
    projects: projects.map((p) => ({ id: p.id, cost: p.cost, name: p.title })),
    ballots: ballots.map((b) => b.flatMap((id) => (index.has(id) ? [index.get(id)!] : []))),
  };
}

/**
 * Counts an election by both rules (Equal Shares with add1, the fast implementation).
 * @example
 * countBoth(election, { rule: 'greedy', currency: 'GBP' }).greedy.selected // => ids funded by greedy
 */
export function countBoth(election: BudgetElection, info: { rule: BudgetRule; currency: string }): BudgetResults {
  return {
    rule: info.rule,
    budget: election.budget,
    currency: info.currency,
    voters: election.ballots.length,
    greedy: greedy(election),
    equalShares: equalShares(election),
    projects: election.projects.map((p) => ({ id: p.id, title: p.name, cost: p.cost })),
  };
}
