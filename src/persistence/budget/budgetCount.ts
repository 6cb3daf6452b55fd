// counts a budget vote in a web worker, so Equal Shares with add1 over many ballots never freezes the results page.
import type { BudgetResults } from '../../core/budget/budgetResults.ts';
import type { BudgetRule } from '../../core/budget/budgetWire.ts';

export interface BudgetCountRequest {
  pb: string;
  rule: BudgetRule;
  currency: string;
}

export type BudgetCountResponse = { ok: true; results: BudgetResults } | { ok: false; message: string };

/**
 * Both rules' results for a .pb file, from a fresh worker that is stopped when it answers.
 * @example
 * const results = await countInBrowserWorker(pbText, 'equal-shares', 'GBP');
 */
export function countInBrowserWorker(pb: string, rule: BudgetRule, currency: string): Promise<BudgetResults> {
  const worker = new Worker(new URL('./budgetCountWorker.ts', import.meta.url), { type: 'module', name: 'coplan-budget-count' });
  return new Promise((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<BudgetCountResponse>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.results);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`the counting worker failed: ${event.message}`));
    };
    const request: BudgetCountRequest = { pb, rule, currency };
    worker.postMessage(request);
  });
}
