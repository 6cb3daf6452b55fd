// the facilitator panel's part for formal voting: switch the table to voter codes, or back to the workshop.
import './tableVoteEnglish.ts';
import { useTranslation } from 'react-i18next';
import { useBudgetGameFlag } from '../../../store/budgetGameStore.ts';
import { useTableVoteFlag } from '../../../store/tableVoteStore.ts';
import { useConsultation } from '../../../store/useConsultation.ts';
import { useTableStore } from '../useTableStore.ts';

export function TableVoteStart() {
  const { t } = useTranslation();
  const voting = useTableVoteFlag((s) => s.voting);
  const opened = useTableVoteFlag((s) => s.votingOpened);
  const closed = useTableVoteFlag((s) => s.votingClosed);
  const gameClosed = useBudgetGameFlag((s) => s.gameClosed);
  const closePanel = useTableStore((s) => s.panelClosed);
  const server = useConsultation() !== null;
  return (
    <section className="panel-section" aria-labelledby="table-vote-panel-heading">
      <h3 id="table-vote-panel-heading">{t('tableVote.title')}</h3>
      <p className="panel-meta">{voting ? t('tableVote.running') : server ? t('tableVote.panelHint') : t('tableVote.needsServer')}</p>
      {voting ? (
        <button type="button" className="table-button table-button--danger" onClick={() => {
          closed();
          closePanel();
        }}>
          {t('tableVote.leave')}
        </button>
      ) : (
        <button type="button" className="table-button" disabled={!server} onClick={() => {
          // a game's tokens are never a ballot: the game closes before the first voter comes
          gameClosed();
          opened();
          closePanel();
        }}>
          {t('tableVote.start')}
        </button>
      )}
    </section>
  );
}
