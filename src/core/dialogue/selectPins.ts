// the planner's bulk selections for answers: the pins of one area, or those inside a map view (zoomed to a cluster).
import type { PinFeature } from '../types.ts';

/**
 * The ids of the pins assigned to an area, in the order given.
 * @example
 * pinIdsInArea([{ id: 'a', properties: { area: 'west' } }, { id: 'b', properties: { area: 'east' } }], 'west') // => ['a']
 */
export function pinIdsInArea(pins: readonly { id: string; properties: Pick<PinFeature['properties'], 'area'> }[], areaId: string): string[] {
  return pins.filter((p) => p.properties.area === areaId).map((p) => p.id);
}

/**
 * The ids of the pins inside a [west, south, east, north] box (edges included), in the order given.
 * @example
 * pinIdsInBbox([{ id: 'a', geometry: { type: 'Point', coordinates: [1, 1] } }], [0, 0, 2, 2]) // => ['a']
 */
export function pinIdsInBbox(pins: readonly { id: string; geometry: { coordinates: readonly number[] } }[], bbox: readonly [number, number, number, number]): string[] {
  const [west, south, east, north] = bbox;
  return pins
    .filter((p) => {
      const [lng, lat] = p.geometry.coordinates;
      return lng !== undefined && lat !== undefined && lng >= west && lng <= east && lat >= south && lat <= north;
    })
    .map((p) => p.id);
}
