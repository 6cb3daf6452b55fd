// how a context layer is drawn and explained: one colour per category (the mapped theme's colour where there is one),
// the same for the map, the legend and the list.
import type { LayerProperties } from './layerTypes.ts';

/** colours for categories without a theme: distinct on the pale basemap and on each other (Okabe–Ito, no yellow) */
export const CATEGORY_PALETTE = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#56b4e9', '#e69f00', '#000000'] as const;

export interface LegendEntry {
  /** '' for features without a category */
  category: string;
  colour: string;
  /** the theme this category was mapped to, if any */
  theme?: string;
  count: number;
}

/**
 * The legend of a layer (its features' properties): one entry per category in order of first appearance, coloured by its theme when the
 * planner mapped one (`themeColours`: theme id → #rrggbb), else from the palette by position.
 * @example
 * layerLegend([{ category: 'culture' }], {})
 * // => [{ category: 'culture', colour: '#0072b2', count: 1 }]
 */
export function layerLegend(features: readonly Pick<LayerProperties, 'category' | 'theme'>[], themeColours: Readonly<Record<string, string>>): LegendEntry[] {
  const entries = new Map<string, LegendEntry>();
  for (const properties of features) {
    const category = properties.category ?? '';
    const found = entries.get(category);
    if (found) {
      found.count += 1;
      continue;
    }
    const theme = properties.theme;
    const themed = theme !== undefined ? themeColours[theme] : undefined;
    const colour = themed ?? CATEGORY_PALETTE[[...entries.values()].filter((e) => e.theme === undefined || !themeColours[e.theme]).length % CATEGORY_PALETTE.length]!;
    entries.set(category, theme !== undefined ? { category, colour, theme, count: 1 } : { category, colour, count: 1 });
  }
  return [...entries.values()];
}

/**
 * The colour of each category of a legend, for drawing.
 * @example
 * categoryColours([{ category: 'culture', colour: '#0072b2', count: 1 }]).get('culture') // => '#0072b2'
 */
export function categoryColours(legend: readonly LegendEntry[]): Map<string, string> {
  return new Map(legend.map((e) => [e.category, e.colour]));
}
