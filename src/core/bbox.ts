// lng/lat boxes [west, south, east, north]: grow, contain, hold a point.

export type Bbox = readonly [number, number, number, number];

/**
 * A bbox grown by `share` of its width and height on every side, kept within the world.
 * @example
 * padBbox([0, 0, 2, 2], 0.5) // => [-1, -1, 3, 3]
 */
export function padBbox(b: Bbox, share: number): Bbox {
  const dx = (b[2] - b[0]) * share;
  const dy = (b[3] - b[1]) * share;
  return [Math.max(-180, b[0] - dx), Math.max(-90, b[1] - dy), Math.min(180, b[2] + dx), Math.min(90, b[3] + dy)];
}

/** whether `inner` lies wholly inside `outer` (edges included) */
export function bboxContains(outer: Bbox, inner: Bbox): boolean {
  return outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];
}

/** whether a [lng, lat] position lies in the box (edges included) */
export function bboxHas(b: Bbox, [lng, lat]: readonly number[]): boolean {
  return lng! >= b[0] && lat! >= b[1] && lng! <= b[2] && lat! <= b[3];
}
