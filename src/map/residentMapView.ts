// the resident map's view and keys, shared by its frame at boot (BootMap) and the map that takes its place (ResidentMap),
// so the frame a resident first pans is the same map.
import { motionOptions, prefersReducedMotion } from './ReducedMotion.tsx';

/** MapContainer's options for the resident map: the world until the boundaries are in, arrow keys pan 60 px, quarter zooms */
export function residentMapView() {
  return {
    center: [0, 0] as [number, number],
    zoom: 2,
    zoomControl: false,
    attributionControl: false,
    keyboard: true,
    keyboardPanDelta: 60,
    zoomSnap: 0.25,
    ...motionOptions(prefersReducedMotion()),
  };
}
