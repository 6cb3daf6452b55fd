// the one draft pin of the pin being added or moved: placed by a tap, then dragged to adjust (keyboard users have the crosshair).
import { divIcon } from 'leaflet';
import type { DragEndEvent } from 'leaflet';
import { useMemo } from 'react';
import { Marker } from 'react-leaflet';
import { useAppStore } from '../store/useAppStore.ts';
import { fromLatLng, toLatLng } from './lngLat.ts';

// static markup only: a dashed target ring with a pin head, large enough to grab with a thumb
const draftIcon = divIcon({
  html: '<svg viewBox="0 0 48 48" width="48" height="48" aria-hidden="true" focusable="false"><circle cx="24" cy="24" r="20" fill="rgba(255,255,255,0.7)" stroke="#111" stroke-width="3" stroke-dasharray="6 4"/><circle cx="24" cy="24" r="7" fill="#1d3b5a" stroke="#fff" stroke-width="2"/></svg>',
  className: 'draft-marker',
  iconSize: [48, 48],
  iconAnchor: [24, 24],
});

export function DraftPinLayer() {
  const position = useAppStore((s) => s.draftPosition);
  const editing = useAppStore((s) => s.editor !== null);
  const placementPicked = useAppStore((s) => s.placementPicked);
  const eventHandlers = useMemo(
    () => ({
      dragend(event: DragEndEvent) {
        placementPicked(fromLatLng(event.target.getLatLng()));
      },
    }),
    [placementPicked],
  );
  const lng = position?.[0];
  const lat = position?.[1];

  const latLng = useMemo(() => (lng === undefined || lat === undefined ? null : toLatLng([lng, lat])), [lng, lat]);
  if (!latLng || !editing) return null;
  return <Marker position={latLng} icon={draftIcon} keyboard={false} draggable autoPan eventHandlers={eventHandlers} zIndexOffset={1000} />;
}
