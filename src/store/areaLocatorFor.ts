// one point-in-area locator per boundary set, built lazily and shared by actions and hooks. The locator's code (a
// flatbush index and point-in-polygon tests) is a chunk of its own: the map is up before it arrives.
import { useEffect, useState } from 'react';
import type { AreaCollection, LngLat } from '../core/types.ts';

type Locator = (p: LngLat) => string | null;
type LocatorCode = typeof import('../core/createAreaLocator.ts');

const cache = new WeakMap<AreaCollection, Locator>();
let code: LocatorCode | null = null;
let loading: Promise<LocatorCode> | null = null;

/** Fetches the locator's code (once); the app starts this at boot, so the first use does not wait on the network. */
export function loadAreaLocatorCode(): Promise<LocatorCode> {
  loading ??= import('../core/createAreaLocator.ts').then(
    (loaded) => (code = loaded),
    (error: unknown) => {
      // a failed fetch (offline before the chunk was cached) is tried again at the next use
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The (cached) locator for these boundaries, or null while its code is still on the way; boundaries are replaced, never mutated, so identity is a safe key. */
export function loadedAreaLocator(areas: AreaCollection): Locator | null {
  let locate = cache.get(areas);
  if (!locate && code) {
    locate = code.createAreaLocator(areas);
    cache.set(areas, locate);
  }
  return locate ?? null;
}

/** The (cached) locator for these boundaries, once its code is in. */
export async function areaLocatorFor(areas: AreaCollection): Promise<Locator> {
  await loadAreaLocatorCode();
  return loadedAreaLocator(areas)!;
}

/** The locator for these boundaries in a component: null until its code is in, then the component renders again. */
export function useAreaLocator(areas: AreaCollection): Locator | null {
  const [, codeArrived] = useState(code !== null);
  useEffect(function waitForLocatorCode() {
    if (code) return;
    let current = true;
    loadAreaLocatorCode().then(
      () => current && codeArrived(true),
      (error: unknown) => console.warn(`coplan: the area locator did not load: ${error instanceof Error ? error.message : String(error)}`),
    );
    return function stopWaiting() {
      current = false;
    };
  }, []);
  return loadedAreaLocator(areas);
}
