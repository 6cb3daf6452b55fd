// the side panel (a sheet over the map on a phone): the consultation's framing, the thank-you after saving, the add-pin
// action, filters and the data menu (on a device without a server) or the staff sign-in link, or the pin form.
import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAcceptsContributions } from '../store/useConsultation.ts';
import { useAppStore } from '../store/useAppStore.ts';
import { FilterPanel } from './FilterPanel.tsx';
import { StaffSignInLink } from './StaffSignInLink.tsx';
import { ConsultationIntro } from './resident/ConsultationIntro.tsx';
import { ThankYou } from './resident/ThankYou.tsx';
import { usePhoneLayout } from './resident/usePhoneLayout.ts';

// the pin form, the data menu (a device without a server) and "what changed" are chunks of their own, outside the
// resident's first load; ResidentApp fetches them once the map is up, so the form opens at once
const loadPinForm = () => import('./PinForm.tsx');
const loadDataMenu = () => import('./DataMenu.tsx');
const loadWhatChanged = () => import('./dialogue/WhatChanged.tsx');
const PinForm = lazy(() => loadPinForm().then((m) => ({ default: m.PinForm })));
const DataMenu = lazy(() => loadDataMenu().then((m) => ({ default: m.DataMenu })));
const WhatChanged = lazy(loadWhatChanged);

/** fetches the side panel's later parts (the service worker has them offline) */
export function preloadSidePanel(): Promise<unknown> {
  return Promise.all([loadPinForm(), loadDataMenu(), loadWhatChanged()]);
}

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
    return (
      <Suspense fallback={null}>
        <PinForm key={editor.mode === 'edit' ? editor.pinId : 'add'} />
      </Suspense>
    );
  }
  return (
    <>
      <ThankYou />
      <ConsultationIntro collapsible={phone} />
      {serverMode ? (
        <Suspense fallback={null}>
          <WhatChanged />
        </Suspense>
      ) : null}
      {accepting ? (
        <button type="button" className="button button--primary button--wide" ref={addButton} onClick={addPinStarted}>
          {t('actions.addPin')}
        </button>
      ) : null}
      <FilterPanel />
      {serverMode ? (
        <StaffSignInLink />
      ) : (
        <Suspense fallback={null}>
          <DataMenu />
        </Suspense>
      )}
    </>
  );
}
