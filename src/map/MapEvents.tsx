// turns leaflet events into store actions, passing [lng, lat] and never leaflet objects.
import { useEffect } from 'react';
import { useMap, useMapEvents } from 'react-leaflet';
import { useAppStore } from '../store/useAppStore.ts';
import { fromLatLng } from './lngLat.ts';

export function MapEvents() {
  const map = useMap();
  const placing = useAppStore((s) => s.placing);
  const view = useAppStore((s) => s.view);
  const placementPicked = useAppStore((s) => s.placementPicked);

  useMapEvents({
    click(event) {
      if (placing) placementPicked(fromLatLng(event.latlng));
    },
  });

  useEffect(
    function resizeWhenShown() {
      // leaflet measures its container; after being hidden behind the list it has to measure again
      if (view === 'map') map.invalidateSize();
    },
    [view, map],
  );

  useEffect(
    function showPlacingCursor() {
      const container = map.getContainer();
      container.classList.toggle('map--placing', placing);
      return function clearPlacingCursor() {
        container.classList.remove('map--placing');
      };
    },
    [placing, map],
  );

  return null;
}
