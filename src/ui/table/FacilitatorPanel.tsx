// the facilitator's panel: sign in, start/end a session, next group, undo, formal voting, hide pins, layers, past summaries.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KEYBOARD_SIZE } from '../../core/keyboardPlacement.ts';
import { sideRotation } from '../../core/sideRotation.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { useAuth, useStaffRole } from '../../store/useAuth.ts';
import { SignInForm } from '../SignInForm.tsx';
import { BudgetGameStart } from './budgetGame/BudgetGameStart.tsx';
import { EndSessionConfirm } from './EndSessionConfirm.tsx';
import { LayerChoices } from './LayerChoices.tsx';
import { SessionPinList } from './SessionPinList.tsx';
import { SessionStartForm } from './SessionStartForm.tsx';
import { useTableStore } from './useTableStore.ts';
import { TableVoteStart } from './vote/TableVoteStart.tsx';
import '../planner-tools/staffToolsEnglish.ts';

function ActiveSession() {
  const { t } = useTranslation();
  const session = useTableStore((s) => s.sessions.find((x) => x.id === s.activeSessionId));
  const nextGroup = useTableStore((s) => s.nextGroup);
  const undo = useTableStore((s) => s.lastPinUndone);
  const ended = useTableStore((s) => s.sessionEnded);
  const summaryOpened = useTableStore((s) => s.summaryOpened);
  const [undone, setUndone] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  if (!session) return <SessionStartForm />;
  return (
    <>
      <section className="panel-section">
        <h3>{t('table.session.current', { name: session.name })}</h3>
        <p className="panel-meta">{[session.place, session.date, session.facilitator].filter(Boolean).join(' · ')}</p>
        {confirming ? <EndSessionConfirm name={session.name} onCancel={() => setConfirming(false)} onConfirm={() => void ended()} /> : null}
        <div className="panel-actions" hidden={confirming}>
          <button type="button" className="table-button table-button--primary" onClick={() => void nextGroup()}>
            {t('table.session.nextGroup')}
          </button>
          <button
            type="button"
            className="table-button"
            onClick={async () => {
              const id = await undo();
              setUndone(id ? t('table.session.undone') : t('table.session.nothingToUndo'));
            }}
          >
            {t('table.session.undo')}
          </button>
          <button type="button" className="table-button" onClick={() => summaryOpened(session.id)}>
            {t('table.summary.open')}
          </button>
          <button type="button" className="table-button table-button--danger" onClick={() => setConfirming(true)}>
            {t('table.session.end')}
          </button>
        </div>
        <p role="status" className="panel-meta">{undone ?? ''}</p>
      </section>
      <SessionPinList session={session} />
      <BudgetGameStart sessionId={session.id} />
    </>
  );
}

function PastSessions() {
  const { t } = useTranslation();
  const all = useTableStore((s) => s.sessions);
  const sessions = all.filter((x) => x.endedAt);
  const summaryOpened = useTableStore((s) => s.summaryOpened);
  if (sessions.length === 0) return null;
  return (
    <section className="panel-section">
      <h3>{t('table.session.past')}</h3>
      <ul className="panel-pins">
        {sessions
          .slice(-8)
          .reverse()
          .map((session) => (
            <li key={session.id} className="panel-pin">
              <span className="panel-pin-text">
                {session.name} · {session.date}
              </span>
              <button type="button" className="table-button table-button--small" aria-label={t('table.summary.openNamed', { name: session.name })} onClick={() => summaryOpened(session.id)}>
                {t('table.summary.open')}
              </button>
            </li>
          ))}
      </ul>
    </section>
  );
}

export function FacilitatorPanel() {
  const { t } = useTranslation();
  const id = useId();
  const side = useTableStore((s) => s.panelSide);
  const closed = useTableStore((s) => s.panelClosed);
  const server = useAppStore((s) => s.mode === 'server');
  const planner = useStaffRole() !== null;
  const signedIn = useAuth((s) => s.user !== null);
  const checked = useAuth((s) => s.checked);
  // this side's on-screen keyboard lies along the edge: the panel moves into the room that is left
  const keyboardOpen = useTableStore((s) => s.keyboards[side] !== undefined);
  const room = keyboardOpen ? { [side === 'top' ? 'paddingTop' : side === 'bottom' ? 'paddingBottom' : side === 'left' ? 'paddingLeft' : 'paddingRight']: KEYBOARD_SIZE.height } : undefined;
  const dialog = useRef<HTMLDivElement>(null);
  // without a server (device-only mode) there is nobody to check a passphrase: the panel opens, and says so
  const unlocked = !server || planner;

  useEffect(function focusDialog() {
    dialog.current?.focus();
  }, []);

  return (
    <div className="panel-backdrop" style={room} onPointerDown={(event) => event.target === event.currentTarget && closed()}>
      <div
        ref={dialog}
        className="facilitator-panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        tabIndex={-1}
        data-drop-obstacle="panel"
        data-table-side={side}
        // with the keyboard open the panel fits the room left above it, scrolling inside (no header pushed off screen)
        style={{ transform: `rotate(${sideRotation(side)}deg)`, maxHeight: keyboardOpen ? `calc(100vh - ${KEYBOARD_SIZE.height + 24}px)` : undefined }}
        onKeyDown={(event) => event.key === 'Escape' && closed()}
      >
        <header className="panel-header">
          <h2 id={`${id}-title`}>{t('table.panel.title')}</h2>
          <button type="button" className="table-button" onClick={closed}>
            {t('table.panel.close')}
          </button>
        </header>
        {unlocked ? null : (
          <>
            {/* the form stays empty until the server has said whether this page is signed in already */}
            {checked ? null : <p>{t('table.panel.checking')}</p>}
            <SignInForm variant="table" showSignOut={signedIn} />
            {signedIn ? <p className="panel-meta">{t('sync.auth.notMember')}</p> : null}
          </>
        )}
        {unlocked ? (
          <>
            {server ? null : <p className="panel-meta">{t('table.panel.noServer')}</p>}
            <ActiveSession />
            <TableVoteStart />
            <LayerChoices />
            <PastSessions />
          </>
        ) : null}
      </div>
    </div>
  );
}
