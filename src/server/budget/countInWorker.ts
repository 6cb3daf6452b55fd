// counts a budget vote in a worker thread, so Equal Shares with add1 over a city's ballots never holds up other requests.
import type { BudgetResults } from '../../core/budget/budgetResults.ts';
import type { BudgetRule } from '../../core/budget/budgetWire.ts';
import type { BudgetElection } from '../../core/budget/election.ts';
import { runInWorker } from '../workers/runInWorker.ts';

const BODY = new URL('./countWorker.ts', import.meta.url);

/**
 * Both rules' results for an election, from a fresh worker thread (counts are asked for rarely; each worker is
 * stopped when it answers or after `timeoutMs`).
 * @example
 * const results = await countInWorker(election, { rule: 'equal-shares', currency: 'GBP' }); results.equalShares.selected
 */
export function countInWorker(election: BudgetElection, info: { rule: BudgetRule; currency: string }, timeoutMs = 60_000): Promise<BudgetResults> {
  return runInWorker(BODY, { election, ...info }, { what: 'counting the budget', timeoutMs });
}
