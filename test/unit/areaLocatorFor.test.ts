// the shared area locator: its code comes as a chunk of its own, so it is null until that is in, then cached per boundary set.
import { describe, expect, it } from 'vitest';
import type { AreaCollection } from '../../src/core/types.ts';
import { areaLocatorFor, loadAreaLocatorCode, loadedAreaLocator } from '../../src/store/areaLocatorFor.ts';

const square = (id: string, west: number): AreaCollection['features'][number] => ({
  type: 'Feature',
  properties: { id, name: id },
  geometry: { type: 'Polygon', coordinates: [[[west, 0], [west + 1, 0], [west + 1, 1], [west, 1], [west, 0]]] },
});
const areas: AreaCollection = { type: 'FeatureCollection', features: [square('west', 0), square('east', 1)] };

describe('areaLocatorFor', () => {
  it('has no locator before its code is in, then locates and keeps one per boundary set', async () => {
    expect(loadedAreaLocator(areas)).toBeNull();
    const locate = await areaLocatorFor(areas);
    expect(locate([0.5, 0.5])).toBe('west');
    expect(locate([1.5, 0.5])).toBe('east');
    expect(locate([5, 5])).toBeNull();
    expect(loadedAreaLocator(areas)).toBe(locate);
    expect(await areaLocatorFor(areas)).toBe(locate);
    // new boundaries (replaced, never mutated) get their own
    const moved: AreaCollection = { type: 'FeatureCollection', features: [square('west', 10)] };
    expect(loadedAreaLocator(moved)).not.toBe(locate);
    expect(loadedAreaLocator(moved)!([10.5, 0.5])).toBe('west');
    await expect(loadAreaLocatorCode()).resolves.toHaveProperty('createAreaLocator');
  });
});
