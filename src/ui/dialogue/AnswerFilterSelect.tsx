// which pins a list shows by their answer: all, the unanswered, or one status.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { RESPONSE_STATUSES } from '../../core/dialogue/responseStatus.ts';
import type { ResponseStatus } from '../../core/dialogue/responseStatus.ts';
import type { PinFeature } from '../../core/types.ts';
import './loopEnglish.ts';

export type AnswerFilter = 'all' | 'unanswered' | ResponseStatus;

export function matchesAnswerFilter(pin: PinFeature, filter: AnswerFilter): boolean {
  const status = pin.properties.response?.status;
  if (filter === 'all') return true;
  if (filter === 'unanswered') return status === undefined;
  return status === filter;
}

export function AnswerFilterSelect({ value, onChange }: { value: AnswerFilter; onChange: (value: AnswerFilter) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="answer-filter">
      <label htmlFor={id}>{t('loop.list.filterLabel')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as AnswerFilter)}>
        <option value="all">{t('loop.list.filterAll')}</option>
        <option value="unanswered">{t('loop.list.filterUnanswered')}</option>
        {RESPONSE_STATUSES.map((s) => <option key={s} value={s}>{t(`loop.status.${s}`)}</option>)}
      </select>
    </div>
  );
}
