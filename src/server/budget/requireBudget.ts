// the budget a budget route is about: its settings, or a 404 when the consultation has none.
import type { BudgetSettings } from '../../core/budget/budgetWire.ts';
import { ApiError } from '../apiError.ts';
import type { Scope } from '../serverContext.ts';

/**
 * The consultation's budget settings, or `404 budget-not-found`.
 * @example
 * const settings = await requireBudget(request.scope); settings.amount // => 50000
 */
export async function requireBudget(scope: Scope): Promise<BudgetSettings> {
  const settings = await scope.store.budget().getSettings();
  if (!settings) throw new ApiError(404, 'budget-not-found', `"${scope.consultation.title}" has no budget.`);
  return settings;
}
