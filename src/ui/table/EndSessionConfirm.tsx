// "end session?" asked inside the facilitator panel with two large buttons, facing the facilitator (not window.confirm,
// which a touch-table shows upright for one side only and which blocks the whole page).
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export function EndSessionConfirm({ name, onCancel, onConfirm }: { name: string; onCancel(): void; onConfirm(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(function offerTheSafeChoice() {
    cancel.current?.focus({ preventScroll: true });
  }, []);
  return (
    <div className="end-confirm" role="alertdialog" aria-modal="false" aria-labelledby={`${id}-q`} aria-describedby={`${id}-d`}>
      <p id={`${id}-q`} className="end-confirm-question">
        {t('table.endConfirm.question', { name })}
      </p>
      <p id={`${id}-d`} className="panel-meta">
        {t('table.endConfirm.detail')}
      </p>
      <div className="end-confirm-actions">
        <button ref={cancel} type="button" className="table-button table-button--primary" onClick={onCancel}>
          {t('table.endConfirm.cancel')}
        </button>
        <button type="button" className="table-button table-button--danger" onClick={onConfirm}>
          {t('table.endConfirm.confirm')}
        </button>
      </div>
    </div>
  );
}
