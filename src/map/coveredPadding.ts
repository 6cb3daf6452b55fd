// how much of the map the page's own sheets and overlays cover (elements marked data-map-cover), as fit padding:
// on a phone the bottom sheet hides the lower part of the map, and a fitted view should land in the part still showing.
import type { Map as LeafletMap, PointTuple } from 'leaflet';

export interface CoveredPadding {
  paddingTopLeft: PointTuple;
  paddingBottomRight: PointTuple;
}

export function coveredPadding(map: LeafletMap, base = 16): CoveredPadding {
  const frame = map.getContainer().getBoundingClientRect();
  let top = 0;
  let bottom = 0;
  const middle = frame.top + frame.height / 2;
  for (const element of Array.from(document.querySelectorAll('[data-map-cover]'))) {
    const box = element.getBoundingClientRect();
    if (box.height === 0 || box.right <= frame.left || box.left >= frame.right || box.bottom <= frame.top || box.top >= frame.bottom) continue;
    // only covers spanning most of the map's width push the view: a small box in a corner does not
    if (box.width < frame.width * 0.6) continue;
    if (box.top > middle - frame.height * 0.25) bottom = Math.max(bottom, frame.bottom - box.top);
    else top = Math.max(top, box.bottom - frame.top);
  }
  // never more than 60% of the map: a map squeezed into a sliver helps nobody
  const limit = frame.height * 0.6;
  return { paddingTopLeft: [base, base + Math.min(top, limit / 2)], paddingBottomRight: [base, base + Math.min(bottom, limit)] };
}

/** the centre of the part of the map no sheet or overlay covers, in container pixels */
export function visibleCentre(map: LeafletMap): { x: number; y: number } {
  const size = map.getSize();
  const { paddingTopLeft, paddingBottomRight } = coveredPadding(map, 0);
  return { x: size.x / 2, y: (paddingTopLeft[1] + size.y - paddingBottomRight[1]) / 2 };
}
