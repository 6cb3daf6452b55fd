// view scope: in a consultation too big to load whole, the device holds the pins of the map view (and its own).
import type { StateCreator } from 'zustand';
import type { AppState, ViewScopeActions, ViewScopeState } from './appState.ts';
import { NetworkError } from '../persistence/apiErrors.ts';
import { bboxContains, padBbox } from '../core/bbox.ts';
import type { ResolvedDeps } from './storeDeps.ts';

/** how far past each edge of the view pins are loaded, as a share of its size, so small pans need no new load */
const PAD = 0.5;

export function createViewScopeSlice(deps: ResolvedDeps): StateCreator<AppState, [], [], ViewScopeState & ViewScopeActions> {
  const { sync } = deps;
  let seq = 0;

  return (set, get) => ({
    pinScope: 'all',
    viewScope: { loadedBbox: null, tooMany: false, clusters: null },

    async mapViewChanged(view, zoom) {
      if (!sync || get().pinScope !== 'view') return;
      const { loadedBbox, tooMany } = get().viewScope;
      // pins already here for the whole view; a view that had too many may have room now (zoomed in), so it asks again
      if (loadedBbox && !tooMany && bboxContains(loadedBbox, view)) return;
      const mine = ++seq;
      const wanted = padBbox(view, PAD);
      try {
        // a later view's answer wins: an older one arriving late is not applied
        const truncated = await sync.loadView(wanted, (loaded) => {
          if (mine === seq) get().pinsReloaded(loaded.pins, loaded.pendingIds);
        });
        if (mine !== seq) return;
        const clusters = truncated ? await sync.loadClusters(view, zoom, get().themes.map((t) => t.id)) : null;
        if (mine !== seq) return;
        set({ viewScope: { loadedBbox: truncated ? null : wanted, tooMany: truncated, clusters } });
      } catch (error) {
        // offline: the pins already here stay; the next move (or the reload when back online) asks again
        if (!(error instanceof NetworkError)) console.warn(`coplan: loading the pins of this view failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  });
}
