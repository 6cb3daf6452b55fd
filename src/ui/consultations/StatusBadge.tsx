// a consultation's status in words (the colour only repeats it).
import { useTranslation } from 'react-i18next';
import type { ConsultationStatus } from '../../persistence/staffApi.ts';

export function StatusBadge({ status }: { status: ConsultationStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge status-badge--${status}`}>
      <span className="visually-hidden">{t('consultation.statusLabel')} </span>
      {t(`consultation.status.${status}`)}
    </span>
  );
}
