// the side panel (a sheet over the map on a phone): the consultation's framing, the thank-you after saving, the add-pin
// action, filters and the data menu (on a device without a server) or the staff sign-in link, or the pin form.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAcceptsContributions } from '../store/useConsultation.ts';
import { useAppStore } from '../store/useAppStore.ts';
import { DataMenu } from './DataMenu.tsx';
import WhatChanged from './dialogue/WhatChanged.tsx';
import { FilterPanel } from './FilterPanel.tsx';
import { PinForm } from './PinForm.tsx';
import { StaffSignInLink } from './StaffSignInLink.tsx';
import { ConsultationIntro } from './resident/ConsultationIntro.tsx';
import { ThankYou } from './resident/ThankYou.tsx';
import { usePhoneLayout } from './resident/usePhoneLayout.ts';

export function SidePanel() {
  const { t } = useTranslation();
  const editor = useAppStore((s) => s.editor);
  const addPinStarted = useAppStore((s) => s.addPinStarted);
  const serverMode = useAppStore((s) => s.mode === 'server');
  // a closed consultation is read-only: nothing to add
  const accepting = useAcceptsContributions();
  const phone = usePhoneLayout();
  const addButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useEffect(
    function returnFocusWhenFormCloses() {
      // saving or cancelling removes the form and the focused control with it; without this focus falls to <body>
      const active = document.activeElement;
      if (wasEditing.current && !editor && (!active || active === document.body)) addButton.current?.focus();
      wasEditing.current = editor !== null;
    },
    [editor],
  );
  if (editor && accepting) {
    // re-key so switching from one pin's edit to another's starts a fresh form
    return <PinForm key={editor.mode === 'edit' ? editor.pinId : 'add'} />;
  }
  return (
    <>
      <ThankYou />
      <ConsultationIntro collapsible={phone} />
      {serverMode ? <WhatChanged /> : null}
      {accepting ? (
        <button type="button" className="button button--primary button--wide" ref={addButton} onClick={addPinStarted}>
          {t('actions.addPin')}
        </button>
      ) : null}
      <FilterPanel />
      {serverMode ? <StaffSignInLink /> : <DataMenu />}
    </>
  );
}
