import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createIndexedDbRepository } from '../../src/persistence/indexedDbRepository.ts';
import type { PinFeature } from '../../src/core/types.ts';
import { bundledData } from './storeFixtures.ts';

const { demoAreas, demoPins } = bundledData();
const pinA = demoPins[0] as PinFeature;
const pinB = demoPins[1] as PinFeature;

describe('createIndexedDbRepository', () => {
  it('starts empty: no areas (first run), no pins, no supports', async () => {
    const repo = await createIndexedDbRepository({ factory: new IDBFactory() });
    expect(await repo.loadAreas()).toBeNull();
    expect(await repo.listPins()).toEqual([]);
    expect(await repo.listSupportedPinIds()).toEqual([]);
  });

  it('keeps pins, areas and supports across closing and reopening the database', async () => {
    const factory = new IDBFactory();
    const first = await createIndexedDbRepository({ name: 'persist', factory });
    await first.replaceAreas(demoAreas, [pinA]);
    await first.putPins([pinB]);
    await first.setSupported(pinA.id, true);
    first.close();
    const second = await createIndexedDbRepository({ name: 'persist', factory });
    expect((await second.loadAreas())?.features.map((f) => f.id)).toEqual(demoAreas.features.map((f) => f.id));
    expect((await second.listPins()).map((p) => p.id).sort()).toEqual([pinA.id, pinB.id].sort());
    expect(await second.listSupportedPinIds()).toEqual([pinA.id]);
  });

  it('overwrites a pin with the same id and deletes a pin together with its support', async () => {
    const repo = await createIndexedDbRepository({ factory: new IDBFactory() });
    await repo.putPin(pinA);
    await repo.putPin({ ...pinA, properties: { ...pinA.properties, title: 'Renamed' } });
    await repo.setSupported(pinA.id, true);
    expect((await repo.listPins()).map((p) => p.properties.title)).toEqual(['Renamed']);
    await repo.deletePin(pinA.id);
    expect(await repo.listPins()).toEqual([]);
    expect(await repo.listSupportedPinIds()).toEqual([]);
  });

  it('withdraws a support', async () => {
    const repo = await createIndexedDbRepository({ factory: new IDBFactory() });
    await repo.setSupported('x', true);
    await repo.setSupported('y', true);
    await repo.setSupported('x', false);
    expect(await repo.listSupportedPinIds()).toEqual(['y']);
  });

  it('does not keep a reference to the caller’s objects (stored copies are structured clones)', async () => {
    const repo = await createIndexedDbRepository({ factory: new IDBFactory() });
    const pin = structuredClone(pinA);
    await repo.putPin(pin);
    pin.properties.title = 'changed after saving';
    expect((await repo.listPins())[0]?.properties.title).toBe(pinA.properties.title);
  });
});
