// pins on the table map: large, not clickable (fingers there are dragging stickers or panning), named for screen readers;
// this group's pins in full colour, earlier groups' dimmed, other sessions' and residents' small and grey.
import type { Marker as LeafletMarker } from 'leaflet';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Marker } from 'react-leaflet';
import type { TablePinLook } from '../../core/tableGroups.ts';
import type { PinFeature, Theme } from '../../core/types.ts';
import { toLatLng } from '../lngLat.ts';
import { pinMarkerIcon } from '../pinMarkerIcon.ts';
import { usePinMarkerLabel } from '../usePinMarkerLabel.ts';

const LOOKS: readonly TablePinLook[] = ['current', 'earlier', 'other'];

function TablePinMarker({ pin, theme, look }: { pin: PinFeature; theme: Theme | undefined; look: TablePinLook }) {
  const { t } = useTranslation();
  const markerRef = useRef<LeafletMarker | null>(null);
  const name = usePinMarkerLabel(pin, theme);
  const label = look === 'current' ? name : t(`table.pinLook.${look}`, { name });
  const icon = pinMarkerIcon(pin.properties.kind, theme?.colour ?? '', theme?.icon ?? '');
  const [lng, lat] = pin.geometry.coordinates;
  useEffect(
    function nameMarker() {
      const element = markerRef.current?.getElement();
      element?.setAttribute('role', 'img');
      element?.setAttribute('aria-label', label);
      element?.setAttribute('data-pin-id', pin.id);
      element?.setAttribute('data-theme', pin.properties.theme);
      element?.setAttribute('data-look', look);
      for (const other of LOOKS) element?.classList.toggle(`table-pin--${other}`, other === look);
    },
    [label, icon, look, pin.id, pin.properties.theme],
  );
  // this group's pins above the rest
  const zIndexOffset = look === 'current' ? 1000 : look === 'earlier' ? 500 : 0;
  return <Marker ref={markerRef} position={toLatLng([lng!, lat!])} icon={icon} keyboard={false} interactive={false} zIndexOffset={zIndexOffset} />;
}

export function TablePinLayer({ pins, looks, themes }: { pins: readonly PinFeature[]; looks: ReadonlyMap<string, TablePinLook>; themes: readonly Theme[] }) {
  const byId = new Map(themes.map((t) => [t.id, t]));
  return (
    <>
      {pins.map((pin) => (
        <TablePinMarker key={pin.id} pin={pin} theme={byId.get(pin.properties.theme)} look={looks.get(pin.id) ?? 'current'} />
      ))}
    </>
  );
}
