import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LngLat, PinFeature } from '../../src/core/types.ts';
import { createIndexedDbRepository } from '../../src/persistence/indexedDbRepository.ts';
import { createAppStore } from '../../src/store/appStore.ts';
import { selectVisiblePins } from '../../src/store/selectVisiblePins.ts';
import { sharedDataFile, sharedDataTest } from '../support/sharedData.ts';
import { bundledData, readData, startedStore } from './storeFixtures.ts';

const { demoPins, demoAreas, themes } = bundledData();
// a point inside the first demo pin's area: the demo pin's own position
const inside = demoPins[0]!.geometry.coordinates as unknown as LngLat;
const outside: LngLat = [10, 10];
const draft = { kind: 'priority', theme: themes[0]!.id, title: 'New crossing', note: 'by the school', position: inside };

describe('app store: start-up and seeding', () => {
  it('seeds the demo boundaries and pins on first run only', async () => {
    const { store, factory } = await startedStore();
    expect(store.getState().status).toBe('ready');
    expect(store.getState().pins).toHaveLength(demoPins.length);
    expect(store.getState().areas.features).toHaveLength(demoAreas.features.length);
    const first = store.getState().pins[0]!;
    await store.getState().pinAdded(draft);
    // second start on the same database: keeps what is there (no re-seed, the new pin survives)
    const again = await startedStore({ factory });
    expect(again.store.getState().pins).toHaveLength(demoPins.length + 1);
    expect(again.store.getState().pins.some((p) => p.id === first.id)).toBe(true);
  });

  it('reports a failing repository instead of hanging in loading', async () => {
    const fail = () => Promise.reject(new Error('disk full'));
    const store = createAppStore({
      repository: { listPins: fail, putPin: fail, putPins: fail, deletePin: fail, loadAreas: fail, saveAreas: fail, replaceAreas: fail, listSupportedPinIds: fail, setSupported: fail },
      deviceToken: 'd',
    });
    await store.getState().appStarted(bundledData());
    expect(store.getState().status).toBe('failed');
    expect(store.getState().loadError).toBe('disk full');
  });
});

describe('app store: pins', () => {
  it('adds a valid pin with its area, this device as author, and saves it', async () => {
    const { store, repository } = await startedStore();
    store.getState().addPinStarted();
    const result = await store.getState().pinAdded(draft);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pin.properties).toMatchObject({ title: 'New crossing', author: 'device-a', area: demoPins[0]!.properties.area, createdAt: '2026-05-01T10:00:00.000Z' });
    expect(store.getState().editor).toBeNull();
    expect((await repository.listPins()).some((p) => p.id === result.pin.id)).toBe(true);
  });

  it('refuses a pin outside every boundary and saves nothing', async () => {
    const { store, repository } = await startedStore();
    const before = (await repository.listPins()).length;
    const result = await store.getState().pinAdded({ ...draft, position: outside });
    expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ path: 'position', rule: 'outside-areas' })] });
    expect(store.getState().pins).toHaveLength(demoPins.length);
    expect(await repository.listPins()).toHaveLength(before);
  });

  it('keeps the workshop session a table pin was made in, and refuses a malformed one', async () => {
    const { store } = await startedStore();
    const tagged = await store.getState().pinAdded({ ...draft, sessionId: 'hall-1' });
    expect(tagged.ok && tagged.pin.properties.sessionId).toBe('hall-1');
    const bad = await store.getState().pinAdded({ ...draft, sessionId: 'no spaces <b>' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]).toMatchObject({ path: 'sessionId', rule: 'invalid-value' });
  });

  it('returns field errors for an invalid draft', async () => {
    const { store } = await startedStore();
    const result = await store.getState().pinAdded({ ...draft, title: ' ', theme: 'no-such-theme' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toContain('title');
    const unknownTheme = await store.getState().pinAdded({ ...draft, theme: 'no-such-theme' });
    expect(unknownTheme.ok).toBe(false);
    if (!unknownTheme.ok) expect(unknownTheme.errors[0]?.rule).toBe('unknown-theme');
  });

  it('lets only the author edit or delete, and clears a removed note', async () => {
    const { store, factory } = await startedStore();
    const added = await store.getState().pinAdded(draft);
    if (!added.ok) throw new Error('setup failed');
    const edited = await store.getState().pinEdited(added.pin.id, { ...draft, title: 'Safer crossing', note: undefined });
    expect(edited.ok && edited.pin.properties.title).toBe('Safer crossing');
    expect(edited.ok && 'note' in edited.pin.properties).toBe(false);
    // a demo pin has another author: no edit, no delete
    const foreign = demoPins[1]!;
    expect((await store.getState().pinEdited(foreign.id, draft)).ok).toBe(false);
    expect(await store.getState().pinDeleted(foreign.id)).toBe(false);
    // another device on the same data cannot delete this device's pin
    const other = createAppStore({ repository: await createIndexedDbRepository({ name: 'coplan-test', factory }), deviceToken: 'device-b' });
    await other.getState().appStarted(bundledData());
    expect(await other.getState().pinDeleted(added.pin.id)).toBe(false);
    expect(await store.getState().pinDeleted(added.pin.id)).toBe(true);
    expect(store.getState().pins.some((p) => p.id === added.pin.id)).toBe(false);
  });

  it('toggles support once per device and remembers it', async () => {
    const { store, factory } = await startedStore();
    const pin = demoPins[2]!;
    const base = pin.properties.supports ?? 0;
    const supports = () => store.getState().pins.find((p) => p.id === pin.id)!.properties.supports;
    await store.getState().supportToggled(pin.id);
    expect(supports()).toBe(base + 1);
    expect(store.getState().supportedIds.has(pin.id)).toBe(true);
    const reopened = await startedStore({ factory });
    expect(reopened.store.getState().supportedIds.has(pin.id)).toBe(true);
    await store.getState().supportToggled(pin.id);
    expect(supports()).toBe(base);
    expect(store.getState().supportedIds.has(pin.id)).toBe(false);
  });
});

describe('app store: filter', () => {
  it('filters by kind and theme, and keeps the same array while nothing changed', async () => {
    const { store } = await startedStore();
    const all = selectVisiblePins(store.getState());
    expect(selectVisiblePins(store.getState())).toBe(all);
    store.getState().filterChanged({ hiddenKinds: ['asset'] });
    const priorities = selectVisiblePins(store.getState());
    expect(priorities.length).toBe(demoPins.filter((p) => p.properties.kind === 'priority').length);
    expect(priorities.every((p) => p.properties.kind === 'priority')).toBe(true);
    const theme = themes[0]!.id;
    store.getState().filterChanged({ hiddenKinds: [], hiddenThemes: [theme] });
    expect(selectVisiblePins(store.getState()).some((p) => p.properties.theme === theme)).toBe(false);
  });
});

describe('app store: imports', () => {
  it('imports pins, skipping ids already present and counting them', async () => {
    const { store } = await startedStore();
    const newPin: PinFeature = { ...structuredClone(demoPins[0]!), id: 'imported-1' };
    newPin.properties.id = 'imported-1';
    const text = JSON.stringify({ type: 'FeatureCollection', features: [demoPins[0], demoPins[1], newPin] });
    const result = await store.getState().pinsImported(text);
    expect(result).toMatchObject({ ok: true, added: 1, duplicates: 2 });
    expect(store.getState().pins).toHaveLength(demoPins.length + 1);
  });

  it('refuses a broken pin file, names the feature and changes nothing', async () => {
    const { store } = await startedStore();
    const bad = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { kind: 'wish', title: 'Bench', theme: themes[0]!.id }, geometry: { type: 'Point', coordinates: inside } }] };
    const result = await store.getState().pinsImported(JSON.stringify(bad));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ feature: 0, featureName: 'Bench' });
    expect(store.getState().pins).toHaveLength(demoPins.length);
  });

  it('replaces boundaries and re-assigns pins when every pin still falls inside', async () => {
    const { store, repository } = await startedStore();
    const renamed = structuredClone(JSON.parse(readData('demo-areas.geojson')));
    for (const f of renamed.features) {
      f.id = `v2-${f.id}`;
      f.properties.id = f.id;
    }
    const result = await store.getState().areasImported(JSON.stringify(renamed));
    expect(result).toMatchObject({ ok: true, areaCount: demoAreas.features.length, reassigned: demoPins.length });
    expect(store.getState().pins.every((p) => p.properties.area.startsWith('v2-'))).toBe(true);
    expect((await repository.listPins()).every((p) => p.properties.area.startsWith('v2-'))).toBe(true);
  });

  sharedDataTest('refuses real boundaries (Manchester wards) that would leave the demo pins outside, listing them', async () => {
    const { store, repository } = await startedStore();
    const text = readFileSync(sharedDataFile('manchester-wards-2023.geojson'), 'utf8');
    const result = await store.getState().areasImported(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.pinsOutside).toHaveLength(demoPins.length);
      expect(result.errors[0]?.rule).toBe('pin-outside-new-boundaries');
    }
    expect(store.getState().areas.features).toHaveLength(demoAreas.features.length);
    expect((await repository.loadAreas())?.features).toHaveLength(demoAreas.features.length);
  });

  sharedDataTest('refuses an unclosed ring with a precise problem and keeps the boundaries', async () => {
    const { store } = await startedStore();
    const text = readFileSync(sharedDataFile('bad/geojsonhint-different-first-last.geojson'), 'utf8');
    const result = await store.getState().areasImported(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
    expect(store.getState().areas.features).toHaveLength(demoAreas.features.length);
  });
});
