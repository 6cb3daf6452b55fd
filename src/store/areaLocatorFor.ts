// one point-in-area locator per boundary set, built lazily and shared by actions and hooks.
import { createAreaLocator } from '../core/createAreaLocator.ts';
import type { AreaCollection, LngLat } from '../core/types.ts';

type Locator = (p: LngLat) => string | null;
const cache = new WeakMap<AreaCollection, Locator>();

/** Returns the (cached) locator for these boundaries; boundaries are replaced, never mutated, so identity is a safe key. */
export function areaLocatorFor(areas: AreaCollection): Locator {
  let locate = cache.get(areas);
  if (!locate) {
    locate = createAreaLocator(areas);
    cache.set(areas, locate);
  }
  return locate;
}
