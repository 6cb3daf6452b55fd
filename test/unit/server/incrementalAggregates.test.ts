// the server's planner engine kept in step by the event log: no rebuild per change, and a process that missed NOTIFYs catches up.
import { describe, expect, it } from 'vitest';
import { createPlannerEngine, type PlannerQuery } from '../../../src/core/plannerEngine.ts';
import type { BuiltAggregates } from '../../../src/server/builtAggregates.ts';
import { createPlannerAggregates } from '../../../src/server/plannerAggregates.ts';
import { openPostgresStorage, openSqliteStorage } from '../../../src/server/storage/openStorage.ts';
import type { ConsultationStorage } from '../../../src/server/storage/storage.ts';
import { postgresSuite } from '../../support/postgresSuite.ts';
import { defaultConsultationOf, seed } from '../../support/serverHarness.ts';
import { locateTestArea, testAreas, testPin } from '../../support/serverFixtures.ts';

const QUERY: PlannerQuery = { filter: {}, hexMetres: 500, area: null, topN: 5 };

/** what a fresh engine over the stored visible pins says (rows named by title, which is unique here) */
async function freshFigures(storage: ConsultationStorage) {
  const engine = createPlannerEngine();
  engine.load(await storage.getAreas(), { type: 'FeatureCollection', features: await storage.listPins() });
  return figuresOf({ engine, summary: engine.summary() });
}

function figuresOf({ engine, summary }: Pick<BuiltAggregates, 'engine' | 'summary'>) {
  const r = engine.query(QUERY);
  const named = (list: { row: number; title: string }[]) => list.map((p) => ({ ...p, row: p.title }));
  return { summary: { ...summary, loadMs: 0 }, result: { ...r, computeMs: 0, top: { asset: named(r.top.asset), priority: named(r.top.priority) } } };
}

/** a run of every kind of change: create, edit, move, support, hide, restore, delete */
async function changeEverything(store: ConsultationStorage, tag: string): Promise<void> {
  const made = [];
  for (let i = 0; i < 6; i++) {
    const created = await store.createPin(testPin({ id: `${tag}-${i}`, title: `${tag} ${i}`, kind: i % 2 ? 'asset' : 'priority', theme: i % 3 ? 'green' : 'safety', position: [-2.29 + i * 0.03, 53.45] }));
    expect(created.status).toBe('created');
    made.push(`${tag}-${i}`);
  }
  await store.updatePin(made[0]!, { theme: 'green', title: `${tag} 0 edited` }, new Date().toISOString());
  await store.updatePin(made[1]!, { position: [-2.15, 53.41], area: 'east' }, new Date().toISOString());
  await store.supportPin(made[2]!, 'someone', new Date().toISOString());
  const at = new Date().toISOString();
  await store.moderatePin(made[3]!, { hidden: true, reason: 'spam', actor: 'planner', at });
  await store.moderatePin(made[4]!, { hidden: true, reason: 'spam', actor: 'planner', at });
  await store.moderatePin(made[4]!, { hidden: false, reason: 'fine after all', actor: 'planner', at });
  expect(await store.deletePin(made[5]!)).toBe(true);
}

describe('the planner engine host on SQLite', () => {
  it('applies every change in place without a rebuild, with the figures of a fresh load', async () => {
    const database = await openSqliteStorage({ file: ':memory:', seed });
    const store = await defaultConsultationOf(database);
    const aggregates = createPlannerAggregates(store);
    try {
      await aggregates.current();
      expect(aggregates.builds()).toBe(1);
      await changeEverything(store, 'live');
      const now = await aggregates.current();
      expect(now.summary.pins).toBe(1 + 6 - 2);
      expect(figuresOf(now)).toEqual(await freshFigures(store));
      expect(aggregates.builds()).toBe(1);
      // new areas: the one case that loads every pin again
      expect((await store.replaceAreas(testAreas(), locateTestArea, 'planner')).ok).toBe(true);
      await aggregates.current();
      expect(aggregates.builds()).toBe(2);
    } finally {
      aggregates.stop();
      await database.close();
    }
  });
});

describe('the planner engine host on PostgreSQL, two processes', () => {
  const db = postgresSuite('t_live_engine');
  if (!db) return;

  it('catches up from the event log when it missed the NOTIFYs (its LISTEN connection dropped)', async () => {
    const schema = db.freshSchema();
    const writer = await openPostgresStorage({ connectionString: db.url, schema, seed });
    const reader = await openPostgresStorage({ connectionString: db.url, schema, seed });
    const writes = await defaultConsultationOf(writer);
    const reads = await defaultConsultationOf(reader);
    // the reading process hears nothing: every NOTIFY is lost, as while its LISTEN connection is down
    const deaf: ConsultationStorage = { ...reads, subscribe: () => () => undefined };
    let now = 0;
    const aggregates = createPlannerAggregates(deaf, { pollMs: 500, clock: () => now });
    try {
      const before = await aggregates.current();
      expect(before.summary.pins).toBe(1);
      await changeEverything(writes, 'elsewhere');
      // within pollMs it answers from what it has…
      expect((await aggregates.current()).summary.pins).toBe(1);
      // …and after it, reads the log it missed: the same figures as a fresh load, still without a rebuild
      now += 500;
      const caught = await aggregates.current();
      // the seeded pin and six new ones, one hidden and one deleted
      expect(caught.summary.pins).toBe(1 + 6 - 2);
      expect(figuresOf(caught)).toEqual(await freshFigures(reads));
      expect(aggregates.builds()).toBe(1);
    } finally {
      aggregates.stop();
      await writer.close();
      await reader.close();
    }
  });

  it('hears another process\'s changes by NOTIFY and applies them before anyone asks', async () => {
    const schema = db.freshSchema();
    const writer = await openPostgresStorage({ connectionString: db.url, schema, seed });
    const reader = await openPostgresStorage({ connectionString: db.url, schema, seed });
    const writes = await defaultConsultationOf(writer);
    const reads = await defaultConsultationOf(reader);
    // a clock that never moves: only the NOTIFYs can make it read the log
    const aggregates = createPlannerAggregates(reads, { pollMs: 60_000, clock: () => 0 });
    try {
      await aggregates.current();
      await changeEverything(writes, 'notified');
      const fresh = JSON.stringify(await freshFigures(reads));
      const deadline = Date.now() + 5000;
      while (JSON.stringify(figuresOf(await aggregates.current())) !== fresh && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(figuresOf(await aggregates.current())).toEqual(await freshFigures(reads));
      expect(aggregates.builds()).toBe(1);
    } finally {
      aggregates.stop();
      await writer.close();
      await reader.close();
    }
  });
});
