// the context layer storage contract, run against SQLite and PostgreSQL by the storage test files.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { LayerCollection } from '../../../src/core/layers/layerTypes.ts';
import type { LayerStorage, StoredLayer } from '../../../src/server/storage/layerStorage.ts';
import type { Storage } from '../../../src/server/storage/storage.ts';
import { openDefault } from './storageSuite.ts';
import type { OpenStorage } from './storageSuite.ts';

const AT = '2030-01-01T00:00:00.000Z';
export const FEATURES: LayerCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', id: '1', geometry: { type: 'Point', coordinates: [-2.24, 53.48] }, properties: { name: 'Llyfrgell / مکتبہ', category: 'library', theme: 'green' } },
    { type: 'Feature', id: '2', geometry: { type: 'LineString', coordinates: [[-2.25, 53.47], [-2.23, 53.49]] }, properties: { name: 'Towpath', category: '' } },
  ],
};
export const layer = (id: string, kind: StoredLayer['kind'] = 'assets', createdAt = AT): StoredLayer =>
  ({ id, name: `Layer ${id}`, kind, featureCount: FEATURES.features.length, createdAt, features: FEATURES });

export function layerContract(open: OpenStorage): void {
  let storage: Storage;
  let layers: LayerStorage;
  beforeEach(async () => {
    const opened = await openDefault(open, true);
    storage = opened.storage;
    layers = opened.here.layers();
  });
  afterEach(async () => {
    await storage.close();
  });

  it('keeps a layer whole and lists layers oldest first with their feature counts', async () => {
    await layers.createLayer(layer('b', 'reference', '2030-01-02T00:00:00.000Z'));
    await layers.createLayer(layer('a'));
    expect(await layers.getLayer('a')).toEqual(layer('a'));
    const { features: _f, ...summary } = layer('a');
    expect((await layers.listLayers()).map((l) => [l.id, l.kind, l.featureCount])).toEqual([['a', 'assets', 2], ['b', 'reference', 2]]);
    expect((await layers.listLayers())[0]).toEqual(summary);
  });

  it('keeps one verdict per device and feature, replaced by the next, and counts them per feature', async () => {
    await layers.createLayer(layer('a'));
    expect(await layers.confirm('a', '1', 'dev-1', 'valued', AT)).toEqual({ created: true });
    expect(await layers.confirm('a', '1', 'dev-2', 'valued', AT)).toEqual({ created: true });
    expect(await layers.confirm('a', '1', 'dev-2', 'closed', AT)).toEqual({ created: false });
    expect(await layers.confirm('a', '2', 'dev-1', 'missing', AT)).toEqual({ created: true });
    expect(await layers.confirmationCounts('a')).toEqual({ 1: { valued: 1, missing: 0, closed: 1 }, 2: { valued: 0, missing: 1, closed: 0 } });
    expect(await layers.verdictsOf('a', 'dev-2')).toEqual({ 1: 'closed' });
  });

  it('refuses confirmations of unknown layers and features, and of reference layers', async () => {
    await layers.createLayer(layer('a'));
    await layers.createLayer(layer('r', 'reference'));
    expect(await layers.confirm('nope', '1', 'dev', 'valued', AT)).toBe('no-layer');
    expect(await layers.confirm('a', '99', 'dev', 'valued', AT)).toBe('no-feature');
    expect(await layers.confirm('r', '1', 'dev', 'valued', AT)).toBe('not-assets');
    expect(await layers.confirmationCounts('a')).toEqual({});
  });

  it('deletes a layer with its confirmations, and sees nothing of another consultation', async () => {
    await layers.createLayer(layer('a'));
    await layers.confirm('a', '1', 'dev', 'valued', AT);
    const made = await storage.createConsultation({ slug: 'other', title: 'Other', summary: '', status: 'open', opensAt: null, closesAt: null, settings: {}, areas: { type: 'FeatureCollection', features: [] }, themes: [] }, 'test');
    if (!made.ok) throw new Error('no consultation');
    const other = storage.consultation(made.consultation.id).layers();
    expect(await other.getLayer('a')).toBeNull();
    expect(await other.deleteLayer('a')).toBe(false);
    expect(await other.confirm('a', '1', 'dev', 'valued', AT)).toBe('no-layer');
    expect(await other.confirmationCounts('a')).toEqual({});
    expect(await layers.deleteLayer('a')).toBe(true);
    expect(await layers.getLayer('a')).toBeNull();
    expect(await layers.deleteLayer('a')).toBe(false);
    // a new layer with the same id starts with no confirmations: the old ones went with the layer
    await layers.createLayer(layer('a'));
    expect(await layers.confirmationCounts('a')).toEqual({});
  });
}
