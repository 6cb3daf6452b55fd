// the response explorer's pins on the planner map: the rows on show as dots, the selected one ringed and flown to.
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useMap } from 'react-leaflet';
import { usePlannerThemes } from '../../store/usePlannerThemes.ts';
import { useResponseExplorer } from '../../store/useResponseExplorer.ts';
import { toLatLng } from '../lngLat.ts';
import { useLayerGroup } from '../useLayerGroup.ts';
import { textElement } from './textTooltip.ts';

const PANE = 'explorer-pins';
/** close enough to tell one street from the next */
const FLY_ZOOM = 16;

export function ExplorerPinLayer() {
  const { t } = useTranslation();
  const map = useMap();
  const rows = useResponseExplorer((s) => s.page?.rows ?? null);
  const selected = useResponseExplorer((s) => s.selected);
  const flyRequest = useResponseExplorer((s) => s.flyRequest);
  const pinSelected = useResponseExplorer((s) => s.pinSelected);
  const themeOf = usePlannerThemes();
  const group = useLayerGroup();
  const flown = useRef(flyRequest);

  useEffect(
    function makePane() {
      // above every area fill and hex cell, below tooltips
      if (!map.getPane(PANE)) map.createPane(PANE).style.zIndex = '640';
    },
    [map],
  );

  useEffect(
    function drawExplorerPins() {
      const layer = group.current;
      if (!layer) return;
      layer.clearLayers();
      for (const row of rows ?? []) {
        if (row.id === selected?.id) continue;
        const dot = L.circleMarker(toLatLng(row.position), { pane: PANE, radius: 6, color: '#fff', weight: 2, fillColor: themeOf(row.theme).colour, fillOpacity: 1 });
        dot.bindTooltip(() => textElement([row.title, `${t(`planner.kind.${row.kind}`)} · ${themeOf(row.theme).label}`]));
        dot.on('click', () => pinSelected(row, { fly: false }));
        layer.addLayer(dot);
      }
      if (selected) {
        const title = t('explorer.map.selected', { title: selected.title });
        const ring = L.marker(toLatLng(selected.position), {
          pane: PANE,
          icon: L.divIcon({ className: 'explorer-selected-pin', html: '', iconSize: [26, 26] }),
          title,
          alt: title,
          keyboard: false,
        });
        ring.on('add', () => ring.getElement()?.setAttribute('data-pin-id', selected.id));
        ring.bindTooltip(() => textElement([selected.title, selected.areaName ?? selected.area]));
        layer.addLayer(ring);
      }
    },
    [rows, selected, themeOf, t, pinSelected, group],
  );

  useEffect(
    function flyToSelected() {
      if (!selected || flown.current === flyRequest) return;
      flown.current = flyRequest;
      map.flyTo(toLatLng(selected.position), Math.max(map.getZoom(), FLY_ZOOM));
    },
    [selected, flyRequest, map],
  );
  return null;
}
