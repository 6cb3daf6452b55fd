// formal voting over the whole table while the facilitator has it on; it needs the consultation's server (the ballot).
import './tableVoteEnglish.ts';
import { useTranslation } from 'react-i18next';
import { useTableVoteFlag } from '../../../store/tableVoteStore.ts';
import { useConsultation } from '../../../store/useConsultation.ts';
import { TableVote } from './TableVote.tsx';
import './tableVote.css';

export function TableVoteLayer() {
  const { t } = useTranslation();
  const voting = useTableVoteFlag((s) => s.voting);
  const consultation = useConsultation();
  if (!voting) return null;
  if (!consultation) {
    return (
      <section className="table-vote table-vote--message" aria-label={t('tableVote.title')} data-table-side="bottom">
        <p role="status">{t('tableVote.needsServer')}</p>
      </section>
    );
  }
  // keyed by the consultation: a new one starts with nothing of the last voter
  return <TableVote key={consultation.slug} slug={consultation.slug} />;
}
