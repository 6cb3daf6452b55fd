// idb checks results against the global IDBRequest & co., so the fake's globals are installed too
import 'fake-indexeddb/auto';
// shared setup for store and ui tests: the bundled demo data, parsed, and a fresh store over fake IndexedDB.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { parseAreas } from '../../src/core/parseAreas.ts';
import { parsePins } from '../../src/core/parsePins.ts';
import { parseThemes } from '../../src/core/parseThemes.ts';
import type { AreaCollection, PinFeature, Theme } from '../../src/core/types.ts';
import { createIndexedDbRepository } from '../../src/persistence/indexedDbRepository.ts';
import { createAppStore } from '../../src/store/appStore.ts';

const dataDir = path.resolve(import.meta.dirname, '../../data');
export const readData = (name: string) => readFileSync(path.join(dataDir, name), 'utf8');

function unwrap<T>(result: { ok: true; value: T } | { ok: false; errors: unknown[] }): T {
  if (!result.ok) throw new Error(`bundled data invalid: ${JSON.stringify(result.errors)}`);
  return result.value;
}

export function bundledData(): { themes: Theme[]; demoAreas: AreaCollection; demoPins: PinFeature[] } {
  const themes = unwrap(parseThemes(readData('themes.json')));
  const demoAreas = unwrap(parseAreas(readData('demo-areas.geojson')));
  const demoPins = unwrap(parsePins(readData('demo-pins.geojson'), { areas: demoAreas, themes }));
  return { themes, demoAreas, demoPins };
}

let counter = 0;

/** A started store over a brand-new fake IndexedDB; the factory is returned so a test can reopen the same data. */
export async function startedStore(options: { factory?: IDBFactory; deviceToken?: string } = {}) {
  const factory = options.factory ?? new IDBFactory();
  const repository = await createIndexedDbRepository({ name: 'coplan-test', factory });
  let id = 0;
  const store = createAppStore({
    repository,
    deviceToken: options.deviceToken ?? 'device-a',
    now: () => new Date('2026-05-01T10:00:00.000Z'),
    makeId: () => `new-${++counter}-${++id}`,
  });
  await store.getState().appStarted(bundledData());
  return { store, repository, factory };
}
