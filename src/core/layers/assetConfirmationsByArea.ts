// residents' confirmations of a council's assets, counted per area so the planner sees them beside resident-made pins.
import { createAreaLocator } from '../createAreaLocator.ts';
import type { AreaCollection, LngLat } from '../types.ts';
import type { LayerGeometry } from './layerTypes.ts';

export type AssetVerdict = 'valued' | 'missing' | 'closed';
export const ASSET_VERDICTS: readonly AssetVerdict[] = ['valued', 'missing', 'closed'];
export type VerdictCounts = Record<AssetVerdict, number>;

/** an asset as the planner reads it: raw counts (the server sends planners unprotected figures) */
export interface ConfirmedAsset {
  geometry: LayerGeometry;
  confirmations: VerdictCounts;
}

export interface AreaConfirmations {
  /** by area id, areas nobody confirmed an asset in included with zeros */
  byArea: Record<string, VerdictCounts>;
  /** assets outside every area */
  outside: VerdictCounts;
}

const zero = (): VerdictCounts => ({ valued: 0, missing: 0, closed: 0 });

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
 * Sums the assets' confirmations per area they stand in (the first area containing the anchor point).
 * @example
 * assetConfirmationsByArea(areas, [{ geometry: { type: 'Point', coordinates: [-2.24, 53.48] }, confirmations: { valued: 3, missing: 0, closed: 1 } }])
 * // => { byArea: { north: { valued: 3, missing: 0, closed: 1 }, south: { valued: 0, missing: 0, closed: 0 } }, outside: { valued: 0, missing: 0, closed: 0 } }
 */
export function assetConfirmationsByArea(areas: AreaCollection, assets: readonly ConfirmedAsset[]): AreaConfirmations {
  const locate = createAreaLocator(areas);
  const byArea: Record<string, VerdictCounts> = {};
  for (const f of areas.features) byArea[String(f.id ?? f.properties.id)] = zero();
  const outside = zero();
  for (const asset of assets) {
    const id = locate(assetAnchor(asset.geometry));
    const into = id === null ? outside : (byArea[id] ??= zero());
    for (const v of ASSET_VERDICTS) into[v] += asset.confirmations[v];
  }
  return { byArea, outside };
}
