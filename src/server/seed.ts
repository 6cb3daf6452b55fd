// command line: `npm run seed -- --pins <N> [--consultation <slug>]` fills the configured database (DATABASE_URL, else
// SQLite under DATA_DIR) with N generated pins over a consultation's areas, through the bulk insert path.
// WARNING: it lives in src/server, not src/cli: it writes through the server's storage, and src/cli may import only core.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createPinGenerator } from '../core/generatePins.ts';
import { loadSeed } from './loadSeed.ts';
import { openStorage } from './storage/openStorage.ts';
import type { ServerPin } from './storage/storage.ts';

const HELP = `Usage: npm run seed -- --pins <N> [--consultation <slug>] [--seed <n>] [--batch <rows>]

Adds N generated pins to a consultation (default: the oldest one, which the unscoped routes serve), each inside one
of its areas, with one of its themes, spread over the last four weeks. Uses DATABASE_URL (and DATABASE_SCHEMA) when
set, else the SQLite file under DATA_DIR (default .data); a new database gets the demo consultations first.
Pins go in with many rows per statement and one transaction per batch (default 20 000), without events: start (or
restart) the server afterwards so its planner engine loads them.`;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function wholeNumber(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number of at least 1, got "${value}"`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { pins: { type: 'string' }, consultation: { type: 'string' }, seed: { type: 'string' }, batch: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help || values.pins === undefined) {
    console.log(HELP);
    process.exitCode = values.help ? 0 : 1;
    return;
  }
  const total = wholeNumber(values.pins, 'pins', 0);
  const batch = wholeNumber(values.batch, 'batch', 20_000);
  const storage = await openStorage({
    databaseUrl: process.env.DATABASE_URL,
    databaseSchema: process.env.DATABASE_SCHEMA,
    dataDir: path.resolve(process.env.DATA_DIR ?? path.join(repoRoot, '.data')),
    seed: () => loadSeed(path.join(repoRoot, 'data'), { demo: true }),
  });
  try {
    const consultation = values.consultation ? await storage.getConsultation(values.consultation) : (await storage.listConsultations())[0] ?? null;
    if (!consultation) throw new Error(values.consultation ? `there is no consultation "${values.consultation}"` : 'the database has no consultation yet');
    const store = storage.consultation(consultation.id);
    const [areas, themes] = await Promise.all([store.getAreas(), store.getThemes()]);
    const next = createPinGenerator(areas, { themes: themes.map((t) => t.id), idOf: () => randomUUID(), seed: wholeNumber(values.seed, 'seed', Date.now() % 1e9), sessions: [] });
    const started = performance.now();
    for (let done = 0; done < total; ) {
      const rows: ServerPin[] = [];
      for (let i = 0; i < batch && done + i < total; i++) {
        const pin = next();
        rows.push({ ...pin, properties: { ...pin.properties, author: 'seed', hidden: false } });
      }
      await store.bulkInsertPins(rows);
      done += rows.length;
      const seconds = (performance.now() - started) / 1000;
      process.stdout.write(`\r${done} / ${total} pins in ${seconds.toFixed(1)} s (${Math.round(done / seconds)}/s)`);
    }
    console.log(`\nconsultation "${consultation.slug}" (${storage.kind}) now has ${await store.countPins()} pins`);
  } finally {
    await storage.close();
  }
}

main().catch((error: unknown) => {
  console.error(`seed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
