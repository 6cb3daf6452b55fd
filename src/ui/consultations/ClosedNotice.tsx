// says when the consultation on this page closed (read-only since), or that only staff can see a draft or archived one.
import { useTranslation } from 'react-i18next';
import { useConsultation } from '../../store/useConsultation.ts';
import { formatDate } from '../formatDate.ts';
import { closedAt } from './consultationDates.ts';
import './consultations.css';

export function ClosedNotice() {
  const { t, i18n } = useTranslation();
  const consultation = useConsultation();
  if (!consultation || consultation.status === 'open') return null;
  if (consultation.status === 'draft') return <p className="closed-notice">{t('consultation.draftBanner')}</p>;
  if (consultation.status === 'archived') return <p className="closed-notice">{t('consultation.archivedBanner')}</p>;
  const at = closedAt(consultation);
  return <p className="closed-notice">{t('consultation.closedBanner', { date: at ? formatDate(at, i18n.language) : '…' })}</p>;
}
