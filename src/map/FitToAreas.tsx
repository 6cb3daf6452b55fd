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
      map.fitBounds(bboxToBounds(bbox(areas)), { ...coveredPadding(map), animate: false });
    },
    [areas, map],
  );
  return null;
}
