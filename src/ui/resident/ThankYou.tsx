// after a resident saves a new pin: a visible thank-you with the pin highlighted, "See your pin" and "Add another".
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAcceptsContributions } from '../../store/useConsultation.ts';
import { useAppStore, useAppStoreApi } from '../../store/useAppStore.ts';

export function ThankYou() {
  const { t } = useTranslation();
  const pin = useAppStore((s) => (s.thankedPinId ? s.pins.find((p) => p.id === s.thankedPinId) : undefined));
  const { pinShownOnMap, addPinStarted, thanksDismissed } = useAppStoreApi().getState();
  const heading = useRef<HTMLHeadingElement>(null);
  const accepting = useAcceptsContributions();
  const shown = pin !== undefined;

  useEffect(
    function focusThanks() {
      // the form that had focus is gone: the thank-you takes it, so keyboard and screen-reader users land on it
      if (shown) heading.current?.focus({ preventScroll: true });
    },
    [shown],
  );

  if (!pin) return null;
  return (
    <section className="thank-you" aria-labelledby="thank-you-heading">
      <h2 id="thank-you-heading" tabIndex={-1} ref={heading}>
        {t('resident17.thanks.heading')}
      </h2>
      <p>{t('resident17.thanks.text', { title: pin.properties.title })}</p>
      <div className="thank-you__buttons">
        <button type="button" className="button button--primary" onClick={() => pinShownOnMap(pin.id)}>
          {t('resident17.thanks.see')}
        </button>
        {accepting ? (
          <button type="button" className="button" onClick={() => addPinStarted()}>
            {t('resident17.thanks.another')}
          </button>
        ) : null}
        <button type="button" className="button button--small thank-you__close" onClick={() => thanksDismissed()}>
          {t('resident17.thanks.close')}
        </button>
      </div>
    </section>
  );
}
