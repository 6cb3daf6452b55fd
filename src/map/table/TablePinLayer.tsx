// pins on the table map: large, not clickable (fingers there are dragging stickers or panning), named for screen readers.
import type { Marker as LeafletMarker } from 'leaflet';
import { useEffect, useRef } from 'react';
import { Marker } from 'react-leaflet';
import type { PinFeature, Theme } from '../../core/types.ts';
import { toLatLng } from '../lngLat.ts';
import { pinMarkerIcon } from '../pinMarkerIcon.ts';
import { usePinMarkerLabel } from '../usePinMarkerLabel.ts';

function TablePinMarker({ pin, theme }: { pin: PinFeature; theme: Theme | undefined }) {
  const markerRef = useRef<LeafletMarker | null>(null);
  const label = usePinMarkerLabel(pin, theme);
  const icon = pinMarkerIcon(pin.properties.kind, theme?.colour ?? '', theme?.icon ?? '');
  const [lng, lat] = pin.geometry.coordinates;
  useEffect(
    function nameMarker() {
      const element = markerRef.current?.getElement();
      element?.setAttribute('role', 'img');
      element?.setAttribute('aria-label', label);
      element?.setAttribute('data-pin-id', pin.id);
      element?.setAttribute('data-theme', pin.properties.theme);
    },
    [label, icon, pin.id, pin.properties.theme],
  );
  return <Marker ref={markerRef} position={toLatLng([lng!, lat!])} icon={icon} keyboard={false} interactive={false} />;
}

export function TablePinLayer({ pins, themes }: { pins: readonly PinFeature[]; themes: readonly Theme[] }) {
  const byId = new Map(themes.map((t) => [t.id, t]));
  return (
    <>
      {pins.map((pin) => (
        <TablePinMarker key={pin.id} pin={pin} theme={byId.get(pin.properties.theme)} />
      ))}
    </>
  );
}
