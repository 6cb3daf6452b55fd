// pins clustered by zoom, each cluster a donut of its theme mix; single pins (street zoom) as coloured dots.
import L from 'leaflet';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useMap } from 'react-leaflet';
import { usePlannerStore } from '../../store/usePlannerStore.ts';
import { clusterIcon } from './clusterIcon.ts';
import { useLayerGroup } from '../useLayerGroup.ts';
import { textElement } from './textTooltip.ts';
import { usePlannerThemes } from '../../store/usePlannerThemes.ts';
import { useRepaintReport } from './useRepaintReport.ts';

export function ClusterLayer() {
  const { t } = useTranslation();
  const map = useMap();
  const clusters = usePlannerStore((s) => s.clusters);
  const themes = usePlannerStore((s) => s.summary?.themes);
  const k = usePlannerStore((s) => s.minCount);
  const themeOf = usePlannerThemes();
  const report = useRepaintReport();
  const group = useLayerGroup();

  useEffect(
    function drawClusters() {
      const layer = group.current;
      if (!layer || !clusters || !themes) return;
      layer.clearLayers();
      const colours = themes.map((id) => themeOf(id).colour);
      for (const mark of clusters) {
        const at = L.latLng(mark.lat, mark.lng);
        if (mark.row < 0) {
          // a protected answer says what it hid (its own k); otherwise the screen's k applies here
          const sent = mark.published?.count;
          const hiddenBelow = sent !== undefined ? (typeof sent === 'number' ? null : (sent.lessThan ?? k)) : k > 1 && mark.count < k ? k : null;
          const label = hiddenBelow !== null ? `<${hiddenBelow}` : String(mark.count);
          const title = hiddenBelow !== null ? `${t('planner.cluster.fewer', { k: hiddenBelow })} (${t('privacy.hidden.fewerThan', { k: hiddenBelow })})` : t('planner.cluster.title', { count: mark.count });
          const marker = L.marker(at, { icon: clusterIcon(mark.mix, colours, label, mark.count), title, alt: title, keyboard: true });
          marker.on('click', () => map.setView(at, Math.max(mark.expansionZoom, map.getZoom() + 1)));
          layer.addLayer(marker);
        } else {
          const theme = themeOf(themes[mark.mix.indexOf(1)] ?? '');
          const dot = L.circleMarker(at, { radius: 7, color: '#fff', weight: 2, fillColor: theme.colour, fillOpacity: 1 });
          dot.bindTooltip(() => textElement([mark.title, `${t(`planner.kind.${mark.kind || 'asset'}`)} · ${theme.label}`]));
          layer.addLayer(dot);
        }
      }
      report('clusters');
    },
    [clusters, themes, themeOf, k, map, t, report, group],
  );
  return null;
}
