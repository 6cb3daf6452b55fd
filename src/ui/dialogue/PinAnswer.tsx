// a planner's answer on a pin (status, text, date), and whether this device should notice it: its own pin, one it supports
// or one it commented on.
import { useTranslation } from 'react-i18next';
import type { PinFeature } from '../../core/types.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { formatDate } from '../formatDate.ts';
import './dialogue.css';
import './loopEnglish.ts';

/** "answered" for this device's own pins and those it supports or commented on, so a resident hears back without an account */
export function AnsweredBadge({ pin }: { pin: PinFeature }) {
  const { t } = useTranslation();
  const mine = useAppStore((s) => pin.properties.author !== undefined && pin.properties.author === s.deviceToken);
  const supported = useAppStore((s) => s.supportedIds.has(pin.id));
  const commented = useAppStore((s) => s.commentedIds.has(pin.id));
  if (!pin.properties.response || (!mine && !supported && !commented)) return null;
  const which = mine ? 'answeredYours' : supported ? 'answeredSupported' : 'answeredCommented';
  return <span className="answered-badge">{t(`loop.answer.${which}`)}</span>;
}

export function PinAnswer({ pin }: { pin: PinFeature }) {
  const { t, i18n } = useTranslation();
  const response = pin.properties.response;
  if (!response) return null;
  return (
    <section className="pin-answer" aria-labelledby={`pin-answer-${pin.id}`}>
      <h3 id={`pin-answer-${pin.id}`}>{t('loop.answer.heading')}</h3>
      <p>
        <span className={`answer-status answer-status--${response.status}`}>{t(`loop.status.${response.status}`)}</span>{' '}
        <AnsweredBadge pin={pin} />
      </p>
      {response.text ? <p className="pin-answer__text">{response.text}</p> : null}
      <p className="pin-answer__date">
        <time dateTime={response.at}>{t('loop.answer.answeredOn', { date: formatDate(response.at, i18n.language) })}</time>
      </p>
    </section>
  );
}
