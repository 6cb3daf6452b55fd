// turns leaflet's view changes into planner store actions ([lng, lat] bbox and zoom, never leaflet objects).
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import { usePlannerStore } from '../../store/usePlannerStore.ts';

export function PlannerMapEvents() {
  const map = useMap();
  const viewChanged = usePlannerStore((s) => s.viewChanged);
  useEffect(
    function followView() {
      const send = () => {
        const b = map.getBounds();
        viewChanged({ bbox: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], zoom: map.getZoom() });
      };
      map.on('moveend', send);
      map.whenReady(send);
      return function stopFollowingView() {
        map.off('moveend', send);
      };
    },
    [map, viewChanged],
  );
  return null;
}
