// the demo a new database starts with: data/demo-consultations.json and the files it names.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { votingState } from '../../../src/core/budget/ballotRules.ts';
import { loadSeed } from '../../../src/server/loadSeed.ts';
import { openSqliteStorage } from '../../../src/server/storage/openStorage.ts';

const dataDir = path.resolve(import.meta.dirname, '../../../data');

describe('loadSeed', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'coplan-seed-'));
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('gives the open Millbrook plan first (the default) and the closed 2025 consultation, each with its own pins in its dates', () => {
    const { consultations } = loadSeed(dataDir);
    expect(consultations.map((c) => [c.slug, c.status, c.title])).toEqual([
      ['neighbourhood-plan', 'open', 'Millbrook neighbourhood plan'],
      ['parks-and-play-2025', 'closed', 'Millbrook parks and play 2025'],
    ]);
    const [plan, parks] = consultations;
    expect(plan!.pins).toHaveLength(40);
    expect(parks!.pins.length).toBeGreaterThanOrEqual(15);
    expect(parks!.pins.length).toBeLessThanOrEqual(25);
    expect(parks!.areas).toEqual(plan!.areas);
    for (const pin of parks!.pins) {
      expect(pin.properties.createdAt >= parks!.opensAt! && pin.properties.createdAt <= parks!.closesAt!, pin.id).toBe(true);
      expect(pin.properties).toMatchObject({ supports: 0, hidden: false });
    }
    const ids = consultations.flatMap((c) => c.pins.map((p) => p.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('seeds nothing in production, where an admin creates the consultations', () => {
    expect(loadSeed(dataDir, { demo: false })).toEqual({ consultations: [] });
  });

  it('names the entry and field of a broken demo-consultations.json', () => {
    const dir = path.join(scratch, 'broken');
    fs.mkdirSync(dir);
    const list = JSON.parse(fs.readFileSync(path.join(dataDir, 'demo-consultations.json'), 'utf8')) as Record<string, unknown>[];
    fs.writeFileSync(path.join(dir, 'demo-consultations.json'), JSON.stringify([list[0], { ...list[1], status: 'finished' }]));
    expect(() => loadSeed(dir)).toThrow(/\[1\]\.status must be one of draft, open, closed, archived/);
    fs.writeFileSync(path.join(dir, 'demo-consultations.json'), JSON.stringify([{ ...list[0], slug: 'Not A Slug' }]));
    expect(() => loadSeed(dir)).toThrow(/\[0\]\.slug/);
    fs.writeFileSync(path.join(dir, 'demo-consultations.json'), JSON.stringify([list[0]]));
    expect(() => loadSeed(dir)).toThrow(/demo-areas\.geojson is missing/);
  });

  it('makes a new database hold both consultations, the open one as the oldest, seeded once', async () => {
    const file = path.join(scratch, 'coplan.sqlite');
    let calls = 0;
    const seed = () => {
      calls += 1;
      return loadSeed(dataDir);
    };
    const storage = await openSqliteStorage({ file, seed });
    const list = await storage.listConsultations();
    expect(list.map((c) => [c.slug, c.status, c.pins])).toEqual([['neighbourhood-plan', 'open', 40], ['parks-and-play-2025', 'closed', 20]]);
    expect(list[1]).toMatchObject({ opensAt: '2025-05-01T00:00:00.000Z', closesAt: '2025-07-31T23:00:00.000Z' });
    await storage.close();
    const again = await openSqliteStorage({ file, seed });
    expect((await again.listConsultations()).map((c) => c.id)).toEqual(list.map((c) => c.id));
    expect(calls).toBe(1);
    await again.close();
  });

  it('gives the open plan a budget of at least eight projects, open for voting now and for months, linked to its own pins', async () => {
    const [plan, parks] = loadSeed(dataDir).consultations;
    const budget = plan!.budget!;
    expect(budget.projects.length).toBeGreaterThanOrEqual(8);
    expect(votingState(budget.settings, 'open', Date.now())).toBe('open');
    expect(votingState(budget.settings, 'open', Date.now() + 90 * 24 * 60 * 60 * 1000)).toBe('open');
    const pinIds = new Set(plan!.pins.map((p) => p.id));
    for (const project of budget.projects) for (const id of project.pinIds) expect(pinIds.has(id), id).toBe(true);
    expect(parks!.budget).toBeUndefined();
    const storage = await openSqliteStorage({ file: ':memory:', seed: () => loadSeed(dataDir) });
    const [open] = await storage.listConsultations();
    expect((await storage.consultation(open!.id).budget().listProjects()).map((p) => p.id)).toEqual(budget.projects.map((p) => p.id));
    await storage.close();
  });
});
