// what a resident can do with a pin: support it (once per device), and edit or delete their own.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PinFeature } from '../core/types.ts';
import { isOwnPin } from '../store/selectVisiblePins.ts';
import { useAcceptsContributions } from '../store/useConsultation.ts';
import { useAppStore } from '../store/useAppStore.ts';
import { announce } from './LiveAnnouncer.tsx';
import './residentPanelsEnglish.ts';

interface PinActionsProps {
  pin: PinFeature;
  /** extra actions first, e.g. "Show on map" in the list */
  showOnMap?: boolean;
  compact?: boolean;
}

export function PinActions({ pin, showOnMap = false, compact = false }: PinActionsProps) {
  const { t } = useTranslation();
  const own = useAppStore((s) => isOwnPin(s, pin));
  const supported = useAppStore((s) => s.supportedIds.has(pin.id));
  const supportToggled = useAppStore((s) => s.supportToggled);
  const editPinStarted = useAppStore((s) => s.editPinStarted);
  const pinDeleted = useAppStore((s) => s.pinDeleted);
  const pinShownOnMap = useAppStore((s) => s.pinShownOnMap);
  const [confirming, setConfirming] = useState(false);
  // a closed consultation is read-only: no support, edit or delete (moderators still moderate)
  const accepting = useAcceptsContributions();
  const title = pin.properties.title;

  async function deleteConfirmed() {
    if (!(await pinDeleted(pin.id))) return;
    announce(t('common.announce.pinDeleted', { title }));
    // the row is gone from the list, and focus with it: put it on the list heading rather than <body>
    if (compact) document.getElementById('pin-list')?.focus();
  }

  if (confirming) {
    return (
      <div className="pin-actions pin-actions--confirm" role="group" aria-label={t('pin.confirmDeleteGroup', { title })}>
        <p className="pin-actions__question">{t('pin.confirmDelete', { title })}</p>
        <button type="button" className="button button--danger" onClick={() => void deleteConfirmed()}>
          {t('pin.confirmDeleteYes')}
        </button>
        <button type="button" className="button" autoFocus onClick={() => setConfirming(false)}>
          {t('pin.confirmDeleteNo')}
        </button>
      </div>
    );
  }

  // in the list every row has these buttons, so each name says which pin it acts on
  const named = (key: string) => (compact ? t(`${key}Named`, { title }) : undefined);
  return (
    <div className="pin-actions">
      {showOnMap ? (
        <button type="button" className="button" aria-label={named('pin.showOnMap')} onClick={() => pinShownOnMap(pin.id)}>
          {t('pin.showOnMap')}
        </button>
      ) : null}
      {/* supporting is for other people's pins: the server refuses a resident's support of their own */}
      {own || !accepting ? null : (
        <button
          type="button"
          className="button button--toggle"
          aria-pressed={supported}
          aria-label={named('pin.support')}
          onClick={() => void supportToggled(pin.id)}
        >
          {t('pin.support')}
        </button>
      )}
      {own && accepting ? (
        <>
          <button type="button" className="button" aria-label={named('pin.edit')} onClick={() => editPinStarted(pin.id)}>
            {t('pin.edit')}
          </button>
          <button type="button" className="button" aria-label={named('pin.delete')} onClick={() => setConfirming(true)}>
            {t('pin.delete')}
          </button>
        </>
      ) : null}
    </div>
  );
}
