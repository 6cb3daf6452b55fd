// a busy consultation for an e2e server: the demo town plus generated pins, written into its SQLite file before it starts.
import path from 'node:path';
import { createAreaLocator } from '../../../src/core/createAreaLocator.ts';
import { mulberry32 } from '../../../src/core/mulberry32.ts';
import { PIN_KINDS, SENTIMENTS } from '../../../src/core/types.ts';
import type { AreaCollection } from '../../../src/core/types.ts';
import { loadSeed } from '../../../src/server/loadSeed.ts';
import { openSqliteStorage } from '../../../src/server/storage/openStorage.ts';
import type { NewConsultation, ServerPin } from '../../../src/server/storage/storage.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

/** the file src/server/main.ts opens under DATA_DIR (see openStorage in src/server/storage/openStorage.ts) */
export const SQLITE_FILE = 'coplan.sqlite';

/** generated pins are created over these 60 days, the weeks the demo pins were made in, so the two mix in list order */
const FIRST_CREATED = Date.UTC(2026, 3, 1);
const CREATED_SPAN_MS = 60 * 24 * 60 * 60 * 1000;

function areasBox(areas: AreaCollection): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { geometry } of areas.features) {
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const [lng, lat] of polygons.flat(2)) {
      box[0] = Math.min(box[0], lng!);
      box[1] = Math.min(box[1], lat!);
      box[2] = Math.max(box[2], lng!);
      box[3] = Math.max(box[3], lat!);
    }
  }
  return box;
}

/**
 * `count` pins at seeded random positions inside the areas (each with the area the server would give it), kinds and
 * themes mixed, ids `seeded-000001`…, created at random times over 60 days; the same pins on every run.
 * @example
 * generatePins(loadSeed('data').consultations[0]!, 8000).length // => 8000
 */
export function generatePins(seed: Pick<NewConsultation, 'areas' | 'themes'>, count: number, randomSeed = 8000): ServerPin[] {
  const random = mulberry32(randomSeed);
  const locate = createAreaLocator(seed.areas);
  const [west, south, east, north] = areasBox(seed.areas);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const pins: ServerPin[] = [];
  // points are drawn in the areas' bounding box and kept when inside an area; give up on areas that cover almost nothing
  for (let tries = 0; pins.length < count; tries++) {
    if (tries > 100 * count) throw new Error(`only ${pins.length} of ${count} random points fell inside the areas`);
    const position: [number, number] = [west + random() * (east - west), south + random() * (north - south)];
    const area = locate(position);
    if (area === null) continue;
    const id = `seeded-${String(pins.length + 1).padStart(6, '0')}`;
    const createdAt = new Date(FIRST_CREATED + Math.floor(random() * CREATED_SPAN_MS)).toISOString();
    const sentiment = random() < 0.7 ? pick(SENTIMENTS) : undefined;
    pins.push({
      type: 'Feature',
      id,
      geometry: { type: 'Point', coordinates: position },
      properties: {
        id,
        kind: pick(PIN_KINDS),
        theme: pick(seed.themes).id,
        title: `Generated pin ${pins.length + 1}`,
        ...(sentiment ? { sentiment } : {}),
        area,
        createdAt,
        updatedAt: createdAt,
        supports: Math.floor(random() * 4),
        hidden: false,
      },
    });
  }
  return pins;
}

/**
 * Creates the server's database in `dataDir` with the demo consultations (what the server would seed itself), the
 * first (the default, which the resident map shows) with `count` generated pins besides its own, all in the storage's
 * one seeding transaction; the server then finds it seeded and adds nothing.
 * @example
 * await writeSeededDatabase('test/output/e2e-data/t1', 8000); // then start the server with DATA_DIR=test/output/e2e-data/t1
 */
export async function writeSeededDatabase(dataDir: string, count: number): Promise<void> {
  const demo = loadSeed(path.join(repoRoot, 'data'));
  const storage = await openSqliteStorage({
    file: path.join(dataDir, SQLITE_FILE),
    seed: () => ({
      consultations: demo.consultations.map((c, i) => (i === 0 ? { ...c, pins: [...c.pins, ...generatePins(c, count)] } : c)),
    }),
  });
  await storage.close();
}
