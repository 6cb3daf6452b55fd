// the planner's bulk selections for answers: by area, and by map view (edges included, inputs left alone).
import { describe, expect, it } from 'vitest';
import { pinIdsInArea, pinIdsInBbox } from '../../src/core/dialogue/selectPins.ts';

const pin = (id: string, area: string, lng: number, lat: number) => ({ id, properties: { area }, geometry: { type: 'Point' as const, coordinates: [lng, lat] } });
const pins = [pin('a', 'west', -2.3, 53.4), pin('b', 'east', -2.1, 53.5), pin('c', 'west', -2.2, 53.45), pin('d', '', 0, 0)];

describe('selectPins', () => {
  it('selects the pins of one area in order, none for an unknown one', () => {
    expect(pinIdsInArea(pins, 'west')).toEqual(['a', 'c']);
    expect(pinIdsInArea(pins, 'north')).toEqual([]);
  });
  it('selects the pins inside a box, its edges included', () => {
    expect(pinIdsInBbox(pins, [-2.3, 53.4, -2.2, 53.45])).toEqual(['a', 'c']);
    expect(pinIdsInBbox(pins, [-2.25, 53.3, -2.0, 53.6])).toEqual(['b', 'c']);
    expect(pinIdsInBbox(pins, [10, 10, 11, 11])).toEqual([]);
    expect(pins.map((p) => p.id)).toEqual(['a', 'b', 'c', 'd']);
  });
});
