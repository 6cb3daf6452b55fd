// residents' confirmations of a council's assets, counted per area so the planner sees them beside resident-made pins.
import { createAreaLocator } from '../createAreaLocator.ts';
import type { PublishedCount } from '../smallCounts.ts';
import type { AreaCollection, LngLat } from '../types.ts';
import type { LayerGeometry } from './layerTypes.ts';

export type AssetVerdict = 'valued' | 'missing' | 'closed';
export const ASSET_VERDICTS: readonly AssetVerdict[] = ['valued', 'missing', 'closed'];
export type VerdictCounts = Record<AssetVerdict, number>;

/** an asset as read: raw counts for its planners, small-count protected ones for everyone else */
export interface ConfirmedAsset {
  geometry: LayerGeometry;
  confirmations: Record<AssetVerdict, PublishedCount>;
}

export type PublishedVerdicts = Record<AssetVerdict, PublishedCount>;

export interface AreaConfirmations {
  /** by area id, areas nobody confirmed an asset in included with zeros */
  byArea: Record<string, PublishedVerdicts>;
  /** assets outside every area */
  outside: PublishedVerdicts;
}

interface Sum {
  shown: number;
  hidden: boolean;
}
type Sums = Record<AssetVerdict, Sum>;
const zero = (): Sums => ({ valued: { shown: 0, hidden: false }, missing: { shown: 0, hidden: false }, closed: { shown: 0, hidden: false } });
// a sum over a hidden figure is published as "at least" the shown ones, as the planner's other totals are
const publish = (s: Sums): PublishedVerdicts => Object.fromEntries(ASSET_VERDICTS.map((v) => [v, s[v].hidden ? { suppressed: true, atLeast: s[v].shown } : s[v].shown])) as PublishedVerdicts;

/**
 * The point an asset is counted at: a point itself, else the first position of its geometry (an asset register's
 * polygons are buildings and parks, small against a neighbourhood).
 * @example
 * assetAnchor({ type: 'LineString', coordinates: [[1, 2], [3, 4]] }) // => [1, 2]
 */
export function assetAnchor(geometry: LayerGeometry): LngLat {
  let c: unknown = geometry.coordinates;
  while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
  const [lng, lat] = c as [number, number];
  return [lng, lat];
}

/**
 * Sums the assets' confirmations per area they stand in (the first area containing the anchor point). A hidden
 * figure among them makes the area's sum `{ suppressed: true, atLeast }` (the sum of those shown).
 * @example
 * assetConfirmationsByArea(areas, [{ geometry: { type: 'Point', coordinates: [-2.24, 53.48] }, confirmations: { valued: 3, missing: 0, closed: 1 } }])
 * // => { byArea: { north: { valued: 3, missing: 0, closed: 1 }, south: { valued: 0, missing: 0, closed: 0 } }, outside: { valued: 0, missing: 0, closed: 0 } }
 */
export function assetConfirmationsByArea(areas: AreaCollection, assets: readonly ConfirmedAsset[]): AreaConfirmations {
  const locate = createAreaLocator(areas);
  const sums: Record<string, Sums> = {};
  for (const f of areas.features) sums[String(f.id ?? f.properties.id)] = zero();
  const outside = zero();
  for (const asset of assets) {
    const id = locate(assetAnchor(asset.geometry));
    const into = id === null ? outside : (sums[id] ??= zero());
    for (const v of ASSET_VERDICTS) {
      const c = asset.confirmations[v];
      if (typeof c === 'number') into[v].shown += c;
      else {
        into[v].hidden = true;
        into[v].shown += c.atLeast ?? 0;
      }
    }
  }
  return { byArea: Object.fromEntries(Object.entries(sums).map(([id, s]) => [id, publish(s)])), outside: publish(outside) };
}
