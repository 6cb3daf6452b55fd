// seeded server data for `npm run bench:planner`: bench areas, the real themes, pins as residents make them, in a fresh store.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createAreaLocator } from '../../src/core/createAreaLocator.ts';
import { mulberry32 } from '../../src/core/mulberry32.ts';
import type { AreaCollection, Sentiment, Theme } from '../../src/core/types.ts';
import { loadSeed } from '../../src/server/loadSeed.ts';
import { openStorage } from '../../src/server/storage/openStorage.ts';
import type { ConsultationStorage, SeedData, ServerPin, Storage } from '../../src/server/storage/storage.ts';
import { BENCH_THEMES, generateBenchAreas, generateBenchPins } from './generateBenchData.ts';
import { REPO } from './serverProcess.ts';

const WORDS = ['bus', 'stop', 'path', 'crossing', 'park', 'bench', 'lights', 'trees', 'shop', 'library', 'pavement', 'bins', 'play', 'area', 'cycle', 'lane', 'parking', 'quiet', 'busy', 'safe', 'dark', 'lovely', 'broken', 'new', 'more', 'needs', 'fixing', 'at', 'night', 'school'];
const SESSIONS = ['library-march', 'school-hall', 'market-stall', 'youth-club', 'community-centre', 'church-hall'];
const SENTIMENTS: Sentiment[] = ['positive', 'neutral', 'negative'];

function words(rnd: () => number, min: number, max: number): string {
  const n = min + Math.floor(rnd() * (max - min + 1));
  const out = Array.from({ length: n }, () => WORDS[Math.floor(rnd() * WORDS.length)]!).join(' ');
  return out[0]!.toUpperCase() + out.slice(1);
}

const hex = (rnd: () => number, n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 16).toString(16)).join('');

/**
 * `count` stored pins inside 120 bench areas, shaped like the demo data: 70% with a note, 90% with a sentiment,
 * 8% from workshop sessions, a few supports each, one of 2,000 authors; ids are uuid-shaped like the server's.
 * @example
 * benchServerSeed(1000).pins.length // => 1000, the same pins on every run
 */
export interface BenchData {
  areas: AreaCollection;
  themes: Theme[];
  pins: ServerPin[];
}

export function benchServerSeed(count: number, seed = 7): BenchData {
  // every bench area carries { id, name }
  const areas = generateBenchAreas(120, 42) as AreaCollection;
  const themes = loadSeed(path.join(REPO, 'data')).consultations[0]!.themes;
  const locate = createAreaLocator(areas);
  const rnd = mulberry32(seed ^ 0x5eed);
  const authors = Array.from({ length: 2000 }, () => hex(rnd, 64));
  // 25% spare: the server refuses pins outside every area, so those are dropped here
  const pins: ServerPin[] = [];
  for (const f of generateBenchPins(Math.ceil(count * 1.25) + 100, seed).features) {
    if (pins.length === count) break;
    const [lng, lat] = f.geometry.coordinates as [number, number];
    const area = locate([lng, lat]);
    if (area === null) continue;
    const id = `${hex(rnd, 8)}-${hex(rnd, 4)}-4${hex(rnd, 3)}-a${hex(rnd, 3)}-${hex(rnd, 12)}`;
    const props = f.properties as { kind: 'asset' | 'priority'; theme: string; createdAt: string };
    const properties: ServerPin['properties'] = {
      id,
      kind: props.kind,
      theme: themes[BENCH_THEMES.indexOf(props.theme) % themes.length]!.id,
      title: words(rnd, 2, 6),
      area,
      createdAt: props.createdAt,
      updatedAt: props.createdAt,
      author: authors[Math.floor(rnd() * authors.length)]!,
      supports: Math.floor(-Math.log(1 - rnd()) * 1.5),
      hidden: false,
    };
    if (rnd() < 0.7) properties.note = words(rnd, 3, 20);
    if (rnd() < 0.9) properties.sentiment = SENTIMENTS[Math.floor(rnd() * 3)]!;
    if (rnd() < 0.08) properties.sessionId = SESSIONS[Math.floor(rnd() * SESSIONS.length)]!;
    pins.push({ type: 'Feature', id, geometry: { type: 'Point', coordinates: [lng, lat] }, properties });
  }
  if (pins.length < count) throw new Error(`only ${pins.length} of ${count} bench pins fell inside the areas`);
  return { areas, themes, pins };
}

/** the bench data as the one consultation of a new database */
const asSeed = (data: BenchData): SeedData => ({
  consultations: [{ slug: 'bench', title: 'Bench town', summary: '', status: 'open', opensAt: null, closesAt: null, settings: {}, ...data }],
});

async function onlyConsultation(database: Storage): Promise<ConsultationStorage> {
  const [first] = await database.listConsultations();
  return database.consultation(first!.id);
}

export interface BenchStore {
  /** the bench consultation, open in this process, holding every seeded pin */
  storage: ConsultationStorage;
  /** environment for startServerProcess to open the same store */
  env: Record<string, string>;
  /** closes the storage (if still open) and deletes the file or schema */
  drop(): Promise<void>;
}

/**
 * A new SQLite file or a new PostgreSQL schema holding `data` (through the storage's own seed: one transaction,
 * many rows per INSERT).
 * @example
 * const store = await openBenchStore('sqlite', benchServerSeed(1000)); await store.storage.countPins() // => 1000
 */
export async function openBenchStore(kind: 'sqlite' | 'postgres', data: BenchData): Promise<BenchStore> {
  if (kind === 'sqlite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coplan-bench-planner-'));
    const database = await openStorage({ dataDir, seed: () => asSeed(data) });
    let open = true;
    return {
      storage: await onlyConsultation(database),
      // DATABASE_URL is cleared, or the server would inherit it and quietly use PostgreSQL
      env: { DATA_DIR: dataDir, DATABASE_URL: '' },
      async drop() {
        if (open) await database.close();
        open = false;
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const databaseUrl = process.env.DATABASE_URL!;
  const schema = `bench_planner_${process.pid}_${Date.now().toString(36)}`;
  const database = await openStorage({ databaseUrl, databaseSchema: schema, dataDir: '', seed: () => asSeed(data) });
  let open = true;
  const drop = async () => {
    if (open) await database.close();
    open = false;
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  };
  return { storage: await onlyConsultation(database), env: { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema }, drop };
}
