// the budget game's line in a session's "what we heard": what the table funded under both rules, when it played.
import { useTranslation } from 'react-i18next';
import { recalledGame } from '../../../persistence/budget/budgetGameApi.ts';

export function BudgetGameHeard({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const heard = recalledGame(sessionId);
  if (!heard) return null;
  const list = (titles: string[]) => (titles.length ? titles.join(', ') : t('budgetGame.fundedNone'));
  return <p className="summary-budget-game" data-testid="summary-budget-game">{t('budgetGame.heard', { greedy: list(heard.greedy), equalShares: list(heard.equalShares) })}</p>;
}
