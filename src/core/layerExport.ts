// planner layers as files: areas or hexes with their (protected) counts as GeoJSON properties, and as CSV.
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { areasWithCounts, hexesWithCounts, type FeatureCounts } from './aggregateAreas.ts';
import { pinCountsOf, type CountArrays } from './countPins.ts';
import { textCell } from './exportPins.ts';
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
}

type ExportedValue = number | null | { suppressed: true; lessThan?: number };

export type LayerCollection = FeatureCollection<Feature['geometry']> & { outside: PublishedCount; layer: string; filter: string; minCount: number };

function exportedValue(v: LayerValue | undefined): ExportedValue {
  if (!v || v.kind === 'empty') return null;
  if (v.kind === 'value') return v.value;
  return v.lessThan !== undefined ? { suppressed: true, lessThan: v.lessThan } : { suppressed: true };
}

/**
 * The areas, in input order with geometry and properties unchanged, each with `counts` exactly as
 * `npm run aggregate -- --min-count k` writes them (small counts withheld), the layer's `value`, and a
 * simplestyle `fill` so the file can be checked on any map.
 * @example
 * areasLayerGeoJson(areas, result.areas, values, fills, meta).features[0].properties.counts.total // => 41
 */
export function areasLayerGeoJson(areas: AreaCollection, counts: CountArrays, values: readonly LayerValue[], fills: readonly string[], meta: LayerExportMeta): LayerCollection {
  const perArea = Array.from({ length: counts.nGroups }, (_, i) => pinCountsOf(counts, i));
  const withCounts = areasWithCounts(areas, perArea, counts.total[counts.nGroups]!, [], meta.minCount);
  const features = withCounts.features.map((f, i) => ({
    ...f,
    properties: { ...f.properties, value: exportedValue(values[i]), fill: fills[i] ?? null, 'fill-opacity': 0.7 },
  }));
  return { type: 'FeatureCollection', features, outside: withCounts.outside, layer: meta.layer, filter: meta.filter, minCount: meta.minCount };
}

/**
 * The hexagons holding at least one (filtered) pin, in grid order, with `{ hex, counts }` as the aggregate
 * CLI writes them with `--hex`, plus `value` and `fill`.
 * @example
 * hexLayerGeoJson(layout, result.hexes, values, fills, meta).features.length // => non-empty hexes
 */
export function hexLayerGeoJson(layout: HexLayout, counts: CountArrays, values: readonly LayerValue[], fills: readonly string[], meta: LayerExportMeta): LayerCollection {
  if (counts.nGroups !== layout.count) throw new RangeError(`hex counts are for ${counts.nGroups} cells, the layout has ${layout.count}`);
  const perHex = Array.from({ length: counts.nGroups }, (_, i) => pinCountsOf(counts, i));
  const hexes: Feature<Polygon>[] = hexesWithCounts(perHex, (hex, props) => hexFeature(layout, hex, props), meta.minCount).map((f) => {
    const hex = (f.properties as { hex: number }).hex;
    return { ...f, properties: { ...f.properties, value: exportedValue(values[hex]), fill: fills[hex] ?? null, 'fill-opacity': 0.7 } };
  });
  const outside = counts.total[counts.nGroups]!;
  return { type: 'FeatureCollection', features: hexes, outside: meta.minCount > 1 ? suppressCount(outside, meta.minCount) : outside, layer: meta.layer, filter: meta.filter, minCount: meta.minCount };
}

function countCell(c: PublishedCount | ExportedValue | undefined): string {
  if (c === undefined || c === null) return '';
  if (typeof c === 'number') return String(Math.round(c * 1e6) / 1e6);
  return c.lessThan !== undefined ? `<${c.lessThan}` : 'withheld';
}

/**
 * A layer collection as CSV (RFC 4180, CRLF): one row per feature with id, name, value, total, asset,
 * priority and each theme's asset and priority counts; withheld counts read "<k" or "withheld".
 * @example
 * layerCsv(areasLayerGeoJson(...)).split('\r\n')[0] // => 'id,name,value,total,asset,priority,green-space_asset,...'
 */
export function layerCsv(collection: LayerCollection): string {
  const first = collection.features[0]?.properties as { counts?: FeatureCounts } | undefined;
  const themes = Object.keys(first?.counts?.byTheme ?? {});
  const header = ['id', 'name', 'value', 'total', 'asset', 'priority', ...themes.flatMap((t) => [`${t}_asset`, `${t}_priority`])];
  const rows = collection.features.map((f) => {
    const p = (f.properties ?? {}) as { id?: unknown; hex?: unknown; name?: unknown; value?: ExportedValue; counts: FeatureCounts };
    const id = p.id !== undefined ? String(p.id) : p.hex !== undefined ? `hex-${String(p.hex)}` : '';
    return [
      textCell(id),
      textCell(typeof p.name === 'string' ? p.name : ''),
      countCell(p.value),
      countCell(p.counts.total),
      countCell(p.counts.asset),
      countCell(p.counts.priority),
      ...themes.flatMap((t) => [countCell(p.counts.byTheme[t]?.asset), countCell(p.counts.byTheme[t]?.priority)]),
    ].join(',');
  });
  return [header.map((h) => textCell(h)).join(','), ...rows].map((line) => `${line}\r\n`).join('');
}
