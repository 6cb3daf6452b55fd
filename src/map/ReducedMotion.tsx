// honours prefers-reduced-motion on the map: pans, popups and zooms jump instead of gliding.
import type { LatLngExpression, PanOptions, PointExpression, ZoomPanOptions } from 'leaflet';
import { Map as LeafletMap } from 'leaflet';
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';

/** True when the resident asked their system for less motion; read once when a map is created. */
export function prefersReducedMotion(): boolean {
  return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

/** Leaflet map options that turn its css animations off when motion should be reduced. */
export function motionOptions(reduced: boolean) {
  return { zoomAnimation: !reduced, fadeAnimation: !reduced, markerZoomAnimation: !reduced, inertia: !reduced };
}

export function ReducedMotion() {
  const map = useMap();
  useEffect(
    function stillMap() {
      if (!prefersReducedMotion()) return;
      // WARNING: leaflet has no option for its javascript pan and fly animations (keyboard panning, popup auto-pan,
      // setView, flyTo), so this map instance's methods are wrapped to ask for animate: false every time.
      const proto = LeafletMap.prototype;
      map.panBy = function panByWithoutMotion(offset: PointExpression, options?: PanOptions) {
        return proto.panBy.call(this, offset, { ...options, animate: false });
      };
      map.flyTo = function flyToWithoutMotion(latlng: LatLngExpression, zoom?: number, options?: ZoomPanOptions) {
        return proto.setView.call(this, latlng, zoom, { ...options, animate: false });
      };
      return function restoreMotion() {
        map.panBy = proto.panBy;
        map.flyTo = proto.flyTo;
      };
    },
    [map],
  );
  return null;
}
