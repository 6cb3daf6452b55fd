// residents' confirmations of existing assets per area, from every assets layer the page has read.
import { useMemo } from 'react';
import { assetConfirmationsByArea } from '../../core/layers/assetConfirmationsByArea.ts';
import type { AreaConfirmations, ConfirmedAsset } from '../../core/layers/assetConfirmationsByArea.ts';
import type { AreaCollection } from '../../core/types.ts';
import { useContextLayers } from '../../store/contextLayerStore.ts';
import './layerStrings.ts';

/** null while no assets layer is read (the planner's table then shows no confirmations column) */
export function useAreaConfirmations(areas: AreaCollection): AreaConfirmations | null {
  const layers = useContextLayers((s) => s.layers);
  return useMemo(() => {
    const assets: ConfirmedAsset[] = Object.values(layers)
      .filter((l) => l.kind === 'assets')
      .flatMap((l) => l.features.flatMap((f) => (f.confirmations ? [{ geometry: f.geometry, confirmations: f.confirmations }] : [])));
    const anyAssetsLayer = Object.values(layers).some((l) => l.kind === 'assets');
    return anyAssetsLayer ? assetConfirmationsByArea(areas, assets) : null;
  }, [layers, areas]);
}
