// the neighbourhoods filled by a value (choropleth or priority gap): drawn once per boundary set, restyled per answer.
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import type { AreaCollection } from '../../core/types.ts';
import { textElement } from './textTooltip.ts';
import { useRepaintReport } from './useRepaintReport.ts';

export interface AreaFillLayerProps {
  /** which layer this is, for the repaint report */
  name: string;
  areas: AreaCollection;
  fills: readonly string[];
  /** tooltip lines per area (plain text) */
  labels: readonly string[][];
  selected: number | null;
  onSelect: (index: number) => void;
}

export function AreaFillLayer({ name, areas, fills, labels, selected, onSelect }: AreaFillLayerProps) {
  const map = useMap();
  const layers = useRef<L.Path[]>([]);
  const latest = useRef({ labels, onSelect });
  latest.current = { labels, onSelect };
  const report = useRepaintReport();

  useEffect(
    function addAreaShapes() {
      // svg (not canvas) so the grey hatch of withheld counts can be an svg pattern fill
      const renderer = L.svg({ padding: 0.5 });
      const group = L.layerGroup();
      layers.current = areas.features.map((feature, index) => {
        const shape = L.geoJSON(feature, { renderer } as L.GeoJSONOptions).getLayers()[0] as L.Path;
        shape.bindTooltip(() => textElement(latest.current.labels[index] ?? []), { sticky: true });
        shape.on('click', () => latest.current.onSelect(index));
        group.addLayer(shape);
        return shape;
      });
      group.addTo(map);
      return function removeAreaShapes() {
        group.remove();
        layers.current = [];
      };
    },
    [areas, map],
  );

  useEffect(
    function restyleAreas() {
      layers.current.forEach((shape, index) => {
        const isSelected = index === selected;
        shape.setStyle({ fillColor: fills[index] ?? 'transparent', fillOpacity: 0.78, color: isSelected ? '#111' : '#3d4a5c', weight: isSelected ? 4 : 1.2, opacity: 1 });
        if (isSelected) shape.bringToFront();
      });
      report(name);
    },
    [fills, selected, areas, name, report],
  );
  return null;
}
