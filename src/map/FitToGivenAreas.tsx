// fits a small map (the ballot's, the results') to the areas it is given, once they arrive: unlike FitToAreas it
// reads no store, so a page that loads its own areas can use it.
import bbox from '@turf/bbox';
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import type { AreaCollection } from '../core/types.ts';
import { bboxToBounds } from './lngLat.ts';

export function FitToGivenAreas({ areas }: { areas: AreaCollection }) {
  const map = useMap();
  useEffect(
    function fitToAreas() {
      if (areas.features.length) map.fitBounds(bboxToBounds(bbox(areas)), { animate: false, padding: [8, 8] });
    },
    [areas, map],
  );
  return null;
}
