// finds which neighbourhood a position falls in, fast enough to run for every new or imported pin.
import Flatbush from 'flatbush';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Polygon, Position } from 'geojson';
import type { AreaCollection, LngLat } from './types.ts';

interface Part {
  /** index of the area in input order, so the first containing area wins */
  area: number;
  polygon: Polygon;
}

/** the areas' polygons, in the order the box index holds them */
function partsOf(areas: AreaCollection): { ids: string[]; parts: Part[] } {
  const ids: string[] = [];
  const parts: Part[] = [];
  areas.features.forEach((feature, area) => {
    ids.push(String(feature.id ?? feature.properties.id));
    const geometry = feature.geometry;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const coordinates of polygons) {
      if (coordinates.length > 0 && coordinates[0]!.length > 0) parts.push({ area, polygon: { type: 'Polygon', coordinates } });
    }
  });
  return { ids, parts };
}

/**
 * The bounding-box index createAreaLocator builds, as one buffer (flatbush's own format): the part of the work that
 * reads every position, to be done elsewhere (a worker) and handed to createAreaLocator. null when no area has a ring.
 * @example
 * const boxes = areaLocatorBoxes(areas); // in a worker
 * const locate = createAreaLocator(areas, boxes); // where the pins are
 */
export function areaLocatorBoxes(areas: AreaCollection): ArrayBuffer | null {
  const { parts } = partsOf(areas);
  if (parts.length === 0) return null;
  const index = new Flatbush(parts.length);
  for (const part of parts) {
    const [minX, minY, maxX, maxY] = ringBox(part.polygon.coordinates[0]!);
    index.add(minX, minY, maxX, maxY);
  }
  index.finish();
  return index.data as ArrayBuffer;
}

/**
 * Builds a function that returns the id of the FIRST area (in input order) containing a position, or null.
 * A position on a boundary counts as inside, positions in holes do not. MultiPolygons are split into their
 * polygons, each indexed by its bounding box (flatbush) so only a few candidates get the exact test.
 * `boxes`: areaLocatorBoxes of these very areas, built elsewhere.
 * @example
 * const locate = createAreaLocator(areas);
 * locate([-2.2369, 53.4808]) // => 'E05011368' (the id of the ward containing that point)
 * locate([0, 0]) // => null
 */
export function createAreaLocator(areas: AreaCollection, boxes?: ArrayBuffer | null): (position: LngLat) => string | null {
  const { ids, parts } = partsOf(areas);
  if (parts.length === 0) return () => null;
  let index = boxes ? Flatbush.from(boxes) : null;
  // boxes of other areas would send positions to the wrong parts: built again here instead
  if (!index || index.numItems !== parts.length) index = Flatbush.from(areaLocatorBoxes(areas)!);

  return function locate(position: LngLat): string | null {
    const [lng, lat] = position;
    if (!Number.isFinite(lng) || !Number.isFinite(lat)) return null;
    let best = Infinity;
    for (const i of index.search(lng, lat, lng, lat)) {
      const part = parts[i]!;
      if (part.area < best && booleanPointInPolygon([lng, lat], part.polygon)) best = part.area;
    }
    return best === Infinity ? null : ids[best]!;
  };
}

function ringBox(ring: Position[]): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of ring) {
    if (x! < minX) minX = x!;
    if (y! < minY) minY = y!;
    if (x! > maxX) maxX = x!;
    if (y! > maxY) maxY = y!;
  }
  return [minX, minY, maxX, maxY];
}
