// moves the map to the place the resident searched for or to their location, then tells the store it is there.
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import { useAppStore } from '../store/useAppStore.ts';
import { coveredPadding } from './coveredPadding.ts';
import { bboxToBounds, toLatLng } from './lngLat.ts';

export function MapTargetFollower() {
  const map = useMap();
  const target = useAppStore((s) => s.mapTarget);
  const mapTargetReached = useAppStore((s) => s.mapTargetReached);
  useEffect(
    function goToTarget() {
      if (!target) return;
      map.invalidateSize();
      if ('bbox' in target) {
        map.fitBounds(bboxToBounds(target.bbox), { ...coveredPadding(map, 24), maxZoom: 17, animate: false });
      } else map.setView(toLatLng(target.point), Math.max(map.getZoom(), 16), { animate: false });
      mapTargetReached();
    },
    [target, map, mapTargetReached],
  );
  return null;
}
