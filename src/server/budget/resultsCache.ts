// one count per distinct vote: requests for the same ballots share the answer (or the count in progress), so a burst of
// results requests starts one worker, not one each.
import crypto from 'node:crypto';
import type { BudgetResults } from '../../core/budget/budgetResults.ts';
import type { BudgetRule } from '../../core/budget/budgetWire.ts';
import type { BudgetElection } from '../../core/budget/election.ts';
import { countInWorker } from './countInWorker.ts';

type Count = (election: BudgetElection, info: { rule: BudgetRule; currency: string }) => Promise<BudgetResults>;

/**
 * A cache of the newest count per consultation, keyed by a hash of exactly what is counted.
 * @example
 * const cached = createResultsCache(); await cached(consultationId, election, { rule, currency });
 */
export function createResultsCache(count: Count = countInWorker) {
  const newest = new Map<string, { key: string; results: Promise<BudgetResults> }>();
  return (consultationId: string, election: BudgetElection, info: { rule: BudgetRule; currency: string }): Promise<BudgetResults> => {
    const key = crypto.createHash('sha256').update(JSON.stringify([info, election.budget, election.projects, election.ballots])).digest('hex');
    const held = newest.get(consultationId);
    if (held?.key === key) return held.results;
    const results = count(election, info);
    newest.set(consultationId, { key, results });
    // a failed count is not kept: the next request counts again
    results.catch(() => {
      if (newest.get(consultationId)?.results === results) newest.delete(consultationId);
    });
    return results;
  };
}
