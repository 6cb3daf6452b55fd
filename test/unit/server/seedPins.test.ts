// `npm run seed`: generated pins land inside their areas, through the bulk path, in a real database file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPinGenerator } from '../../../src/core/generatePins.ts';
import { openSqliteStorage } from '../../../src/server/storage/openStorage.ts';
import { defaultConsultationOf, seed } from '../../support/serverHarness.ts';
import { locateTestArea, testAreas } from '../../support/serverFixtures.ts';

const root = path.resolve(import.meta.dirname, '../../..');

describe('generated pins', () => {
  it('lie inside the area they name, with the given themes, and repeat for a seed', () => {
    const areas = testAreas();
    const make = () => createPinGenerator(areas, { themes: ['green', 'safety'], idOf: (i) => `g${i}`, seed: 7, from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 1, 1) });
    const next = make();
    const pins = Array.from({ length: 500 }, () => next());
    for (const pin of pins) {
      expect(locateTestArea(pin.geometry.coordinates as [number, number])).toBe(pin.properties.area);
      expect(['green', 'safety']).toContain(pin.properties.theme);
    }
    expect(new Set(pins.map((p) => p.properties.area))).toEqual(new Set(['west', 'east']));
    const again = make();
    expect(again()).toEqual(pins[0]);
  });

  it('are stored by the bulk path, many at once, with no event logged', async () => {
    const database = await openSqliteStorage({ file: ':memory:', seed });
    const store = await defaultConsultationOf(database);
    const next = createPinGenerator(await store.getAreas(), { themes: ['green'], idOf: (i) => `bulk-${i}`, seed: 3 });
    const latest = await store.latestEventId();
    await store.bulkInsertPins(Array.from({ length: 1200 }, () => {
      const pin = next();
      return { ...pin, properties: { ...pin.properties, hidden: false } };
    }));
    expect(await store.countPins()).toBe(1 + 1200);
    expect(await store.latestEventId()).toBe(latest);
    await database.close();
  });
});

describe('npm run seed', () => {
  it('fills a new SQLite database and says how many pins it holds', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'coplan-seed-'));
    try {
      const run = (args: string[]) =>
        execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/server/seed.ts'), ...args], { env: { ...process.env, DATABASE_URL: '', DATA_DIR: dir }, encoding: 'utf8' });
      const out = run(['--pins', '2500', '--batch', '1000', '--seed', '5']);
      expect(out).toMatch(/2500 \/ 2500 pins/);
      const first = Number(/now has (\d+) pins/.exec(out)?.[1]);
      expect(run(['--pins', '500']).match(/now has (\d+) pins/)?.[1]).toBe(String(first + 500));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
