// the consultation's context layers as one page shows them: which exist, which are switched on, their features, and
// the asset a resident is looking at. One store per page load, shared by the map, the switcher and the list.
import { create } from 'zustand';
import type { AssetVerdict } from '../core/layers/assetConfirmationsByArea.ts';
import type { ContextLayer, ContextLayerClient, ContextLayerSummary } from '../persistence/contextLayerClient.ts';

export interface FocusedFeature {
  layerId: string;
  featureId: string;
}

export interface ContextLayersState {
  client: ContextLayerClient | null;
  status: 'idle' | 'loading' | 'ready' | 'failed';
  summaries: ContextLayerSummary[];
  /** ids of the layers switched on, in the list's order */
  shown: string[];
  layers: Record<string, ContextLayer>;
  /** a layer that could not be read, by id: the error's message */
  failures: Record<string, string>;
  focused: FocusedFeature | null;
  /** the feature whose verdict is on its way */
  sending: string | null;
  confirmFailure: string | null;
  /** list the layers; assets layers start switched on (they ask residents something) */
  opened(client: ContextLayerClient, options?: { showAssets?: boolean }): Promise<void>;
  layerToggled(id: string, on: boolean): Promise<void>;
  featureFocused(focused: FocusedFeature | null): void;
  verdictGiven(layerId: string, featureId: string, verdict: AssetVerdict): Promise<void>;
  /** a layer was uploaded or deleted: list again, re-reading those switched on */
  refreshed(): Promise<void>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const useContextLayers = create<ContextLayersState>()((set, get) => {
  async function read(id: string): Promise<void> {
    const client = get().client;
    if (!client) return;
    try {
      const layer = await client.read(id);
      set((s) => ({ layers: { ...s.layers, [id]: layer }, failures: Object.fromEntries(Object.entries(s.failures).filter(([k]) => k !== id)) }));
    } catch (error) {
      set((s) => ({ failures: { ...s.failures, [id]: message(error) } }));
    }
  }
  async function list(showAssets: boolean): Promise<void> {
    const client = get().client;
    if (!client) return;
    try {
      const summaries = await client.list();
      const ids = new Set(summaries.map((l) => l.id));
      const before = get().status === 'ready' ? get().shown.filter((id) => ids.has(id)) : [];
      const fresh = showAssets ? summaries.filter((l) => l.kind === 'assets' && !get().summaries.some((o) => o.id === l.id)).map((l) => l.id) : [];
      const shown = summaries.map((l) => l.id).filter((id) => before.includes(id) || fresh.includes(id));
      set({ summaries, shown, status: 'ready', layers: Object.fromEntries(Object.entries(get().layers).filter(([k]) => ids.has(k))) });
      await Promise.all(shown.map(read));
    } catch (error) {
      set({ status: 'failed', failures: { '': message(error) } });
    }
  }
  return {
    client: null,
    status: 'idle',
    summaries: [],
    shown: [],
    layers: {},
    failures: {},
    focused: null,
    sending: null,
    confirmFailure: null,
    async opened(client, options = {}) {
      set({ client, status: 'loading', summaries: [], shown: [], layers: {}, failures: {}, focused: null });
      await list(options.showAssets ?? true);
    },
    async layerToggled(id, on) {
      const order = get().summaries.map((l) => l.id);
      set((s) => ({ shown: order.filter((x) => (x === id ? on : s.shown.includes(x))), focused: !on && s.focused?.layerId === id ? null : s.focused }));
      if (on && !get().layers[id]) await read(id);
    },
    featureFocused(focused) {
      set({ focused });
    },
    async verdictGiven(layerId, featureId, verdict) {
      const client = get().client;
      if (!client) return;
      set({ sending: featureId, confirmFailure: null });
      try {
        await client.confirm(layerId, featureId, verdict);
        await read(layerId);
        set({ sending: null });
      } catch (error) {
        set({ sending: null, confirmFailure: message(error) });
      }
    },
    async refreshed() {
      await list(true);
    },
  };
});

/** the store as it starts, for tests */
export function resetContextLayers(): void {
  useContextLayers.setState({ client: null, status: 'idle', summaries: [], shown: [], layers: {}, failures: {}, focused: null, sending: null, confirmFailure: null });
}
