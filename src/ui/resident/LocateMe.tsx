// "use my location": asks first, says what happens to the position (nothing leaves the device), handles a refusal.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { areaLocatorFor } from '../../store/areaLocatorFor.ts';
import { useAppStore, useAppStoreApi } from '../../store/useAppStore.ts';

type Step = 'idle' | 'asking' | 'locating' | 'denied' | 'unavailable' | 'outside' | 'found';

export function LocateMe() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const mapTargetChosen = useAppStore((s) => s.mapTargetChosen);
  const [step, setStep] = useState<Step>('idle');
  const geolocation = globalThis.navigator?.geolocation;

  function locate() {
    if (!geolocation) {
      setStep('unavailable');
      return;
    }
    setStep('locating');
    geolocation.getCurrentPosition(
      (position) => {
        const point = [position.coords.longitude, position.coords.latitude] as const;
        mapTargetChosen({ point });
        void areaLocatorFor(store.getState().areas).then(
          (locate) => setStep(locate(point) !== null ? 'found' : 'outside'),
          () => setStep('found'),
        );
      },
      (error) => setStep(error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable'),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  return (
    <>
      <button type="button" className="button place-search__locate" aria-expanded={step === 'asking'} onClick={() => setStep(step === 'asking' ? 'idle' : 'asking')}>
        <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M11 2v2.06A8 8 0 0 0 4.06 11H2v2h2.06A8 8 0 0 0 11 19.94V22h2v-2.06A8 8 0 0 0 19.94 13H22v-2h-2.06A8 8 0 0 0 13 4.06V2zm1 4a6 6 0 1 1 0 12 6 6 0 0 1 0-12zm0 3a3 3 0 1 0 0 6 3 3 0 0 0 0-6z" />
        </svg>
        <span className="place-search__locate-text">{t('resident17.locate.button')}</span>
      </button>
      {step === 'idle' ? null : (
        <div className="locate-me" role={step === 'asking' ? undefined : 'status'}>
          {step === 'asking' ? (
            <>
              <p>{t('resident17.locate.consent')}</p>
              <div className="locate-me__buttons">
                <button type="button" className="button button--primary" onClick={locate}>
                  {t('resident17.locate.yes')}
                </button>
                <button type="button" className="button" onClick={() => setStep('idle')}>
                  {t('resident17.locate.no')}
                </button>
              </div>
            </>
          ) : (
            <p>
              {t(`resident17.locate.${step}`)}{' '}
              {step === 'locating' ? null : (
                <button type="button" className="button button--small" onClick={() => setStep('idle')}>
                  {t('resident17.thanks.close')}
                </button>
              )}
            </p>
          )}
        </div>
      )}
    </>
  );
}
