// the current planner layer's values and fills, derived (memoised) from the latest aggregation.
import { useMemo } from 'react';
import { areasBbox } from '../core/aggregateAreas.ts';
import { hexLayout, type HexLayout } from '../core/hexBins.ts';
import { gapColour, layerFills, sequentialColour } from '../core/layerScales.ts';
import { areaMeasureValues, gapValues, hexValues, maxValue, publishedGroupCounts, type LayerValue } from '../core/layerValues.ts';
import type { PlannerResult } from '../core/plannerEngine.ts';
import type { PublishedCounts } from '../core/smallCounts.ts';
import type { PlannerState } from './plannerStore.ts';
import { usePlannerStore } from './usePlannerStore.ts';

export interface PlannerLayerData {
  /** per area, small-count protected */
  published: PublishedCounts[];
  areaValues: LayerValue[];
  areaFills: string[];
  areaMax: number;
  /** the gap scale runs from -gapDomain to +gapDomain (the largest gap shown, in steps of 0.1) so small gaps still show */
  gapDomain: number;
  hexLayout: HexLayout | null;
  hexValues: LayerValue[];
  hexFills: string[];
  hexMax: number;
}

const none: PlannerLayerData = { published: [], areaValues: [], areaFills: [], areaMax: 0, gapDomain: 1, hexLayout: null, hexValues: [], hexFills: [], hexMax: 0 };

function gapScaleDomain(values: readonly LayerValue[]): number {
  let most = 0;
  for (const v of values) if (v.kind === 'value') most = Math.max(most, Math.abs(v.value));
  return Math.min(1, Math.max(0.1, Math.ceil(most * 10 - 1e-9) / 10));
}

function layoutOf(areas: PlannerState['areas'], metres: number | undefined): HexLayout | null {
  if (metres === undefined || areas.features.length === 0) return null;
  const bbox = areasBbox(areas);
  return bbox[0] < bbox[2] && bbox[1] < bbox[3] ? hexLayout(bbox, metres) : null;
}

type AreaInputs = Pick<PlannerState, 'layer' | 'gapTheme' | 'areaKm2' | 'areaMeasure' | 'shareTheme'>;

function areaPartOf(published: PublishedCounts[], s: AreaInputs) {
  const values = s.layer === 'gaps' ? gapValues(published, s.gapTheme) : areaMeasureValues(published, s.areaKm2, s.areaMeasure, s.shareTheme);
  const max = maxValue(values);
  const gapDomain = s.layer === 'gaps' ? gapScaleDomain(values) : 1;
  const fills = layerFills(values, s.layer === 'gaps' ? (v) => gapColour(v / gapDomain) : (v) => sequentialColour(v, max));
  return { areaValues: values, areaFills: fills, areaMax: max, gapDomain };
}

function hexPartOf(result: PlannerResult | null, layout: HexLayout | null, k: number) {
  if (!result || layout === null || result.hexes.nGroups !== layout.count) return { hexValues: [], hexFills: [], hexMax: 0 };
  const values = hexValues(result.hexes, k);
  const max = maxValue(values);
  return { hexValues: values, hexFills: layerFills(values, (v) => sequentialColour(v, max)), hexMax: max };
}

/**
 * The layer data for a small-count k other than the one on screen (an export for publication), computed once.
 * @example
 * plannerLayerDataAt(store.getState(), 5).areaValues
 */
export function plannerLayerDataAt(s: PlannerState, k: number): PlannerLayerData {
  if (!s.result) return none;
  const published = publishedGroupCounts(s.result.areas, k);
  const layout = layoutOf(s.areas, s.result.hexMetres);
  return { published, ...areaPartOf(published, s), hexLayout: layout, ...hexPartOf(s.result, layout, k) };
}

/** Values and fills of the areas (choropleth or gaps, by the chosen layer) and of the hexes. */
export function usePlannerLayer(): PlannerLayerData {
  const result = usePlannerStore((s) => s.result);
  const areas = usePlannerStore((s) => s.areas);
  const areaKm2 = usePlannerStore((s) => s.areaKm2);
  const layer = usePlannerStore((s) => s.layer);
  const areaMeasure = usePlannerStore((s) => s.areaMeasure);
  const shareTheme = usePlannerStore((s) => s.shareTheme);
  const gapTheme = usePlannerStore((s) => s.gapTheme);
  const k = usePlannerStore((s) => s.minCount);
  const metres = result?.hexMetres;
  const layout = useMemo(() => layoutOf(areas, metres), [areas, metres]);
  const published = useMemo(() => (result ? publishedGroupCounts(result.areas, k) : []), [result, k]);
  const areaPart = useMemo(() => areaPartOf(published, { layer, gapTheme, areaKm2, areaMeasure, shareTheme }), [published, layer, gapTheme, areaKm2, areaMeasure, shareTheme]);
  const hexPart = useMemo(() => hexPartOf(result, layout, k), [result, layout, k]);
  return result ? { published, ...areaPart, hexLayout: layout, ...hexPart } : none;
}
