// sync slice (server mode): what the server and the outbox report, applied to state and to the device's pin cache.
import type { StateCreator } from 'zustand';
import { bboxHas } from '../core/bbox.ts';
import type { PinFeature, Problem } from '../core/types.ts';
import { ApiRequestError } from '../persistence/apiErrors.ts';
import type { PinRepository } from '../persistence/pinRepository.ts';
import type { ServerSync } from '../persistence/serverSync.ts';
import type { AppState, ReportedProblem, ServerActionResult, SyncActions, SyncState } from './appState.ts';
import { nameProblems } from './nameProblems.ts';
import type { ResolvedDeps } from './storeDeps.ts';

/** Makes the device's cache hold exactly these pins (server copies plus changes still waiting). */
export async function cachePins(repository: PinRepository, pins: readonly PinFeature[]): Promise<void> {
  const keep = new Set(pins.map((p) => p.id));
  const stale = (await repository.listPins()).filter((p) => !keep.has(p.id));
  await repository.putPins(pins);
  for (const pin of stale) await repository.deletePin(pin.id);
}

/** Starts live events and outbox sending, reporting into the store's sync actions; returns the stop function. */
export function connectSync(store: { getState(): AppState }, sync: ServerSync): () => void {
  const s = () => store.getState();
  return sync.start({
    pinsReloaded: (pins, pendingIds) => s().pinsReloaded(pins, pendingIds),
    remotePinChanged: (pin) => s().remotePinChanged(pin),
    remotePinRemoved: (id) => s().remotePinRemoved(id),
    changeRefused: (pinId, code, message) => s().changeRefused(pinId, code, message),
    pendingChanged: (ids) => s().pendingChanged(ids),
    connectionChanged: (connection) => s().connectionChanged(connection),
    catalogReloaded: (catalog) => s().catalogReloaded(catalog),
    remoteCommentChanged: (comment) => s().remoteCommentChanged(comment),
    remoteCommentRemoved: (id, pinId) => s().remoteCommentRemoved(id, pinId),
  });
}

function failure(error: unknown): Extract<ServerActionResult, { ok: false }> {
  if (error instanceof ApiRequestError) {
    const problems = Array.isArray(error.details) ? (error.details as Problem[]).filter((d) => d && typeof d.message === 'string') : [];
    return { ok: false, code: error.code, message: error.message, errors: problems };
  }
  return { ok: false, code: 'network', message: error instanceof Error ? error.message : String(error), errors: [] };
}

export function createSyncSlice(deps: ResolvedDeps): StateCreator<AppState, [], [], SyncState & SyncActions> {
  const { repository, sync, deviceToken } = deps;
  let noticeId = 0;

  return (set, get) => {
    function withoutPin(state: AppState, id: string): Partial<AppState> {
      const editingThis = state.editor?.mode === 'edit' && state.editor.pinId === id;
      return {
        pins: state.pins.filter((p) => p.id !== id),
        ...(editingThis ? { editor: null, draftPosition: null, placing: false } : {}),
      };
    }
    const cacheWrite = (write: Promise<void>) => write.catch((error: unknown) => console.warn(`coplan: cache write failed: ${String(error)}`));

    return {
      mode: sync ? 'server' : 'local',
      pendingIds: new Set<string>(),
      connection: 'online',
      notices: [],

      pinsReloaded(pins, pendingIds) {
        void cacheWrite(cachePins(repository, pins));
        set((state) => {
          const ids = new Set(pins.map((p) => p.id));
          const editing = state.editor?.mode === 'edit' && !ids.has(state.editor.pinId);
          return { pins, pendingIds, ...(editing ? { editor: null, draftPosition: null, placing: false } : {}) };
        });
      },

      remotePinChanged(pin) {
        const { pendingIds, pins } = get();
        // a change of ours still waiting is newer than what the server just said
        if (pendingIds.has(pin.id)) return;
        // a pin made here has the same id on the server, so its own live event (or the answer to its POST) lands on it
        const existing = pins.find((p) => p.id === pin.id);
        // view scope: a new pin outside the loaded view is not kept (the map loads it when the resident goes there)
        const { pinScope, viewScope } = get();
        if (!existing && pinScope === 'view' && !pin.properties.author && !(viewScope.loadedBbox && bboxHas(viewScope.loadedBbox, pin.geometry.coordinates))) return;
        // live events never carry `mine`; this device's own pins stay its own
        const author = pin.properties.author ?? (existing?.properties.author === deviceToken ? deviceToken : undefined);
        const next: PinFeature = author ? { ...pin, properties: { ...pin.properties, author } } : pin;
        void cacheWrite(repository.putPin(next));
        set((state) => ({ pins: existing ? state.pins.map((p) => (p.id === pin.id ? next : p)) : [...state.pins, next] }));
      },

      remotePinRemoved(id) {
        if (!get().pins.some((p) => p.id === id)) return;
        void cacheWrite(repository.deletePin(id));
        set((state) => withoutPin(state, id));
      },

      changeRefused(pinId, code, message) {
        const title = get().pins.find((p) => p.id === pinId)?.properties.title ?? '';
        set((state) => {
          const supportedIds = new Set(state.supportedIds);
          if (code === 'own-pin') supportedIds.delete(pinId);
          return { supportedIds, notices: [...state.notices, { id: ++noticeId, pinId, title, code, message }] };
        });
      },

      pendingChanged(ids) {
        set({ pendingIds: ids });
      },

      connectionChanged(connection) {
        if (get().connection !== connection) set({ connection });
      },

      catalogReloaded({ areas, themes }) {
        set({ ...(areas ? { areas } : {}), ...(themes ? { themes } : {}) });
      },

      noticeDismissed(id) {
        set((state) => ({ notices: state.notices.filter((n) => n.id !== id) }));
      },

      async pinModerated(id, action, reason) {
        if (!sync) return { ok: false, code: 'no-server', message: 'Moderation needs the Coplan server.', errors: [] };
        try {
          const remote = await sync.api.moderatePin(id, action, reason);
          if (action === 'hide') get().remotePinRemoved(id);
          else get().remotePinChanged(remote.pin);
          return { ok: true };
        } catch (error) {
          return failure(error);
        }
      },

      async hiddenPinsRequested() {
        if (!sync) return [];
        const all = await sync.api.listPins({ includeHidden: true });
        return all.filter((r) => r.hidden).map((r) => ({ pin: r.pin, reason: r.hiddenReason ?? '' }));
      },

      async serverExportRequested(format) {
        if (!sync) return { ok: false, code: 'no-server', message: 'Exporting from the server needs the Coplan server.', errors: [] };
        try {
          return { ok: true, text: await sync.api.exportPins(format) };
        } catch (error) {
          return failure(error);
        }
      },

      async serverCatalogReplaced(what, text) {
        if (!sync) return { ok: false, code: 'no-server', message: 'Replacing needs the Coplan server.', errors: [] };
        // the same checks as the server, here first, so problems are named after the features in the file
        // (the file readers are chunks of their own, loaded when a planner replaces a file)
        const parsed = what === 'areas' ? (await import('../core/parseAreas.ts')).parseAreas(text) : (await import('../core/parseThemes.ts')).parseThemes(text);
        if (!parsed.ok) {
          const errors: ReportedProblem[] = nameProblems(text, parsed.errors);
          return { ok: false, code: `invalid-${what}`, message: '', errors };
        }
        try {
          if (what === 'areas') await sync.api.replaceAreas(parsed.value as Parameters<typeof sync.api.replaceAreas>[0]);
          else await sync.api.replaceThemes(parsed.value as Parameters<typeof sync.api.replaceThemes>[0]);
          await sync.reload(what === 'areas' ? { areas: true } : { themes: true });
          return { ok: true };
        } catch (error) {
          return failure(error);
        }
      },
    };
  };
}
