// residents' confirmations of existing assets per area as a CSV for the planner's reports, small-count protected.
import { flatLayerCsv } from '../areaLayerExport.ts';
import type { FlatLayerCollection, FlatProperties } from '../areaLayerExport.ts';
import { isSuppressed, suppressCount } from '../smallCounts.ts';
import type { PublishedCount } from '../smallCounts.ts';
import type { AreaCollection } from '../types.ts';
import { ASSET_VERDICTS } from './assetConfirmationsByArea.ts';
import type { AreaConfirmations } from './assetConfirmationsByArea.ts';

/**
 * One row per area (then one for assets outside every area): `confirmed_<verdict>` with `confirmed_<verdict>_hidden`, the
 * same flat columns as the area layers. Counts from 1 to `minCount - 1` are hidden (`minCount` ≤ 1: raw).
 * @example
 * assetConfirmationsCsv(areas, assetConfirmationsByArea(areas, assets), 5)
 * // => '\uFEFFid,name,confirmed_valued,confirmed_valued_hidden,…\r\nwest,West,7,false,…\r\n…'
 */
export function assetConfirmationsCsv(areas: AreaCollection, counted: AreaConfirmations, minCount: number): string {
  const columns = (counts: Record<string, PublishedCount> | undefined): FlatProperties => {
    const out: FlatProperties = {};
    for (const v of ASSET_VERDICTS) {
      const raw = counts?.[v] ?? 0;
      const c = typeof raw === 'number' && minCount > 1 ? suppressCount(raw, minCount) : raw;
      out[`confirmed_${v}`] = isSuppressed(c) ? null : c;
      out[`confirmed_${v}_hidden`] = isSuppressed(c);
    }
    return out;
  };
  const rows = areas.features.map((f) => {
    const id = String(f.id ?? f.properties.id);
    return { type: 'Feature' as const, geometry: null, properties: { id, name: f.properties.name, ...columns(counted.byArea[id]) } };
  });
  rows.push({ type: 'Feature', geometry: null, properties: { id: '(outside)', name: '', ...columns(counted.outside) } });
  // the CSV carries no geometry (join it to the areas by id), so the rows have none
  return flatLayerCsv({ type: 'FeatureCollection', features: rows } as unknown as FlatLayerCollection);
}
