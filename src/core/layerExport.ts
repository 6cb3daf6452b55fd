// planner layers as files: areas or hexes with their (protected) counts as flat GeoJSON properties, and as CSV.
import { areasWithCounts, hexesWithCounts } from './aggregateAreas.ts';
import { flatLayerCsv, flatLayerFeatures, type FlatLayerCollection, type FlatProperties } from './areaLayerExport.ts';
import { pinCountsOf, type CountArrays } from './countPins.ts';
import { EXPORT_SOURCE } from './exportProvenance.ts';
import { hexFeature, type HexLayout } from './hexBins.ts';
import type { LayerValue } from './layerValues.ts';
import { suppressCount, type PublishedCount } from './smallCounts.ts';
import type { AreaCollection } from './types.ts';

export interface LayerExportMeta {
  /** e.g. 'areas:density', 'gaps:green-space', 'hex:500' */
  layer: string;
  /** the filter in words, for whoever opens the file later */
  filter: string;
  minCount: number;
  /** the consultation the figures are of (null: a file opened for analysis, or the bundled demo) */
  consultation?: { slug: string; title: string } | null;
  /** the consultation setting `boundaryCopyright` */
  boundaryCopyright?: string | null;
  /** ISO 8601; left out when not given, so the same figures give the same file */
  exportedAt?: string;
}

/** the layer's own description, carried as the collection's `coplan` foreign member */
export interface LayerExportInfo {
  layer: string;
  filter: string;
  minCount: number;
  counts: 'raw' | 'protected';
  /** pins in no area (no hex): a number or null where protection hides it */
  outside: number | null;
  source: string;
  consultation: { slug: string; title: string } | null;
  boundaryCopyright: string | null;
  exportedAt?: string;
}

export type LayerCollection = FlatLayerCollection<{ coplan: LayerExportInfo }>;

/** the layer's value as flat columns: a number, or null with `value_hidden` true where protection hides it */
function valueColumns(v: LayerValue | undefined, fill: string | undefined): FlatProperties {
  const hidden = v?.kind === 'suppressed';
  return { value: v?.kind === 'value' ? v.value : null, value_hidden: hidden, fill: fill ?? null, 'fill-opacity': 0.7 };
}

/**
 * What a planner's layer file says about itself (the `coplan` member), from its meta.
 * @example
 * layerExportInfo({ layer: 'hex-500m', filter: '{}', minCount: 5 }, 3).counts // => 'protected'
 */
export function layerExportInfo(meta: LayerExportMeta, outside: PublishedCount | null): LayerExportInfo {
  return {
    layer: meta.layer,
    filter: meta.filter,
    minCount: meta.minCount,
    counts: meta.minCount > 1 ? 'protected' : 'raw',
    outside: typeof outside === 'number' ? outside : null,
    source: EXPORT_SOURCE,
    consultation: meta.consultation ?? null,
    boundaryCopyright: meta.boundaryCopyright ?? null,
    ...(meta.exportedAt !== undefined ? { exportedAt: meta.exportedAt } : {}),
  };
}

/**
 * The areas, in input order with geometry unchanged, with their counts as `npm run aggregate -- --min-count k`
 * computes them (small counts withheld), flattened by `flatLayerFeatures` (the same columns as the server's
 * `…/export/areas.geojson`), then the layer's `value` (`value_hidden`) and a simplestyle `fill`.
 * @example
 * areasLayerGeoJson(areas, result.areas, values, fills, meta).features[0].properties.total // => 41
 */
export function areasLayerGeoJson(areas: AreaCollection, counts: CountArrays, values: readonly LayerValue[], fills: readonly string[], meta: LayerExportMeta): LayerCollection {
  const perArea = Array.from({ length: counts.nGroups }, (_, i) => pinCountsOf(counts, i));
  const sent = counts.published;
  // a protected answer's own figures: its arrays hold 0 where a count is hidden
  const withCounts = sent
    ? { ...areas, features: areas.features.map((f, i) => ({ ...f, properties: { ...f.properties, counts: sent[i]! } })), outside: sent[counts.nGroups]!.total, warnings: [] }
    : areasWithCounts(areas, perArea, counts.total[counts.nGroups]!, [], meta.minCount);
  const flat = flatLayerFeatures(withCounts, { themes: counts.themes, extra: withCounts.features.map((_, i) => valueColumns(values[i], fills[i])) });
  return { ...flat, coplan: layerExportInfo(meta, withCounts.outside) };
}

/**
 * The hexagons holding at least one (filtered) pin, in grid order, with `hex` and the counts the aggregate CLI
 * writes with `--hex`, flattened as for areas, plus `value` and `fill`.
 * @example
 * hexLayerGeoJson(layout, result.hexes, values, fills, meta).features.length // => non-empty hexes
 */
export function hexLayerGeoJson(layout: HexLayout, counts: CountArrays, values: readonly LayerValue[], fills: readonly string[], meta: LayerExportMeta): LayerCollection {
  if (counts.nGroups !== layout.count) throw new RangeError(`hex counts are for ${counts.nGroups} cells, the layout has ${layout.count}`);
  const perHex = Array.from({ length: counts.nGroups }, (_, i) => pinCountsOf(counts, i));
  const sent = counts.published;
  const hexes = sent
    ? sent.slice(0, counts.nGroups).flatMap((c, hex) => (c.total === 0 ? [] : [hexFeature(layout, hex, { hex, counts: c })]))
    : hexesWithCounts(perHex, (hex, props) => hexFeature(layout, hex, props), meta.minCount);
  const extra = hexes.map((f) => valueColumns(values[f.properties.hex], fills[f.properties.hex]));
  const flat = flatLayerFeatures({ type: 'FeatureCollection', features: hexes }, { themes: counts.themes, extra });
  const outside = counts.total[counts.nGroups]!;
  return { ...flat, coplan: layerExportInfo(meta, sent ? sent[counts.nGroups]!.total : meta.minCount > 1 ? suppressCount(outside, meta.minCount) : outside) };
}

/**
 * A layer collection as CSV: `flatLayerCsv` (one row per feature, the same columns as the GeoJSON, a byte-order
 * mark, text cells safe against spreadsheet formulas).
 * @example
 * layerCsv(areasLayerGeoJson(...)).split('\r\n')[0] // => '\uFEFFid,name,total,total_hidden,asset,…'
 */
export function layerCsv(collection: LayerCollection): string {
  return flatLayerCsv(collection);
}
