// a pin's planner answer in the touch-table's pin details: the status and the answer's words, small, as text; nothing
// for a pin not yet answered. Live, as the table's pins are.
import { useTranslation } from 'react-i18next';
import type { PinFeature } from '../../core/types.ts';
import '../dialogue/dialogue.css';
import '../dialogue/loopEnglish.ts';

export function TablePinAnswer({ pin }: { pin: PinFeature }) {
  const { t } = useTranslation();
  const response = pin.properties.response;
  if (!response) return null;
  return (
    <span className="table-pin-answer" data-testid="table-pin-answer">
      {t('loop.table.answer')}{' '}
      <span className={`answer-status answer-status--${response.status}`}>{t(`loop.status.${response.status}`)}</span>
      {response.text ? <span className="table-pin-answer__text"> {response.text}</span> : null}
    </span>
  );
}
