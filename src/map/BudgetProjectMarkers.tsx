// budget projects as markers on a map (the planner's and the ballot's): one focusable marker per located project,
// named by its title and cost; picking one hands its id back.
import L from 'leaflet';
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import type { BudgetMarker } from '../core/budget/projectPlaces.ts';
import { toLatLng } from './lngLat.ts';
import { textElement } from './planner/textTooltip.ts';
import { useLayerGroup } from './useLayerGroup.ts';
import './budgetProjectMarkers.css';


const PANE = 'budget-projects';

export function BudgetProjectMarkers({ markers, onPick }: { markers: readonly BudgetMarker[]; onPick?: (id: string) => void }) {
  const map = useMap();
  const group = useLayerGroup();

  useEffect(
    function makePane() {
      // above the planner's fills and pins, below tooltips
      if (!map.getPane(PANE)) map.createPane(PANE).style.zIndex = '650';
    },
    [map],
  );

  useEffect(
    function drawProjectMarkers() {
      const layer = group.current;
      if (!layer) return;
      layer.clearLayers();
      for (const m of markers) {
        // the title is user text: leaflet sets `title`/`alt` as attributes, and the tooltip is a text node
        const name = `${m.title}, ${m.detail}`;
        const marker = L.marker(toLatLng(m.position), {
          pane: PANE,
          icon: L.divIcon({ className: `budget-project-marker${m.highlighted ? ' budget-project-marker--on' : ''}`, html: '', iconSize: [24, 24] }),
          title: name,
          alt: name,
          // a marker is a button only where picking it does something (the ballot); elsewhere it is a label to hover
          keyboard: onPick !== undefined,
        });
        marker.on('add', () => marker.getElement()?.setAttribute('data-project-id', m.id));
        marker.bindTooltip(() => textElement([m.title, m.detail]));
        if (onPick) {
          marker.on('click', () => onPick(m.id));
          // a focused marker (role=button) is picked with Enter or Space too: leaflet only does that for popups
          marker.on('keypress', (e: L.LeafletKeyboardEvent) => {
            if (e.originalEvent.key === 'Enter' || e.originalEvent.key === ' ') onPick(m.id);
          });
        }
        layer.addLayer(marker);
      }
    },
    [markers, onPick, group],
  );
  return null;
}
