// the area exports' columns for residents' confirmations of existing assets: per area, beside (never added to) the pins.
import type { FlatProperties } from '../core/areaLayerExport.ts';
import { ASSET_VERDICTS, assetConfirmationsByArea } from '../core/layers/assetConfirmationsByArea.ts';
import type { ConfirmedAsset } from '../core/layers/assetConfirmationsByArea.ts';
import { isSuppressed, suppressCount } from '../core/smallCounts.ts';
import type { AreaCollection } from '../core/types.ts';
import type { LayerStorage } from './storage/layerStorage.ts';

/**
 * `confirmed_<verdict>` and `confirmed_<verdict>_hidden` for each area, summed over every assets layer of the consultation;
 * counts from 1 to k-1 hidden when `k` > 1. Null when the consultation has no assets layer (the columns are left out).
 * @example
 * await assetConfirmationColumns(scope.store.layers(), scope.catalog.areas(), 5) // => [{ confirmed_valued: 7, confirmed_valued_hidden: false, … }, …]
 */
export async function assetConfirmationColumns(layers: LayerStorage, areas: AreaCollection, k: number): Promise<FlatProperties[] | null> {
  const assetsLayers = (await layers.listLayers()).filter((l) => l.kind === 'assets');
  if (assetsLayers.length === 0) return null;
  const assets: ConfirmedAsset[] = [];
  for (const summary of assetsLayers) {
    const layer = await layers.getLayer(summary.id);
    if (!layer) continue;
    const counts = await layers.confirmationCounts(summary.id);
    for (const f of layer.features.features) {
      const c = counts[f.id];
      if (c) assets.push({ geometry: f.geometry, confirmations: c });
    }
  }
  const { byArea } = assetConfirmationsByArea(areas, assets);
  return areas.features.map((f) => {
    const sums = byArea[String(f.id ?? f.properties.id)];
    const columns: FlatProperties = {};
    for (const v of ASSET_VERDICTS) {
      const raw = sums?.[v] ?? 0;
      const shown = typeof raw === 'number' && k > 1 ? suppressCount(raw, k) : raw;
      columns[`confirmed_${v}`] = isSuppressed(shown) ? null : shown;
      columns[`confirmed_${v}_hidden`] = isSuppressed(shown);
    }
    return columns;
  });
}
