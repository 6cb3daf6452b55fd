// pins clustered by zoom, each cluster a donut of its theme mix; single pins (street zoom) as coloured dots.
// A cluster zooms in when chosen; for staff who may act on pins (`picking`), it opens a popup of what to do with them.
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
import { useClusterPick } from '../../store/clusterPickStore.ts';
import { clusterPickContent, openClusterPick, type ClusterPickChoice } from './clusterPickPopup.ts';

/** what a planner may do with a chosen cluster's pins: select them in the answer panel, start a budget project */
export interface ClusterPicking {
  answer: boolean;
  project: boolean;
}

export function ClusterLayer({ picking }: { picking?: ClusterPicking | undefined }) {
  const { t } = useTranslation();
  const map = useMap();
  const clusters = usePlannerStore((s) => s.clusters);
  const themes = usePlannerStore((s) => s.summary?.themes);
  const k = usePlannerStore((s) => s.minCount);
  const themeOf = usePlannerThemes();
  const report = useRepaintReport();
  const group = useLayerGroup();
  const requested = useClusterPick((s) => s.requested);
  const canAnswer = picking?.answer ?? false;
  const canStart = picking?.project ?? false;

  useEffect(
    function drawClusters() {
      const layer = group.current;
      if (!layer || !clusters || !themes) return;
      // a cluster keeps the keyboard focus through a redraw (a pan, a live refresh): its marker is drawn anew
      const active = document.activeElement;
      const focused = active instanceof HTMLElement && map.getContainer().contains(active) ? active.dataset.cluster : undefined;
      layer.clearLayers();
      const colours = themes.map((id) => themeOf(id).colour);
      for (const mark of clusters) {
        const at = L.latLng(mark.lat, mark.lng);
        if (mark.row < 0) {
          // a protected answer says what it hid (its own k); otherwise the screen's k applies here
          const sent = mark.published?.count;
          const hiddenBelow = sent !== undefined ? (typeof sent === 'number' ? null : (sent.lessThan ?? k)) : k > 1 && mark.count < k ? k : null;
          const label = hiddenBelow !== null ? `<${hiddenBelow}` : String(mark.count);
          // the extent comes to staff only (raw counts): then the cluster's pins can be asked for
          const bounds = mark.bounds;
          const pickable = bounds !== undefined && hiddenBelow === null && (canAnswer || canStart);
          const title = hiddenBelow !== null ? `${t('planner.cluster.fewer', { k: hiddenBelow })} (${t('privacy.hidden.fewerThan', { k: hiddenBelow })})` : pickable ? t('clusterPick.markerTitle', { count: mark.count }) : t('planner.cluster.title', { count: mark.count });
          const marker = L.marker(at, { icon: clusterIcon(mark.mix, colours, label, mark.count), title, alt: title, keyboard: true });
          const zoomIn = () => map.setView(at, Math.max(mark.expansionZoom, map.getZoom() + 1));
          const choose = () => {
            if (!pickable || !bounds) {
              zoomIn();
              return;
            }
            const choices: ClusterPickChoice[] = [];
            const done = (then: () => void) => () => {
              map.closePopup();
              then();
            };
            if (canAnswer) choices.push({ label: t('clusterPick.answer'), act: done(() => requested('answer', bounds, mark.count)) });
            if (canStart && mark.priority > 0) choices.push({ label: t('clusterPick.project', { priorities: mark.priority }), act: done(() => requested('project', bounds, mark.count)) });
            choices.push({ label: t('clusterPick.zoom'), act: done(zoomIn) }, { label: t('clusterPick.close'), act: () => map.closePopup() });
            openClusterPick(map, at, clusterPickContent(t('clusterPick.heading', { count: mark.count, priorities: mark.priority }), choices), mark.clusterId);
          };
          marker.on('click', choose);
          // Leaflet gives a focused marker's Enter to bound popups only: a cluster hears it itself
          marker.on('keypress', (e: L.LeafletKeyboardEvent) => {
            if (e.originalEvent.key === 'Enter') choose();
          });
          layer.addLayer(marker);
          marker.getElement()?.setAttribute('data-cluster', String(mark.clusterId));
        } else {
          const theme = themeOf(themes[mark.mix.indexOf(1)] ?? '');
          const dot = L.circleMarker(at, { radius: 7, color: '#fff', weight: 2, fillColor: theme.colour, fillOpacity: 1 });
          dot.bindTooltip(() => textElement([mark.title, `${t(`planner.kind.${mark.kind || 'asset'}`)} · ${theme.label}`]));
          layer.addLayer(dot);
        }
      }
      if (focused !== undefined) map.getContainer().querySelector<HTMLElement>(`[data-cluster="${focused}"]`)?.focus({ preventScroll: true });
      report('clusters');
    },
    [clusters, themes, themeOf, k, map, t, report, group, canAnswer, canStart, requested],
  );
  return null;
}
