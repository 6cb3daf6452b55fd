// view scope (a consultation too big to load whole): reports each settled view, and shows clusters where a view has too many pins.
import L from 'leaflet';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useMap } from 'react-leaflet';
import { useAppStore } from '../store/useAppStore.ts';
import { clusterIcon } from './planner/clusterIcon.ts';
import { useLayerGroup } from './useLayerGroup.ts';
import { textElement } from './planner/textTooltip.ts';

export function ViewScopeLayer() {
  const { t } = useTranslation();
  const map = useMap();
  const scope = useAppStore((s) => s.pinScope);
  const mapViewChanged = useAppStore((s) => s.mapViewChanged);
  const clusters = useAppStore((s) => s.viewScope.clusters);
  const themes = useAppStore((s) => s.themes);
  const group = useLayerGroup();

  useEffect(
    function reportSettledViews() {
      if (scope !== 'view') return;
      const report = () => {
        const b = map.getBounds();
        void mapViewChanged([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], map.getZoom());
      };
      map.on('moveend', report);
      report();
      return function stopReporting() {
        map.off('moveend', report);
      };
    },
    [map, scope, mapViewChanged],
  );

  useEffect(
    function drawClusters() {
      const layer = group.current;
      if (!layer) return;
      layer.clearLayers();
      if (!clusters) return;
      const colours = themes.map((theme) => theme.colour);
      for (const mark of clusters) {
        const at = L.latLng(mark.lat, mark.lng);
        // a lone pin at this zoom is still a count of 1: its text and actions come with the pins when zoomed in
        // the server protects small cluster counts for the public: such a cluster says "fewer than k" in words
        const sent = mark.published?.count;
        const below = sent !== undefined && typeof sent !== 'number' ? (sent.lessThan ?? null) : null;
        const hidden = sent !== undefined && typeof sent !== 'number';
        const label = hidden ? (below !== null ? `<${below}` : '?') : String(mark.count);
        const title = mark.row >= 0 ? t('map.clusterOne', { title: mark.title }) : hidden ? (below !== null ? t('privacy.hidden.fewerThan', { k: below }) : t('privacy.hidden.withheld')) : t('map.cluster', { count: mark.count });
        const marker = L.marker(at, { icon: clusterIcon(mark.mix, colours, label, mark.count), title, alt: title, keyboard: true });
        marker.on('click', () => map.setView(at, Math.max(mark.expansionZoom, map.getZoom() + 2)));
        if (mark.row >= 0) marker.bindTooltip(() => textElement([mark.title]));
        layer.addLayer(marker);
      }
    },
    [clusters, themes, map, t, group],
  );

  return null;
}
