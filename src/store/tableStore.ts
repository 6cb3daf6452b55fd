// the touch table's own store: sessions, open note cards, toasts, facilitator panel, idle and layers.
// pins stay in the app store; drops go through its pinAdded so storage (and any sync) sees them like other pins.
// pointer positions never come here: they live in the drag hook's refs.
import { createStore } from 'zustand/vanilla';
import type { TableSide } from '../core/pointerTracker.ts';
import { sessionPins } from '../core/sessionSummary.ts';
import { currentGroup, nextGroupOf, pinRecorded } from '../core/tableGroups.ts';
import { createTableSession, validateSessionInput } from '../core/tableSession.ts';
import type { TableSession } from '../core/tableSession.ts';
import type { PinFeature, PinKind } from '../core/types.ts';
import { createKeyboardSlice } from './tableKeyboardSlice.ts';

export type { NotePrompt, ToastMessage, Toast, TableLayers, StickerDrop, DropResult, TableState, TableStore, TableStoreDeps } from './tableStoreTypes.ts';
import type { TableState, TableStore, TableStoreDeps } from './tableStoreTypes.ts';

/** Session ids go to the server as a pin's sessionId, which allows letters, digits, '-' and '_'. */
const defaultId = () => crypto.randomUUID();

/**
 * Creates the table store for one table page (and one per test).
 * @example
 * const table = createTableStore({ appStore, sessions: createMemorySessionRepository() });
 * await table.getState().tableOpened();
 */
export function createTableStore(deps: TableStoreDeps): TableStore {
  const { appStore, sessions: repository } = deps;
  const now = deps.now ?? (() => new Date());
  const makeId = deps.makeId ?? defaultId;
  let toastId = 0;
  const keepEverywhere = (): Record<TableSide, PinKind> => ({ bottom: 'asset', top: 'asset', left: 'asset', right: 'asset' });

  return createStore<TableState>()((set, get) => {
    function activeSession(): TableSession | undefined {
      const { sessions, activeSessionId } = get();
      return sessions.find((s) => s.id === activeSessionId);
    }

    async function saveSession(session: TableSession): Promise<void> {
      await updateSession(session.id, () => session);
    }

    /** changes a session in the state at once, then stores it: two drops landing together both keep their change */
    async function updateSession(id: string, change: (session: TableSession) => TableSession): Promise<void> {
      let changed: TableSession | undefined;
      set((state) => ({ sessions: state.sessions.map((s) => (s.id === id ? (changed = change(s)) : s)) }));
      if (changed) await repository.putSession(changed);
    }

    async function beginSession(session: TableSession): Promise<void> {
      const previous = activeSession();
      if (previous && !previous.endedAt) await saveSession({ ...previous, endedAt: now().toISOString() });
      await repository.putSession(session);
      await repository.saveActiveSessionId(session.id);
      set((state) => ({ sessions: [...state.sessions, session], activeSessionId: session.id }));
    }

    function clearTransient() {
      return { notePrompts: [], toasts: [], panelOpen: false, summarySessionId: null, keyboards: {}, welcome: null };
    }

    return {
      ...createKeyboardSlice(set),
      status: 'loading',
      sessions: [],
      activeSessionId: null,
      notePrompts: [],
      toasts: [],
      panelOpen: false,
      panelSide: 'bottom',
      attract: false,
      summarySessionId: null,
      // a session starts with its own pins only; everything else is one toggle away in the panel
      layers: { sessionPins: true, otherPins: false, boundaries: true, labels: true },
      viewGeneration: 0,
      paletteKinds: keepEverywhere(),
      welcome: null,

      paletteKindChosen(side, kind) {
        set((state) => ({ paletteKinds: { ...state.paletteKinds, [side]: kind } }));
      },
      welcomeDismissed() {
        set({ welcome: null });
      },

      async tableOpened() {
        const [sessions, activeId] = await Promise.all([repository.listSessions(), repository.loadActiveSessionId()]);
        const active = sessions.find((s) => s.id === activeId && !s.endedAt);
        set({ status: 'ready', sessions, activeSessionId: active?.id ?? null });
      },

      async sessionStarted(input) {
        const checked = validateSessionInput(input);
        if (!checked.ok) return { ok: false, errors: checked.errors };
        const session = createTableSession(checked.value, { id: makeId(), now: now().toISOString() });
        await beginSession(session);
        // the panel stays open on the new session's controls; what the last group left on the table goes
        set({ notePrompts: [], toasts: [], keyboards: {}, summarySessionId: null, paletteKinds: keepEverywhere() });
        return { ok: true, session };
      },

      async sessionEnded() {
        const session = activeSession();
        if (!session) return;
        await saveSession({ ...session, endedAt: now().toISOString() });
        await repository.saveActiveSessionId(null);
        set({ ...clearTransient(), activeSessionId: null, summarySessionId: session.id });
      },

      async nextGroup() {
        const session = activeSession();
        if (session) await updateSession(session.id, (s) => nextGroupOf(s, now().toISOString()));
        const next = activeSession();
        set((state) => ({
          ...clearTransient(),
          viewGeneration: state.viewGeneration + 1,
          paletteKinds: keepEverywhere(),
          welcome: next ? { group: currentGroup(next) } : null,
        }));
      },

      async stickerDropped(drop) {
        const session = activeSession();
        if (!session) {
          get().toastShown(drop.side, drop.at, 'noSession');
          return { ok: false, errors: [{ path: 'session', rule: 'no-session', message: 'no session is running: the facilitator starts one' }] };
        }
        const { kind, theme, title, position } = drop;
        const group = currentGroup(session);
        const result = await appStore.getState().pinAdded({ kind, theme, title, position: [position[0], position[1]], sessionId: session.id });
        if (!result.ok) {
          const outside = result.errors.some((e) => e.rule === 'outside-areas');
          get().toastShown(drop.side, drop.at, outside ? 'outside' : 'saveFailed');
          return result;
        }
        const pin = result.pin;
        // the group that dropped it made it, even when "next group" came while the pin was being stored
        await updateSession(session.id, (s) => pinRecorded(s, pin.id, group));
        set((state) => ({ notePrompts: [...state.notePrompts.filter((p) => p.pinId !== pin.id), { pinId: pin.id, side: drop.side, at: { ...drop.at } }] }));
        return { ok: true, pin };
      },

      async noteSaved(pinId, note) {
        const app = appStore.getState();
        const pin = app.pins.find((p) => p.id === pinId);
        get().notePromptClosed(pinId);
        if (!pin) return { ok: false, errors: [{ path: 'pinId', rule: 'pin-not-found', message: `there is no pin "${pinId}"` }] };
        return app.pinEdited(pin.id, { ...draftOf(pin), note });
      },

      notePromptClosed(pinId) {
        set((state) => ({ notePrompts: state.notePrompts.filter((p) => p.pinId !== pinId) }));
      },

      toastShown(side, at, message) {
        const id = ++toastId;
        set((state) => ({ toasts: [...state.toasts.slice(-5), { id, side, at: { ...at }, message }] }));
        return id;
      },

      toastExpired(id) {
        set((state) => ({ toasts: state.toasts.filter((t) => t.id !== id) }));
      },

      async lastPinUndone() {
        const session = activeSession();
        if (!session) return null;
        const pins = sessionPins(appStore.getState().pins, session.id, new Set(session.hiddenPinIds));
        const last = pins[pins.length - 1];
        if (!last) return null;
        const deleted = await appStore.getState().pinDeleted(last.id);
        if (deleted) get().notePromptClosed(last.id);
        return deleted ? last.id : null;
      },

      async pinHiddenChanged(pinId, hidden, serverReason) {
        const session = activeSession() ?? get().sessions.find((s) => s.id === get().summarySessionId);
        if (!session) return;
        await updateSession(session.id, (s) => {
          const ids = new Set(s.hiddenPinIds);
          if (hidden) ids.add(pinId);
          else ids.delete(pinId);
          return { ...s, hiddenPinIds: [...ids] };
        });
        if (hidden) get().notePromptClosed(pinId);
        // a pin still waiting to be sent is not on the server yet; showing again stays on the table (restoring is the planners')
        const app = appStore.getState();
        if (hidden && serverReason && app.mode === 'server' && !app.pendingIds.has(pinId)) await app.pinModerated(pinId, 'hide', serverReason);
      },

      layersChanged(changes) {
        set((state) => ({ layers: { ...state.layers, ...changes } }));
      },

      panelOpened(side = 'bottom') {
        set({ panelOpen: true, panelSide: side });
      },
      panelClosed() {
        set({ panelOpen: false });
      },

      idleEntered() {
        // half-finished note cards and panel forms are discarded and the facilitator signed out: the next person starts clean
        set({ ...clearTransient(), attract: true });
        const auth = deps.auth?.getState();
        if (auth?.user) void auth.signOutRequested();
      },
      idleLeft() {
        set((state) => ({ attract: false, viewGeneration: state.viewGeneration + 1 }));
      },

      summaryOpened(sessionId) {
        set({ summarySessionId: sessionId, panelOpen: false, notePrompts: [] });
      },
      summaryClosed() {
        set({ summarySessionId: null });
      },
    };
  });
}

function draftOf(pin: PinFeature) {
  const { kind, theme, title, note, sentiment } = pin.properties;
  const [lng, lat] = pin.geometry.coordinates;
  return { kind, theme, title, note, sentiment, position: [lng!, lat!] as const };
}
