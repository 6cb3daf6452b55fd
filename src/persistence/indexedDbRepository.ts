// IndexedDB adapter of PinRepository (idb): pins survive reloads and closing the browser.
import { openDB } from 'idb';
import type { DBSchema, IDBPDatabase } from 'idb';
import type { AreaCollection, PinFeature } from '../core/types.ts';
import type { PinRepository } from './pinRepository.ts';

const DB_VERSION = 1;
const AREAS_KEY = 'current';

interface CoplanDb extends DBSchema {
  pins: { key: string; value: PinFeature };
  areas: { key: string; value: AreaCollection };
  supports: { key: string; value: { pinId: string; at: string } };
}

export interface IndexedDbOptions {
  /** database name; tests pass a fresh one each time */
  name?: string;
  /** an IDBFactory other than the global one (fake-indexeddb in tests) */
  factory?: IDBFactory;
}

function open(name: string, factory?: IDBFactory): Promise<IDBPDatabase<CoplanDb>> {
  // WARNING: idb's openDB always uses the global indexedDB, so a custom factory is swapped in for the call.
  const previous = globalThis.indexedDB;
  if (factory) globalThis.indexedDB = factory;
  try {
    return openDB<CoplanDb>(name, DB_VERSION, {
      upgrade(db) {
        if (!db.objectStoreNames.contains('pins')) db.createObjectStore('pins', { keyPath: 'id' });
        if (!db.objectStoreNames.contains('areas')) db.createObjectStore('areas');
        if (!db.objectStoreNames.contains('supports')) db.createObjectStore('supports', { keyPath: 'pinId' });
      },
    });
  } finally {
    if (factory) globalThis.indexedDB = previous;
  }
}

/** Opens (and creates on first use) the Coplan database and returns a repository over it. */
export async function createIndexedDbRepository(options: IndexedDbOptions = {}): Promise<PinRepository & { close(): void }> {
  const db = await open(options.name ?? 'coplan', options.factory);
  return {
    async listPins() {
      return db.getAll('pins');
    },
    async putPin(pin) {
      await db.put('pins', pin);
    },
    async putPins(pins) {
      const tx = db.transaction('pins', 'readwrite');
      await Promise.all([...pins.map((pin) => tx.store.put(pin)), tx.done]);
    },
    async deletePin(id) {
      const tx = db.transaction(['pins', 'supports'], 'readwrite');
      await Promise.all([tx.objectStore('pins').delete(id), tx.objectStore('supports').delete(id), tx.done]);
    },
    async loadAreas() {
      return (await db.get('areas', AREAS_KEY)) ?? null;
    },
    async saveAreas(areas) {
      await db.put('areas', areas, AREAS_KEY);
    },
    async replaceAreas(areas, pins) {
      const tx = db.transaction(['areas', 'pins'], 'readwrite');
      await Promise.all([
        tx.objectStore('areas').put(areas, AREAS_KEY),
        ...pins.map((pin) => tx.objectStore('pins').put(pin)),
        tx.done,
      ]);
    },
    async listSupportedPinIds() {
      return db.getAllKeys('supports');
    },
    async setSupported(pinId, supported) {
      if (supported) await db.put('supports', { pinId, at: new Date().toISOString() });
      else await db.delete('supports', pinId);
    },
    close() {
      db.close();
    },
  };
}
