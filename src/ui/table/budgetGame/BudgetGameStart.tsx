// the facilitator panel's part for the budget game: start it for the current session (the panel closes, the game opens).
import { useTranslation } from 'react-i18next';
import { useBudgetGameFlag } from '../../../store/budgetGameStore.ts';
import { useTableStore } from '../useTableStore.ts';

export function BudgetGameStart({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const opened = useBudgetGameFlag((s) => s.gameOpened);
  const closePanel = useTableStore((s) => s.panelClosed);
  return (
    <section className="panel-section">
      <p className="panel-meta">{t('budgetGame.startHint')}</p>
      <button type="button" className="table-button" data-testid="budget-game-start" onClick={() => {
        opened(sessionId);
        closePanel();
      }}>
        {t('budgetGame.start')}
      </button>
    </section>
  );
}
