// the map's basemap as /api/config names it: the council's vector file served by Coplan, a raster tile server, or none.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridLayer } from 'leaflet';
import { TileLayer, useMap } from 'react-leaflet';
import type { Basemap } from '../core/basemapConfig.ts';

interface BasemapLayerProps {
  basemap: Basemap;
  /** below 1 the basemap steps back behind a map's own layers (the planner's choropleths) */
  opacity?: number;
  /** give the attribution to leaflet's control (the table); otherwise the page shows it as text */
  attributionInControl?: boolean;
}

function VectorBasemap({ url, maxDataZoom, opacity, attribution }: { url: string; maxDataZoom: number; opacity: number; attribution: string }) {
  const map = useMap();
  const { i18n } = useTranslation();
  const lang = i18n.language;
  useEffect(
    function addVectorBasemap() {
      let layer: GridLayer | null = null;
      let removed = false;
      void import('./vectorBasemapLayer.ts').then(({ vectorBasemapLayer }) => {
        if (removed) return;
        layer = vectorBasemapLayer({ url, maxDataZoom, lang, opacity, attribution });
        layer.addTo(map);
        layer.bringToBack();
      });
      return function removeVectorBasemap() {
        removed = true;
        layer?.remove();
      };
    },
    [map, url, maxDataZoom, lang, opacity, attribution],
  );
  return null;
}

export function BasemapLayer({ basemap, opacity = 1, attributionInControl = false }: BasemapLayerProps) {
  if (basemap.kind === 'none') return null;
  const attribution = attributionInControl ? basemap.attribution : '';
  if (basemap.kind === 'raster') return <TileLayer url={basemap.url} opacity={opacity} {...(attribution ? { attribution } : {})} />;
  return <VectorBasemap url={basemap.url} maxDataZoom={basemap.maxZoom} opacity={opacity} attribution={attribution} />;
}

/** The attribution a page shows as text under its map, '' when there is nothing to credit. */
export function basemapAttribution(basemap: Basemap): string {
  return basemap.kind === 'none' ? '' : basemap.attribution;
}
