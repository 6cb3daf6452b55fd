// the storage port of one consultation's context layers and residents' confirmations of assets.
import type { LayerCollection, LayerKind } from '../../core/layers/layerTypes.ts';

import type { AssetVerdict } from '../../core/layers/assetConfirmationsByArea.ts';

// one list of verdicts for the server, the client and the planner's counts
export { ASSET_VERDICTS } from '../../core/layers/assetConfirmationsByArea.ts';
export type { AssetVerdict } from '../../core/layers/assetConfirmationsByArea.ts';

export interface LayerSummary {
  id: string;
  name: string;
  kind: LayerKind;
  featureCount: number;
  createdAt: string;
}

export interface StoredLayer extends LayerSummary {
  features: LayerCollection;
}

export type VerdictCounts = Record<AssetVerdict, number>;

export interface LayerStorage {
  createLayer(layer: StoredLayer): Promise<void>;
  /** oldest first */
  listLayers(): Promise<LayerSummary[]>;
  /** null also for a layer of another consultation */
  getLayer(id: string): Promise<StoredLayer | null>;
  /** its confirmations go with it */
  deleteLayer(id: string): Promise<boolean>;
  /**
   * One verdict per device and feature, replaced by the next. Refused when the layer is not this consultation's
   * ('no-layer'), not an assets layer ('not-assets') or has no such feature ('no-feature').
   */
  confirm(layerId: string, featureId: string, device: string, verdict: AssetVerdict, at: string): Promise<{ created: boolean } | 'no-layer' | 'not-assets' | 'no-feature'>;
  /** feature id → raw counts per verdict; features nobody confirmed are absent */
  confirmationCounts(layerId: string): Promise<Record<string, VerdictCounts>>;
  /** feature id → this device's verdict */
  verdictsOf(layerId: string, device: string): Promise<Record<string, AssetVerdict>>;
}
