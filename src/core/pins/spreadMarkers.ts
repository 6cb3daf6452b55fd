// moves markers that would sit on top of each other at the map's zoom apart, so each one can be tapped on its own.

export interface ScreenPoint {
  id: string;
  /** projected pixel position at the zoom in question (leaflet's map.project) */
  x: number;
  y: number;
}

export interface Offset {
  dx: number;
  dy: number;
}

// the golden angle: successive points of a sunflower spiral never line up, so the ring fills evenly
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Offsets in pixels for markers closer than `spacing` to another: each group of overlapping markers (grown greedily,
 * in input order) is laid out on a sunflower spiral around its centre, `spacing` apart. Markers that overlap nothing
 * get no entry. Pure and deterministic: the same points give the same offsets.
 * @example
 * spreadMarkers([{ id: 'a', x: 0, y: 0 }, { id: 'b', x: 2, y: 0 }], { spacing: 44 }) // => Map { 'a' => {…}, 'b' => {…} }, ≥ 44 px apart
 */
export function spreadMarkers(points: readonly ScreenPoint[], options: { spacing: number }): Map<string, Offset> {
  const { spacing } = options;
  const groupOf = new Map<string, number>();
  const groups: ScreenPoint[][] = [];
  // a grid of spacing-sized cells: only the 3×3 cells around a point can hold a point closer than spacing
  const cells = new Map<string, ScreenPoint[]>();
  const cellKey = (cx: number, cy: number) => `${cx},${cy}`;
  for (const point of points) {
    const cx = Math.floor(point.x / spacing);
    const cy = Math.floor(point.y / spacing);
    let joined: number | undefined;
    for (let i = -1; i <= 1 && joined === undefined; i++) {
      for (let j = -1; j <= 1 && joined === undefined; j++) {
        for (const other of cells.get(cellKey(cx + i, cy + j)) ?? []) {
          if (Math.hypot(other.x - point.x, other.y - point.y) < spacing) {
            joined = groupOf.get(other.id);
            break;
          }
        }
      }
    }
    if (joined === undefined) {
      joined = groups.length;
      groups.push([]);
    }
    groups[joined]!.push(point);
    groupOf.set(point.id, joined);
    const key = cellKey(cx, cy);
    cells.set(key, [...(cells.get(key) ?? []), point]);
  }
  const offsets = new Map<string, Offset>();
  for (const group of groups) {
    if (group.length < 2) continue;
    const centreX = group.reduce((sum, p) => sum + p.x, 0) / group.length;
    const centreY = group.reduce((sum, p) => sum + p.y, 0) / group.length;
    // radius grows with the square root of the index, so each marker gets about spacing² of room; 0.7 keeps every
    // pair at least 1.08 spacings apart for groups of up to 200 (checked in the unit test)
    group.forEach((point, index) => {
      const radius = 0.7 * spacing * Math.sqrt(index + 0.5);
      const angle = index * GOLDEN_ANGLE;
      offsets.set(point.id, { dx: centreX + radius * Math.cos(angle) - point.x, dy: centreY + radius * Math.sin(angle) - point.y });
    });
  }
  return offsets;
}
