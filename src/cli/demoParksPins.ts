// the pins of the demo's closed consultation "Millbrook parks and play 2025", placed in the demo town from a seed.
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { bbox } from '@turf/bbox';
import type { Position } from 'geojson';
import { mulberry32 } from '../core/mulberry32.ts';
import type { AreaCollection, PinCollection, PinFeature, PinKind, PinProperties, Sentiment } from '../core/types.ts';

/** The seed the committed data/demo-pins-parks-2025.geojson was made with. */
export const PARKS_2025_SEED = 20250501;

// [theme, kind, sentiment or '', title, note or '']: what residents said about parks and play in summer 2025
type Template = [theme: string, kind: PinKind, sentiment: Sentiment | '', title: string, note: string];
const TEMPLATES: readonly Template[] = [
  ['play-youth', 'priority', 'negative', 'Swings broken since spring', 'Two of the three swings are tied up with tape.'],
  ['play-youth', 'asset', 'positive', 'Splash pad is a hit', 'Packed every warm afternoon; please keep it.'],
  ['green-space', 'asset', 'positive', 'Meadow left to grow', 'The long grass is full of butterflies in July.'],
  ['green-space', 'priority', 'negative', 'Bins overflow at weekends', ''],
  ['play-youth', 'priority', 'neutral', 'Nothing here for teenagers', 'A shelter or a basketball hoop would help.'],
  ['green-space', 'priority', 'negative', 'Path floods after rain', 'Muddy for days; buggies cannot get through.'],
  ['community-spaces', 'asset', 'positive', 'Bandstand concerts', 'Sunday brass band draws a crowd.'],
  ['safety', 'priority', 'negative', 'No lights on the park path', 'Feels unsafe walking home in autumn.'],
  ['green-space', 'asset', 'positive', 'Old oak by the gate', ''],
  ['play-youth', 'priority', 'neutral', 'Toddler area needs shade', 'No trees near the sandpit.'],
  ['environment', 'priority', 'negative', 'Dog mess on the playing field', ''],
  ['green-space', 'asset', 'neutral', 'Allotments with a waiting list', 'Could some of the rough ground become plots?'],
  ['play-youth', 'asset', 'positive', 'Skate ramp well used', 'Needs resurfacing but the kids love it.'],
  ['community-spaces', 'priority', 'neutral', 'Toilets locked most days', ''],
  ['green-space', 'priority', 'negative', 'Benches missing', 'Nowhere to sit between the gate and the pond.'],
  ['environment', 'asset', 'positive', 'Pond full of frogspawn', 'Lovely for school visits.'],
  ['play-youth', 'priority', 'negative', 'Zip wire closed', 'Closed all summer with no sign saying why.'],
  ['transport-streets', 'priority', 'neutral', 'No safe crossing to the park', 'Children cross the main road between parked cars.'],
  ['green-space', 'asset', 'positive', 'Volunteers keep the rose beds', ''],
  ['play-youth', 'priority', 'neutral', 'Fence round the play area', 'Dogs run in among the small children.'],
];

/**
 * Twenty pins over the demo areas, made between May and July 2025; the same seed gives the same pins.
 * @example
 * generateParksPins(generateDemoTown().areas).features.length // => 20
 */
export function generateParksPins(areas: AreaCollection, seed: number = PARKS_2025_SEED): PinCollection {
  const random = mulberry32(seed);
  const [minX, minY, maxX, maxY] = bbox(areas);
  const start = Date.UTC(2025, 4, 1, 7, 0, 0);
  const features: PinFeature[] = [];
  for (let tries = 0; features.length < TEMPLATES.length && tries < 100000; tries++) {
    const position: Position = [Math.round((minX + random() * (maxX - minX)) * 1e6) / 1e6, Math.round((minY + random() * (maxY - minY)) * 1e6) / 1e6];
    const area = areas.features.find((f) => booleanPointInPolygon(position, f, { ignoreBoundary: true }));
    if (!area) continue;
    const [theme, kind, sentiment, title, note] = TEMPLATES[features.length]!;
    // made during waking hours over the consultation's 13 weeks (May to July)
    const created = start + Math.floor(random() * 90) * 86_400_000 + Math.floor(random() * 14 * 60) * 60_000;
    const properties: PinProperties = { id: '', kind, theme, title, ...(note ? { note } : {}), ...(sentiment ? { sentiment } : {}), area: area.properties.id, createdAt: new Date(created).toISOString(), updatedAt: new Date(created).toISOString() };
    features.push({ type: 'Feature', id: '', properties, geometry: { type: 'Point', coordinates: position } });
  }
  // numbered in the order they were made, as a resident would see them listed
  features.sort((a, b) => a.properties.createdAt.localeCompare(b.properties.createdAt) || a.properties.title.localeCompare(b.properties.title));
  return {
    type: 'FeatureCollection',
    features: features.map((f, i) => {
      const id = `parks-2025-pin-${String(i + 1).padStart(2, '0')}`;
      return { type: 'Feature', id, properties: { ...f.properties, id }, geometry: f.geometry };
    }),
  };
}
