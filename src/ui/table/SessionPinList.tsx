// the active session's pins, newest first, each with a hide/show switch for the facilitator.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionPins } from '../../core/sessionSummary.ts';
import type { TableSession } from '../../core/tableSession.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { useAreaNames, useThemeLabels } from '../useThemeLabels.ts';
import { TablePinAnswer } from './TablePinAnswer.tsx';
import { useTableStore } from './useTableStore.ts';

export function SessionPinList({ session }: { session: TableSession }) {
  const { t } = useTranslation();
  const id = useId();
  const pins = useAppStore((s) => s.pins);
  const hiddenChanged = useTableStore((s) => s.pinHiddenChanged);
  const { byId } = useThemeLabels();
  const areaNames = useAreaNames();
  const mine = sessionPins(pins, session.id).reverse();
  const hidden = new Set(session.hiddenPinIds);
  return (
    <section className="panel-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('table.pins.heading', { count: mine.length })}</h3>
      {mine.length === 0 ? <p>{t('table.pins.none')}</p> : null}
      <ul className="panel-pins">
        {mine.map((pin) => {
          const isHidden = hidden.has(pin.id);
          const title = pin.properties.title;
          return (
            <li key={pin.id} className={isHidden ? 'panel-pin panel-pin--hidden' : 'panel-pin'}>
              <span className="panel-pin-text">
                <strong>{title}</strong> · {t(`table.kind.${pin.properties.kind}`)} · {byId.get(pin.properties.theme)?.label ?? pin.properties.theme} ·{' '}
                {areaNames.get(pin.properties.area) ?? pin.properties.area}
                {pin.properties.note ? <span className="panel-pin-note">“{pin.properties.note}”</span> : null}
                <TablePinAnswer pin={pin} />
              </span>
              <button
                type="button"
                className="table-button table-button--small"
                aria-pressed={isHidden}
                aria-label={t('table.pins.hideNamed', { title })}
                // pins that reached the server are hidden there too (the store knows which did)
                onClick={() => void hiddenChanged(pin.id, !isHidden, t('table.pins.hideReason', { session: session.name }))}
              >
                {t('table.pins.hide')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
