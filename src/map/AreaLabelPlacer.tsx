// keeps neighbourhood labels off each other and off pins: after every zoom and pin change each label's tooltip
// is moved to the nearby spot placeLabels chooses, and a label with no free spot fades out until a zoom makes room
// (labels never take taps: their pane ignores the pointer).
import type { CircleMarker as LeafletCircleMarker } from 'leaflet';
import { useEffect, useState } from 'react';
import type { RefObject } from 'react';
import { useMap, useMapEvents } from 'react-leaflet';
import { placeLabels } from '../core/areas/placeLabels.ts';
import { fromLatLng } from './lngLat.ts';
import { useAreaLocator } from '../store/areaLocatorFor.ts';
import { selectVisiblePins } from '../store/selectVisiblePins.ts';
import { useAppStore } from '../store/useAppStore.ts';

const MARKER_RADIUS = 20;
/** about a second at 60 frames a second: a hidden map (the list view) is placed when it is shown and zoomed */
const MAX_FRAMES_FOR_LAYOUT = 60;

export function AreaLabelPlacer({ labels }: { labels: RefObject<Map<string, LeafletCircleMarker>> }) {
  const map = useMap();
  const pins = useAppStore(selectVisiblePins);
  // the labels are made from the areas: new areas, new labels to place (they often arrive after the pins)
  const areas = useAppStore((s) => s.areas);
  const locate = useAreaLocator(areas);
  const [moves, setMoves] = useState(0);
  useMapEvents({
    zoomend() {
      setMoves((n) => n + 1);
    },
    resize() {
      setMoves((n) => n + 1);
    },
  });
  useEffect(function placeAgainWhenFontsLoad() {
    // a label's width is measured in its font: the first placing may have measured the fallback font
    let live = true;
    void document.fonts?.ready.then(() => {
      if (live) setMoves((n) => n + 1);
    });
    return () => {
      live = false;
    };
  }, []);
  useEffect(
    function placeAreaLabels() {
      // the labels stay where leaflet put them until the locator's code is in (the effect runs again then)
      if (!locate) return;
      // after the frame in which leaflet and react have put markers and labels where they go; a label not laid out
      // yet (its tooltip just opened: no size) would be placed as a point, so wait a few frames for its size
      let frame = 0;
      let tries = 0;
      const place = () => {
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
        if (boxes.some((b) => b.width === 0) && tries++ < MAX_FRAMES_FOR_LAYOUT) {
          frame = requestAnimationFrame(place);
          return;
        }
        // a label that steps aside stays over its own area: a name over the next area names the wrong place
        const canSit = (label: { id: string }, x: number, y: number) => locate(fromLatLng(map.containerPointToLatLng([x, y]))) === label.id;
        for (const [id, offset] of placeLabels(boxes, obstacles, { canSit })) {
          const tooltip = labels.current.get(id)?.getTooltip();
          if (!tooltip) continue;
          // faded rather than removed: it keeps its size, so the next placing still knows it
          tooltip.getElement()?.classList.toggle('area-label--crowded', offset.crowded === true);
          const [oldX, oldY] = Array.isArray(tooltip.options.offset) ? tooltip.options.offset : [0, 0];
          if (oldX === offset.dx && oldY === offset.dy) continue;
          tooltip.options.offset = [offset.dx, offset.dy];
          tooltip.update();
        }
      };
      frame = requestAnimationFrame(place);
      return function cancelPlacing() {
        cancelAnimationFrame(frame);
      };
    },
    [map, pins, locate, moves, labels],
  );
  return null;
}
