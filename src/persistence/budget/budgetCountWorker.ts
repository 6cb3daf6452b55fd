// the results page's web worker: reads the vote's .pb file and counts it by both rules with core, off the ui thread.
import { countBoth } from '../../core/budget/budgetResults.ts';
import type { BudgetRule } from '../../core/budget/budgetWire.ts';
import { parsePabulib } from '../../core/budget/pabulib.ts';
import type { BudgetCountRequest, BudgetCountResponse } from './budgetCount.ts';

self.onmessage = (event: MessageEvent<BudgetCountRequest>) => {
  const { pb, rule, currency } = event.data;
  const parsed = parsePabulib(pb);
  const response: BudgetCountResponse = parsed.ok
    ? { ok: true, results: countBoth(parsed.value, { rule: rule as BudgetRule, currency }) }
    : { ok: false, message: parsed.errors.map((e) => `line ${e.line}: ${e.message}`).join('; ') };
  self.postMessage(response);
};
