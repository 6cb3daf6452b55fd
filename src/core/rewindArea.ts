// puts a boundary's rings in RFC 7946 order: exteriors counter-clockwise, holes clockwise.
import type { Position } from 'geojson';
import type { AreaGeometry } from './types.ts';

/**
 * Returns a copy of the geometry with each ring wound as RFC 7946 asks, and whether any ring had to be reversed.
 * Planar (lng/lat) winding is what RFC 7946 and @turf/rewind use; rings are never split or moved.
 * @example
 * rewindArea({ type: 'Polygon', coordinates: [[[0, 0], [0, 1], [1, 1], [0, 0]]] })
 * // => { geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 1], [0, 1], [0, 0]]] }, changed: true }
 */
export function rewindArea(geometry: AreaGeometry): { geometry: AreaGeometry; changed: boolean } {
  let changed = false;
  const polygon = (rings: Position[][]) =>
    rings.map((ring, r) => {
      const counterClockwise = signedArea(ring) > 0;
      // the exterior (ring 0) must be counter-clockwise, every hole clockwise
      if (counterClockwise === (r === 0)) return ring.map((p) => [...p]);
      changed = true;
      return ring.map((p) => [...p]).reverse();
    });
  const rewound: AreaGeometry =
    geometry.type === 'Polygon'
      ? { type: 'Polygon', coordinates: polygon(geometry.coordinates) }
      : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(polygon) };
  return { geometry: rewound, changed };
}

/** twice the signed planar area of a closed ring: positive when it runs counter-clockwise */
export function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[i + 1]!;
    sum += (x2! - x1!) * (y2! + y1!);
  }
  return -sum;
}
