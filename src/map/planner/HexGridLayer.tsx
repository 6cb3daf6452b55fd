// hex-bin density: Turf hexGrid cells (same geometry, built from the layout) restyled per answer.
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import { useTranslation } from 'react-i18next';
import { hexRing, type HexLayout } from '../../core/hexBins.ts';
import type { LayerValue } from '../../core/layerValues.ts';
import { usePlannerLayer } from '../../store/usePlannerLayer.ts';
import { textElement } from './textTooltip.ts';
import { useRepaintReport } from './useRepaintReport.ts';

export function HexGridLayer() {
  const { t } = useTranslation();
  const map = useMap();
  const { hexLayout, hexValues, hexFills } = usePlannerLayer();
  const shapes = useRef(new Map<number, L.Polygon>());
  const group = useRef<L.LayerGroup | null>(null);
  const renderer = useRef<L.Renderer | null>(null);
  const describe = useRef<(v: LayerValue | undefined) => string[]>(() => []);
  describe.current = (v) => {
    if (!v || v.kind === 'empty') return [t('planner.value.none')];
    if (v.kind === 'suppressed') return [v.lessThan ? t('privacy.hidden.fewerThan', { k: v.lessThan }) : t('privacy.hidden.withheld')];
    return [t('planner.value.count', { count: v.value })];
  };
  const latestValues = useRef(hexValues);
  latestValues.current = hexValues;
  const report = useRepaintReport();

  useEffect(
    function addHexGroup() {
      const layer = L.layerGroup().addTo(map);
      group.current = layer;
      renderer.current = L.svg({ padding: 0.5 });
      const cells = shapes.current;
      return function removeHexGroup() {
        layer.remove();
        cells.clear();
        group.current = null;
      };
    },
    [map, hexLayout],
  );

  useEffect(
    function restyleHexes() {
      const layout: HexLayout | null = hexLayout;
      if (!layout || !group.current) return;
      hexValues.forEach((v, hex) => {
        let shape = shapes.current.get(hex);
        if (v.kind === 'empty') {
          if (shape) group.current!.removeLayer(shape);
          return;
        }
        if (!shape) {
          // cells are created the first time they hold a pin, then only restyled
          const latLngs = hexRing(layout, hex).map(([lng, lat]) => L.latLng(lat!, lng!));
          shape = L.polygon(latLngs, { renderer: renderer.current ?? undefined, weight: 0.6, color: '#555' });
          shape.bindTooltip(() => textElement(describe.current(latestValues.current[hex])), { sticky: true });
          shapes.current.set(hex, shape);
        }
        if (!group.current!.hasLayer(shape)) group.current!.addLayer(shape);
        shape.setStyle({ fillColor: hexFills[hex], fillOpacity: 0.8, opacity: 0.7 });
      });
      report(`hex:${layout.cellMetres}`);
    },
    [hexLayout, hexValues, hexFills, report],
  );
  return null;
}
