// worker thread body: counts one budget vote by both rules with core, away from the thread that answers requests.
import { countBoth } from '../../core/budget/budgetResults.ts';
import type { BudgetElection } from '../../core/budget/election.ts';
import type { BudgetRule } from '../../core/budget/budgetWire.ts';
import { serveInWorker } from '../workers/serveInWorker.ts';

serveInWorker((message: { election: BudgetElection; rule: BudgetRule; currency: string }) => ({
  value: countBoth(message.election, { rule: message.rule, currency: message.currency }),
}));
