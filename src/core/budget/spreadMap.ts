// the results map's figures: each area's money (or money per resident) for one rule as a fill class, with the legend's
// ranges, from the spread as the caller may see it (a withheld share stays withheld). Shared by the map and its legend.
import { isSuppressed } from '../smallCounts.ts';
import type { AreaCollection } from '../types.ts';
import type { BudgetMarker } from './projectPlaces.ts';
import type { PublishedSpread } from './protectSpread.ts';

export type SpreadMeasure = 'funded' | 'perResident';

/** fill classes: 0 is "nothing funded", 1 to 4 rise in equal steps up to the largest area's figure */
export const SPREAD_CLASS_COUNT = 5;
/** a sequential blue ramp (ColorBrewer Blues, safe for colour-blind readers), one colour per class */
export const SPREAD_FILLS: readonly string[] = ['#f7fbff', '#c6dbef', '#6baed6', '#2171b5', '#08306b'];

export interface SpreadMapArea {
  id: string;
  name: string;
  /** the measure's figure; null where there is none (money per resident in an area without a population) */
  value: number | null;
  /** 0 to SPREAD_CLASS_COUNT - 1; null with no value */
  fillClass: number | null;
  /** the share of the area's voters with a funded project they voted for: null without voters, 'withheld' for a small group */
  share: number | null | 'withheld';
  /** the funded projects in (or partly in) the area */
  projects: string[];
}

/** what a drawing of the spread map is given: the results page (ui) hands it to the map (map), neither imports the other */
export interface SpreadMapView {
  areas: AreaCollection;
  figures: readonly SpreadMapArea[];
  /** the funded projects with a place */
  markers: readonly BudgetMarker[];
  /** an area's tooltip lines (name first), in the page's words */
  describe(area: SpreadMapArea): string[];
  label: string;
  /** changes when the figures do (rule or measure), so the shapes are drawn again */
  drawKey: string;
}

export interface SpreadLegendClass {
  fillClass: number;
  /** the class holds values above `from` (class 0: exactly 0) up to and including `to` */
  from: number;
  to: number;
}

export interface SpreadMapFigures {
  areas: SpreadMapArea[];
  legend: SpreadLegendClass[];
  /** every funded project of the rule: in an area or not */
  funded: string[];
}

/**
 * Fill classes for one rule's spread: 0 for an area with nothing funded, 1 to 4 in equal steps of the largest value;
 * the legend lists the ranges of the classes in use (class 0 and, when anything is funded, 1 to 4). Never changes `spread`.
 * @example
 * spreadMapFigures({ areas: [{ id: 'n', name: 'North', funded: 800, perResident: null, share: { suppressed: true }, projects: ['a'], … },
 *   { id: 's', name: 'South', funded: 0, … }], unplaced: { funded: 0, projects: [] }, … }, 'funded')
 * // => { areas: [{ id: 'n', value: 800, fillClass: 4, share: 'withheld', … }, { id: 's', value: 0, fillClass: 0, … }],
 * //      legend: [{ fillClass: 0, from: 0, to: 0 }, { fillClass: 1, from: 0, to: 200 }, …, { fillClass: 4, from: 600, to: 800 }], funded: ['a'] }
 */
export function spreadMapFigures(spread: PublishedSpread, measure: SpreadMeasure): SpreadMapFigures {
  const values = spread.areas.map((a) => (measure === 'funded' ? a.funded : a.perResident));
  const max = Math.max(0, ...values.filter((v): v is number => v !== null));
  const steps = SPREAD_CLASS_COUNT - 1;
  const classOf = (v: number | null) => (v === null ? null : v <= 0 || max === 0 ? 0 : Math.min(steps, Math.ceil((v / max) * steps)));
  const areas = spread.areas.map((a, i): SpreadMapArea => {
    const share = a.share === null ? null : isSuppressed(a.share) ? 'withheld' : a.share;
    return { id: a.id, name: a.name, value: values[i]!, fillClass: classOf(values[i]!), share, projects: [...a.projects] };
  });
  const legend: SpreadLegendClass[] = [{ fillClass: 0, from: 0, to: 0 }];
  if (max > 0) for (let c = 1; c <= steps; c++) legend.push({ fillClass: c, from: (max * (c - 1)) / steps, to: (max * c) / steps });
  const funded = [...new Set([...spread.areas.flatMap((a) => a.projects), ...spread.unplaced.projects])];
  return { areas, legend, funded };
}
