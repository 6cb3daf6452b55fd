// the facilitator panel's part for the budget game: start it for the current session (the panel closes, the game opens).
import { useTranslation } from 'react-i18next';
import { useBudgetGameFlag } from '../../../store/budgetGameStore.ts';
import { useTableVoteFlag } from '../../../store/tableVoteStore.ts';
import { useTableStore } from '../useTableStore.ts';

export function BudgetGameStart({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const opened = useBudgetGameFlag((s) => s.gameOpened);
  const closePanel = useTableStore((s) => s.panelClosed);
  const votingClosed = useTableVoteFlag((s) => s.votingClosed);
  return (
    <section className="panel-section">
      <p className="panel-meta">{t('budgetGame.startHint')}</p>
      <button type="button" className="table-button" data-testid="budget-game-start" onClick={() => {
        // the game's tokens are never ballots: formal voting ends before the game starts
        votingClosed();
        opened(sessionId);
        closePanel();
      }}>
        {t('budgetGame.start')}
      </button>
    </section>
  );
}
