// the budget game over the table while one is open; it needs the consultation's server (its budget and the staff session).
import { useTranslation } from 'react-i18next';
import { useBudgetGameFlag } from '../../../store/budgetGameStore.ts';
import { useConsultation } from '../../../store/useConsultation.ts';
import '../../budget/budgetGameEnglish.ts';
import { BudgetGame } from './BudgetGame.tsx';

export function BudgetGameLayer() {
  const { t } = useTranslation();
  const sessionId = useBudgetGameFlag((s) => s.sessionId);
  const closed = useBudgetGameFlag((s) => s.gameClosed);
  const consultation = useConsultation();
  if (sessionId === null) return null;
  if (!consultation) {
    return (
      <div className="budget-game budget-game--message" role="dialog" aria-modal="true" aria-label={t('budgetGame.title')}>
        <p role="status">{t('budgetGame.needsServer')}</p>
        <button type="button" className="table-button" onClick={closed}>{t('budgetGame.close')}</button>
      </div>
    );
  }
  return <BudgetGame slug={consultation.slug} sessionId={sessionId} />;
}
