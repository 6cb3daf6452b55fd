// the resident's place search: neighbourhoods by name, best match first, accents ignored.
import { describe, expect, it } from 'vitest';
import { findPlaces, foldForSearch, placesFromAreas } from '../../../src/core/places/findPlaces.ts';
import type { Place } from '../../../src/core/places/findPlaces.ts';
import type { AreaCollection } from '../../../src/core/types.ts';

const place = (name: string): Place => ({ id: name, name, kind: 'area', bbox: [0, 0, 1, 1] });

describe('findPlaces', () => {
  const places = ['Upper Mill', 'Mill Lane', 'Weir Meadows', 'Łąki', 'Gwaün Isaf'].map(place);

  it('ranks a name starting with the query before a word starting with it', () => {
    expect(findPlaces(places, 'mill').map((p) => p.name)).toEqual(['Mill Lane', 'Upper Mill']);
  });

  it('ignores case and accents', () => {
    expect(foldForSearch(' Łąki ')).toBe('laki');
    expect(findPlaces(places, 'LAKI').map((p) => p.name)).toEqual(['Łąki']);
    expect(findPlaces(places, 'gwaun').map((p) => p.name)).toEqual(['Gwaün Isaf']);
  });

  it('finds nothing for an empty query or no match, and respects the limit', () => {
    expect(findPlaces(places, '  ')).toEqual([]);
    expect(findPlaces(places, 'zzz')).toEqual([]);
    expect(findPlaces(places, 'e', { limit: 2 })).toHaveLength(2);
  });

  it('makes one place per neighbourhood with its bounding box', () => {
    const areas: AreaCollection = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', id: 'a', properties: { id: 'a', name: 'Alpha' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 1], [0, 1], [0, 0]]] } }],
    };
    expect(placesFromAreas(areas)).toEqual([{ id: 'a', name: 'Alpha', kind: 'area', bbox: [0, 0, 2, 1] }]);
  });
});
