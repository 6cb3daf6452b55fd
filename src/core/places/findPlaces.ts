// finding a place by name for the resident's search box: neighbourhoods today; streets and landmarks from a basemap or
// a context layer plug in as more sources of the same Place shape.
import bbox from '@turf/bbox';
import type { Bbox } from '../bbox.ts';
import type { AreaCollection } from '../types.ts';

/** 'area' is a consultation neighbourhood; 'street' and 'place' are for sources that carry them (basemap, context layers) */
export type PlaceKind = 'area' | 'street' | 'place';

export interface Place {
  id: string;
  name: string;
  kind: PlaceKind;
  /** [west, south, east, north] to fit the map to */
  bbox: Bbox;
}

/**
 * One Place per neighbourhood, named as the boundaries name it.
 * @example
 * placesFromAreas(areas)[0] // => { id: 'mill-lane', name: 'Mill Lane', kind: 'area', bbox: [-1.2, 52.1, -1.19, 52.11] }
 */
export function placesFromAreas(areas: AreaCollection): Place[] {
  return areas.features.map((feature) => ({ id: feature.properties.id, name: feature.properties.name, kind: 'area', bbox: bbox(feature) as unknown as Bbox }));
}

/** lower case without accents, so "gwaun" finds "Gwaün" and "lodz" finds "Łódź" */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLocaleLowerCase('en')
    .trim();
}

/**
 * The places whose name matches the query, best first: a name starting with it, then a word starting with it, then
 * the query anywhere; ties keep the order of the sources. An empty query finds nothing.
 * @example
 * findPlaces([{ name: 'Mill Lane', … }, { name: 'Upper Mill', … }], 'mill').map((p) => p.name) // => ['Mill Lane', 'Upper Mill']
 */
export function findPlaces(places: readonly Place[], query: string, options: { limit?: number } = {}): Place[] {
  const wanted = foldForSearch(query);
  if (wanted === '') return [];
  const scored: { place: Place; rank: number; order: number }[] = [];
  places.forEach((place, order) => {
    const name = foldForSearch(place.name);
    const at = name.indexOf(wanted);
    if (at < 0) return;
    const rank = at === 0 ? 0 : /[\s\-'’(]/u.test(name[at - 1] ?? '') ? 1 : 2;
    scored.push({ place, rank, order });
  });
  scored.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return scored.slice(0, options.limit ?? 8).map((s) => s.place);
}
