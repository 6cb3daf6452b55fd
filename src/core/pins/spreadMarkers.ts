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
 * Offsets in pixels for markers closer than `spacing` to another: each group of overlapping markers is laid out on a
 * sunflower spiral around its centre, `spacing` apart, and groups whose spirals meet are merged and laid out again. Markers that overlap nothing
 * get no entry. Pure and deterministic: the same points give the same offsets.
 * @example
 * spreadMarkers([{ id: 'a', x: 0, y: 0 }, { id: 'b', x: 2, y: 0 }], { spacing: 44 }) // => Map { 'a' => {…}, 'b' => {…} }, ≥ 44 px apart
 */
export function spreadMarkers(points: readonly ScreenPoint[], options: { spacing: number }): Map<string, Offset> {
  const { spacing } = options;
  // groups are the connected parts of "closer than spacing"; a spread group that lands on a neighbour merges with it and
  // the merged group is spread again, a few rounds at most
  const parent = points.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const join = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  let placed = points.map((p) => ({ x: p.x, y: p.y }));
  let offsets = new Map<string, Offset>();
  for (let round = 0; round < 4; round++) {
    let merged = false;
    forEachClosePair(placed, spacing, (i, j) => {
      if (find(i) !== find(j)) merged = true;
      join(i, j);
    });
    if (!merged && round > 0) break;
    const groups = new Map<number, number[]>();
    points.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]));
    offsets = new Map();
    placed = points.map((p) => ({ x: p.x, y: p.y }));
    for (const members of groups.values()) {
      if (members.length < 2) continue;
      const centreX = members.reduce((sum, i) => sum + points[i]!.x, 0) / members.length;
      const centreY = members.reduce((sum, i) => sum + points[i]!.y, 0) / members.length;
      // radius grows with the square root of the index, so each marker gets about spacing² of room; 0.7 keeps every
      // pair at least 1.08 spacings apart for groups of up to 200 (checked in the unit test)
      members.forEach((i, index) => {
        const radius = 0.7 * spacing * Math.sqrt(index + 0.5);
        const angle = index * GOLDEN_ANGLE;
        const x = centreX + radius * Math.cos(angle);
        const y = centreY + radius * Math.sin(angle);
        placed[i] = { x, y };
        offsets.set(points[i]!.id, { dx: x - points[i]!.x, dy: y - points[i]!.y });
      });
    }
  }
  return offsets;
}

/** calls back for every pair of points closer than `distance`, through a grid of distance-sized cells */
function forEachClosePair(points: readonly { x: number; y: number }[], distance: number, pair: (i: number, j: number) => void): void {
  const cells = new Map<string, number[]>();
  points.forEach((p, i) => {
    const cx = Math.floor(p.x / distance);
    const cy = Math.floor(p.y / distance);
    for (let a = -1; a <= 1; a++) {
      for (let b = -1; b <= 1; b++) {
        for (const j of cells.get(`${cx + a},${cy + b}`) ?? []) {
          if (Math.hypot(points[j]!.x - p.x, points[j]!.y - p.y) < distance) pair(j, i);
        }
      }
    }
    const key = `${cx},${cy}`;
    cells.set(key, [...(cells.get(key) ?? []), i]);
  });
}
