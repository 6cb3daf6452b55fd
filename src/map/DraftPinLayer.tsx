// shows where the pin being added or moved will go.
import { divIcon } from 'leaflet';
import { Marker } from 'react-leaflet';
import { useAppStore } from '../store/useAppStore.ts';
import { toLatLng } from './lngLat.ts';

// static markup only: a dashed target ring
const draftIcon = divIcon({
  html: '<svg viewBox="0 0 48 48" width="44" height="44" aria-hidden="true" focusable="false"><circle cx="24" cy="24" r="18" fill="rgba(255,255,255,0.6)" stroke="#111" stroke-width="3" stroke-dasharray="6 4"/><circle cx="24" cy="24" r="4" fill="#111"/></svg>',
  className: 'draft-marker',
  iconSize: [44, 44],
  iconAnchor: [22, 22],
});

export function DraftPinLayer() {
  const position = useAppStore((s) => s.draftPosition);
  const editing = useAppStore((s) => s.editor !== null);
  if (!position || !editing) return null;
  return <Marker position={toLatLng(position)} icon={draftIcon} keyboard={false} interactive={false} />;
}
