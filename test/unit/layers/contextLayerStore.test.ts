// the page's context layer store over a fake client: assets layers start on, switching reads a layer once, a verdict
// is sent and the layer read again, a failure is kept as text.
import { beforeEach, describe, expect, it } from 'vitest';
import type { ContextLayer, ContextLayerClient, ContextLayerSummary } from '../../../src/persistence/contextLayerClient.ts';
import { resetContextLayers, useContextLayers } from '../../../src/store/contextLayerStore.ts';

function fakeClient(summaries: ContextLayerSummary[]) {
  const reads: string[] = [];
  const confirmed: string[] = [];
  let valued = 0;
  const client: ContextLayerClient = {
    list: async () => summaries,
    async read(id) {
      reads.push(id);
      if (id === 'broken') throw new Error('layer-not-found');
      const s = summaries.find((l) => l.id === id)!;
      const layer: ContextLayer = {
        id, name: s.name, kind: s.kind,
        features: [{ id: '1', geometry: { type: 'Point', coordinates: [0, 0] }, name: 'Library', category: 'culture', ...(s.kind === 'assets' ? { confirmations: { valued, missing: 0, closed: 0 } } : {}) }],
      };
      return layer;
    },
    async confirm(layerId, featureId, verdict) {
      confirmed.push(`${layerId}/${featureId}/${verdict}`);
      valued += 1;
    },
    upload: async () => ({ id: 'new', features: 1 }),
    remove: async () => undefined,
  };
  return { client, reads, confirmed };
}

const summary = (id: string, kind: 'assets' | 'reference'): ContextLayerSummary => ({ id, name: id.toUpperCase(), kind, featureCount: 1, createdAt: '2026-01-01T00:00:00Z' });

describe('useContextLayers', () => {
  beforeEach(resetContextLayers);

  it('lists the layers with the assets ones switched on and read', async () => {
    const fake = fakeClient([summary('conservation', 'reference'), summary('assets', 'assets')]);
    await useContextLayers.getState().opened(fake.client);
    const s = useContextLayers.getState();
    expect(s.status).toBe('ready');
    expect(s.shown).toEqual(['assets']);
    expect(fake.reads).toEqual(['assets']);
    expect(Object.keys(s.layers)).toEqual(['assets']);
  });

  it('reads a layer when first switched on, not again, and keeps the list order', async () => {
    const fake = fakeClient([summary('conservation', 'reference'), summary('assets', 'assets')]);
    await useContextLayers.getState().opened(fake.client, { showAssets: false });
    expect(useContextLayers.getState().shown).toEqual([]);
    await useContextLayers.getState().layerToggled('assets', true);
    await useContextLayers.getState().layerToggled('conservation', true);
    expect(useContextLayers.getState().shown).toEqual(['conservation', 'assets']);
    await useContextLayers.getState().layerToggled('conservation', false);
    await useContextLayers.getState().layerToggled('conservation', true);
    expect(fake.reads).toEqual(['assets', 'conservation']);
  });

  it('sends a verdict and shows the layer as read again', async () => {
    const fake = fakeClient([summary('assets', 'assets')]);
    await useContextLayers.getState().opened(fake.client);
    await useContextLayers.getState().verdictGiven('assets', '1', 'valued');
    expect(fake.confirmed).toEqual(['assets/1/valued']);
    expect(useContextLayers.getState().layers.assets!.features[0]!.confirmations!.valued).toBe(1);
    expect(useContextLayers.getState().sending).toBeNull();
  });

  it('keeps a failed read as text and drops the focus of a layer switched off', async () => {
    const fake = fakeClient([summary('broken', 'assets'), summary('assets', 'assets')]);
    await useContextLayers.getState().opened(fake.client);
    expect(useContextLayers.getState().failures).toEqual({ broken: 'layer-not-found' });
    useContextLayers.getState().featureFocused({ layerId: 'assets', featureId: '1' });
    await useContextLayers.getState().layerToggled('assets', false);
    expect(useContextLayers.getState().focused).toBeNull();
  });
});
