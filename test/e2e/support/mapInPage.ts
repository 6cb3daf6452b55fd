// runs inside the page (passed to locator.evaluate), so each function stands alone: hit tests and rest checks on the leaflet map.

export interface ScreenPoint {
  x: number;
  y: number;
}

/** Runs in the page: searches outward from (x, y) for spots where a click lands on the map container itself. */
export function findFreePoints(container: Element, args: { x: number; y: number; maxRadius: number }): ScreenPoint[] {
  const frame = container.getBoundingClientRect();
  const markers = Array.from(container.querySelectorAll('.leaflet-marker-icon')).map((m) => m.getBoundingClientRect());
  const found: ScreenPoint[] = [];
  for (let radius = 0; radius <= args.maxRadius; radius += 4) {
    const steps = radius === 0 ? 1 : 16;
    for (let step = 0; step < steps; step++) {
      const angle = (step / steps) * 2 * Math.PI;
      const x = Math.round(args.x + radius * Math.cos(angle));
      const y = Math.round(args.y + radius * Math.sin(angle));
      if (x < frame.left + 4 || x > frame.right - 4 || y < frame.top + 4 || y > frame.bottom - 4) continue;
      const hit = document.elementFromPoint(x, y);
      if (!hit || !container.contains(hit) || hit.closest('.leaflet-marker-icon, .leaflet-popup, .leaflet-control')) continue;
      // keep clear of markers by more than chromium's touch adjustment reaches (see findFreePointsInArea)
      if (markers.some((b) => x > b.left - 16 && x < b.right + 16 && y > b.top - 16 && y < b.bottom + 16)) continue;
      found.push({ x, y });
    }
  }
  return found;
}

/**
 * Runs in the page: free spots inside the boundary path that contains (x, y), at least 4 px from its edge. Spots far
 * from everything tappable come first, then those nearest the label.
 */
export function findFreePointsInArea(container: Element, label: ScreenPoint): ScreenPoint[] {
  const frame = container.getBoundingClientRect();
  // WARNING: chromium's touch adjustment moves a tap onto anything tappable whose box is within about 11 px of it (a
  // marker's box is 44 px square however round its icon looks), so keep 16 px clear of every marker, control, popup
  // and the crosshair panel, measured to their boxes, and of the map's edge (the page's own buttons lie beyond it)
  // the page's sheets and overlays over the map (data-map-cover: the phone's bottom sheet, the search box and key) too
  const tappable = [
    ...Array.from((container.parentElement ?? container).querySelectorAll('.leaflet-marker-icon, .leaflet-control, .leaflet-popup, .crosshair-panel'), (el) => el.getBoundingClientRect()),
    ...Array.from(document.querySelectorAll('[data-map-cover]'), (el) => el.getBoundingClientRect()).filter((b) => b.height > 0),
  ];
  const clearanceAt = (x: number, y: number): number =>
    Math.min(32, ...tappable.map((b) => Math.hypot(Math.max(b.left - x, 0, x - b.right), Math.max(b.top - y, 0, y - b.bottom))));
  const paths = Array.from(container.querySelectorAll<SVGPathElement>('.leaflet-overlay-pane path'));
  const inside = (path: SVGPathElement, x: number, y: number): boolean => {
    const matrix = path.getScreenCTM();
    if (!matrix) return false;
    return path.isPointInFill(new DOMPoint(x, y).matrixTransform(matrix.inverse()));
  };
  const area = paths.find((path) => inside(path, label.x, label.y));
  if (!area) return [];
  const box = area.getBoundingClientRect();
  const found: (ScreenPoint & { clearance: number; distance: number })[] = [];
  for (let y = Math.max(box.top, frame.top + 16); y <= Math.min(box.bottom, frame.bottom - 16); y += 3) {
    for (let x = Math.max(box.left, frame.left + 16); x <= Math.min(box.right, frame.right - 16); x += 3) {
      if (![[0, 0], [4, 0], [-4, 0], [0, 4], [0, -4]].every(([dx, dy]) => inside(area, x + dx!, y + dy!))) continue;
      const hit = document.elementFromPoint(x, y);
      if (!hit || !container.contains(hit) || hit.closest('.leaflet-marker-icon, .leaflet-popup, .leaflet-control')) continue;
      const clearance = clearanceAt(x, y);
      if (clearance < 16) continue;
      found.push({ x: Math.round(x), y: Math.round(y), clearance: Math.floor(clearance / 4), distance: Math.hypot(x - label.x, y - label.y) });
    }
  }
  return found.sort((a, b) => b.clearance - a.clearance || a.distance - b.distance).map(({ x, y }) => ({ x, y }));
}

/** Runs in the page: where leaflet has moved its map pane, which carries everything drawn on the map. */
export function mapPanePosition(container: Element): ScreenPoint {
  const pane = container.querySelector('.leaflet-map-pane');
  if (!pane) throw new Error('the map has no leaflet map pane');
  const matrix = new DOMMatrixReadOnly(getComputedStyle(pane).transform);
  return { x: matrix.m41, y: matrix.m42 };
}

/**
 * Runs in the page: resolves once the map pane carries neither of leaflet's animation classes (it takes them off in
 * the same task that fires moveend) and no zoom-animated layer nor the crosshair panel has moved for two frames.
 */
export function mapAtRest(container: Element, timeout: number): Promise<void> {
  const frame = container.parentElement ?? container;
  const pane = container.querySelector('.leaflet-map-pane');
  const look = (): string | null => {
    if (!pane || pane.matches('.leaflet-pan-anim, .leaflet-zoom-anim')) return null;
    const rects = Array.from(frame.querySelectorAll('.leaflet-zoom-animated, .crosshair-panel'), (el) => {
      const r = el.getBoundingClientRect();
      return [r.left, r.top, r.width, r.height].join(',');
    });
    return `${getComputedStyle(pane).transform};${rects.join(';')}`;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the map was still moving after ${timeout} ms`)), timeout);
    let last: string | null = null;
    let stillFrames = 0;
    const onFrame = () => {
      const now = look();
      stillFrames = now !== null && now === last ? stillFrames + 1 : 0;
      last = now;
      if (stillFrames >= 2) {
        clearTimeout(timer);
        resolve();
      } else requestAnimationFrame(onFrame);
    };
    requestAnimationFrame(onFrame);
  });
}
