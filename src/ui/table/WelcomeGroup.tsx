// the welcome moment after "next group": the new group's number facing both long sides, gone at a touch or by itself.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useTableStore } from './useTableStore.ts';

export const WELCOME_MS = 8000;

function Words({ group }: { group: number }) {
  const { t } = useTranslation();
  return (
    <div className="welcome-half">
      <p className="welcome-heading">{t('table.welcome.heading', { group })}</p>
      <p className="welcome-how">{t('table.welcome.how')}</p>
      {group > 1 ? <p className="welcome-how">{t('table.welcome.earlier')}</p> : null}
    </div>
  );
}

export function WelcomeGroup({ group }: { group: number }) {
  const { t } = useTranslation();
  const dismissed = useTableStore((s) => s.welcomeDismissed);
  const start = useRef<HTMLButtonElement>(null);
  useEffect(
    function welcomeForAWhile() {
      start.current?.focus({ preventScroll: true });
      const timer = window.setTimeout(dismissed, WELCOME_MS);
      return function stopWaiting() {
        window.clearTimeout(timer);
      };
    },
    [dismissed, group],
  );
  return (
    <div
      className="welcome"
      role="dialog"
      aria-modal="true"
      aria-label={t('table.welcome.label', { group })}
      // pointerup, not down: the lifting finger must not land on the sticker or map under it
      onPointerUp={(event) => {
        event.preventDefault();
        dismissed();
      }}
    >
      <div className="welcome-top" aria-hidden="true">
        <Words group={group} />
      </div>
      <button ref={start} type="button" className="welcome-start" onClick={(event) => event.detail === 0 && dismissed()}>
        {t('table.welcome.start')}
      </button>
      <div className="welcome-bottom">
        <Words group={group} />
      </div>
    </div>
  );
}
