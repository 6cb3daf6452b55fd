// colour scales of the planner layers: colour-blind-safe ColorBrewer / matplotlib ramps from d3-scale-chromatic.
import { interpolatePuOr, interpolateViridis } from 'd3-scale-chromatic';

/** Fill for areas and hexes whose count is withheld ("fewer than k"): a grey hatch defined once in the page. */
export const HATCH_FILL = 'url(#planner-hatch)';
/** Fill for places with no (filtered) pins at all. */
export const EMPTY_FILL = '#f1f1f1';
export const HATCH_COLOURS = { background: '#e4e4e4', stroke: '#8a8a8a' } as const;

/**
 * Sequential colour for a value in [0, max] on reversed viridis (light yellow = few, dark purple = many),
 * which stays ordered in every common colour-vision deficiency and in greyscale.
 * @example
 * sequentialColour(0, 10) // => '#fde725'
 */
export function sequentialColour(value: number, max: number): string {
  const t = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  return interpolateViridis(1 - t);
}

/**
 * Diverging colour for a priority gap in [-1, 1] on ColorBrewer PuOr (colour-blind safe):
 * +1 "many needs, few assets" is orange-brown, -1 "many assets, few needs" is purple, 0 is near white.
 * @example
 * gapColour(1) // => 'rgb(127, 59, 8)'
 */
export function gapColour(gap: number): string {
  const t = (Math.min(1, Math.max(-1, gap)) + 1) / 2;
  return interpolatePuOr(t);
}

/**
 * Evenly spaced stops of a scale, for legends and the PNG export.
 * @example
 * scaleStops((t) => gapColour(t * 2 - 1), 3) // => ['rgb(45, 0, 75)', 'rgb(243, 238, 234)', 'rgb(127, 59, 8)']
 */
export function scaleStops(colourAt: (t: number) => string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => colourAt(n === 1 ? 0 : i / (n - 1)));
}

/**
 * The fill of each place on a layer: the scale's colour for a value, the grey hatch when withheld,
 * light grey when there are no pins.
 * @example
 * layerFills([{ kind: 'suppressed', lessThan: 5 }], (v) => gapColour(v)) // => ['url(#planner-hatch)']
 */
export function layerFills(values: ReadonlyArray<{ kind: string; value?: number; lessThan?: number }>, colourOf: (value: number) => string): string[] {
  return values.map((v) => (v.kind === 'value' ? colourOf(v.value!) : v.kind === 'suppressed' ? HATCH_FILL : EMPTY_FILL));
}
