// placed after content that arrives late in a pin's popup (a lazy chunk): once it is on screen, the popup lays itself
// out again and pans the map so all of it shows, as it does for content there from the start.
import { useLeafletContext } from '@react-leaflet/core';
import type { Marker } from 'leaflet';
import { useEffect } from 'react';

export function PopupFitsContent() {
  const context = useLeafletContext();
  useEffect(
    function fitPopupToContent() {
      // inside a marker's <Popup>, the overlay container is the marker
      const marker = context.overlayContainer as Marker | undefined;
      const popup = marker?.getPopup?.();
      if (popup?.isOpen()) popup.update();
    },
    [context],
  );
  return null;
}
