// builds the protomaps-leaflet layer that draws a vector basemap; loaded on demand, so the renderer (about 130 kB)
// stays out of the first load and out of maps that draw a raster basemap or none.
import L from 'leaflet';
import { CircleSymbolizer, GroupSymbolizer, leafletLayer, OffsetTextSymbolizer } from 'protomaps-leaflet';
import type { LabelRule } from 'protomaps-leaflet';

// WARNING: protomaps-leaflet 5 extends the global `L.GridLayer` (its source says `declare const L`), so leaflet must
// be on globalThis before the layer is made
(globalThis as { L?: typeof L }).L ??= L;

export interface VectorBasemapOptions {
  url: string;
  /** the file's highest zoom; the renderer draws deeper zooms from it */
  maxDataZoom: number;
  /** the interface language: labels read `name:<lang>` and fall back to `name` */
  lang: string;
  opacity: number;
  /** plain text for leaflet's attribution control, or '' when the page shows it itself */
  attribution: string;
}

// the stock style labels roads, water and places but no points of interest; landmarks are what residents find
// their way by, so they get a dot and a name from zoom 13
function landmarkLabels(lang: string): LabelRule {
  const names = [`name:${lang}`, 'name'];
  return {
    dataLayer: 'pois',
    minzoom: 13,
    symbolizer: new GroupSymbolizer([
      new CircleSymbolizer({ radius: 3, fill: '#6b4f2a', stroke: '#ffffff', width: 1.5 }),
      new OffsetTextSymbolizer({ labelProps: names, fill: '#4a3720', stroke: '#ffffff', width: 2, font: '600 12px sans-serif', offsetX: 6, offsetY: 4.5 }),
    ]),
  };
}

/**
 * A leaflet layer drawing the vector tiles at `url` in the Protomaps "light" style, labelled in `lang`.
 * @example
 * vectorBasemapLayer({ url: '/tiles/{z}/{x}/{y}.mvt?v=1', maxDataZoom: 15, lang: 'ur', opacity: 1, attribution: '' }).addTo(map);
 */
export function vectorBasemapLayer(options: VectorBasemapOptions): L.GridLayer {
  const layer = leafletLayer({ url: options.url, flavor: 'light', lang: options.lang, maxDataZoom: options.maxDataZoom, opacity: options.opacity, attribution: options.attribution }) as unknown as L.GridLayer & { labelRules: LabelRule[] };
  // WARNING: with a flavor the options' labelRules are ignored; the labeller reads this same array, so adding to it
  // before the first tile is drawn adds the rule
  layer.labelRules.push(landmarkLabels(options.lang));
  return layer;
}
