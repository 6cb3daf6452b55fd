// fits the view to the neighbourhood boundaries whenever a new boundary set arrives.
import bbox from '@turf/bbox';
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import { useAppStore } from '../store/useAppStore.ts';
import { coveredPadding } from './coveredPadding.ts';
import { bboxToBounds } from './lngLat.ts';

export function FitToAreas() {
  const map = useMap();
  const areas = useAppStore((s) => s.areas);
  useEffect(
    function fitBoundaries() {
      if (areas.features.length === 0) return;
      const fit = () => map.fitBounds(bboxToBounds(bbox(areas)), { ...coveredPadding(map), animate: false });
      // a map mounted hidden (the list view chosen before the pins loaded) has no size: fitting then gives NaN
      // positions to every marker, so fit when it is shown and resized (MapEvents calls invalidateSize)
      const size = map.getSize();
      if (size.x > 0 && size.y > 0) {
        fit();
        return;
      }
      const fitWhenSized = () => {
        const now = map.getSize();
        if (now.x === 0 || now.y === 0) return;
        map.off('resize', fitWhenSized);
        fit();
      };
      map.on('resize', fitWhenSized);
      return function stopWaiting() {
        map.off('resize', fitWhenSized);
      };
    },
    [areas, map],
  );
  return null;
}
