// generated pins spread over a consultation's areas, for benchmarks and for trying the app at scale (npm run seed).
import type { FeatureCollection } from 'geojson';
import { areasBbox } from './aggregateAreas.ts';
import { areaOfPoint, buildAreaIndex } from './areaIndex.ts';
import { mulberry32 } from './mulberry32.ts';
import type { AreaCollection, PinFeature } from './types.ts';

export interface PinGeneratorOptions {
  /** theme ids to draw from (at least one) */
  themes: readonly string[];
  /** the id of pin i (the server passes fresh UUIDs, as a device would) */
  idOf: (i: number) => string;
  seed?: number;
  /** createdAt is spread evenly over [from, to) (epoch ms) */
  from?: number;
  to?: number;
  /** a share of the pins comes from these workshop sessions (default none) */
  sessions?: readonly string[];
}

const TITLES = ['Bench by the pond', 'Dangerous crossing', 'Needs a bus shelter', 'Lovely old oak', 'More play space', 'Fly-tipping here', 'Local shop worth keeping', 'Potholes'];

/**
 * Makes pins one at a time (so a million need not be held at once), each at a random point inside one of the areas,
 * with that area's id, a theme, a kind, a few supports and a createdAt; seeded, so runs repeat.
 * Throws RangeError when the areas cover nothing (no pin could be placed).
 * @example
 * const next = createPinGenerator(areas, { themes: ['green'], idOf: (i) => `p${i}` });
 * next().properties.area // => 'E05011368' (the area the point fell in)
 */
export function createPinGenerator(areas: AreaCollection, options: PinGeneratorOptions): () => PinFeature {
  if (options.themes.length === 0) throw new RangeError('pins need at least one theme to be made');
  const collection = areas as unknown as FeatureCollection;
  const index = buildAreaIndex(collection);
  const [w, s, e, n] = areasBbox(collection);
  if (!(w < e && s < n)) throw new RangeError('the areas cover nothing, so no pin can be placed in them');
  const random = mulberry32(options.seed ?? 1);
  const to = options.to ?? Date.now();
  const from = options.from ?? to - 28 * 86_400_000;
  const sessions = options.sessions ?? [];
  let i = 0;
  return function next() {
    let x = 0;
    let y = 0;
    let area = -1;
    for (let tries = 0; area < 0; tries++) {
      if (tries === 10_000) throw new RangeError('no point in 10 000 tries fell inside an area');
      x = w + (e - w) * random();
      y = s + (n - s) * random();
      area = areaOfPoint(index, x, y);
    }
    const createdAt = new Date(Math.floor(from + (to - from) * random())).toISOString();
    const session = sessions.length && random() < 0.2 ? sessions[Math.floor(random() * sessions.length)] : undefined;
    const id = options.idOf(i);
    const pin: PinFeature = {
      type: 'Feature',
      id,
      geometry: { type: 'Point', coordinates: [x, y] },
      properties: {
        id,
        kind: random() < 0.45 ? 'priority' : 'asset',
        theme: options.themes[Math.floor(random() * options.themes.length)]!,
        title: TITLES[Math.floor(random() * TITLES.length)]!,
        area: areas.features[area]!.properties.id,
        createdAt,
        updatedAt: createdAt,
        supports: random() < 0.7 ? 0 : Math.floor(random() * 30),
        ...(session ? { sessionId: session } : {}),
      },
    };
    i++;
    return pin;
  };
}
