// keeps neighbourhood labels off each other and off pins: after every zoom and pin change each label's tooltip
// is moved to the nearby spot placeLabels chooses (labels never take taps: their pane ignores the pointer).
import type { CircleMarker as LeafletCircleMarker } from 'leaflet';
import { useEffect, useState } from 'react';
import type { RefObject } from 'react';
import { useMap, useMapEvents } from 'react-leaflet';
import { placeLabels } from '../core/areas/placeLabels.ts';
import { selectVisiblePins } from '../store/selectVisiblePins.ts';
import { useAppStore } from '../store/useAppStore.ts';

const MARKER_RADIUS = 20;

export function AreaLabelPlacer({ labels }: { labels: RefObject<Map<string, LeafletCircleMarker>> }) {
  const map = useMap();
  const pins = useAppStore(selectVisiblePins);
  const [moves, setMoves] = useState(0);
  useMapEvents({
    zoomend() {
      setMoves((n) => n + 1);
    },
  });
  useEffect(
    function placeAreaLabels() {
      // after the frame in which leaflet and react have put markers and labels where they go
      const frame = requestAnimationFrame(() => {
        const container = map.getContainer();
        const origin = container.getBoundingClientRect();
        const obstacles = Array.from(container.querySelectorAll('.pin-marker')).map((el) => {
          const r = el.getBoundingClientRect();
          return { x: r.left + r.width / 2 - origin.left, y: r.top + r.height / 2 - origin.top, radius: MARKER_RADIUS };
        });
        const boxes = [];
        for (const [id, marker] of labels.current) {
          const element = marker.getTooltip()?.getElement();
          if (!element) continue;
          const at = map.latLngToContainerPoint(marker.getLatLng());
          boxes.push({ id, x: at.x, y: at.y, width: element.offsetWidth, height: element.offsetHeight });
        }
        const offsets = placeLabels(boxes, obstacles);
        for (const [id, offset] of offsets) {
          const tooltip = labels.current.get(id)?.getTooltip();
          if (!tooltip) continue;
          const [oldX, oldY] = Array.isArray(tooltip.options.offset) ? tooltip.options.offset : [0, 0];
          if (oldX === offset.dx && oldY === offset.dy) continue;
          tooltip.options.offset = [offset.dx, offset.dy];
          tooltip.update();
        }
      });
      return function cancelPlacing() {
        cancelAnimationFrame(frame);
      };
    },
    [map, pins, moves, labels],
  );
  return null;
}
