// the planner engine changed one pin at a time against a fresh load of the same pins: every figure, random change sequences.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PinFilter } from '../../src/core/countPins.ts';
import { mulberry32 } from '../../src/core/mulberry32.ts';
import { createPlannerEngine, type PlannerEngine, type PlannerQuery } from '../../src/core/plannerEngine.ts';

const root = path.resolve(import.meta.dirname, '../..');
const demoAreas = JSON.parse(readFileSync(path.join(root, 'data/demo-areas.geojson'), 'utf8'));
// a little wider than the areas, so some pins fall outside every area and hex
const BOX = [-0.25, 53.24, -0.09, 53.32] as const;
const THEMES = ['green-space', 'safety', 'housing', 'play-youth', 'rare-a', 'rare-b'];
const SESSIONS = [undefined, undefined, 'hall-1', 'library-2', 'rare-session'];

interface Pin {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: Record<string, unknown>;
}

function makePin(random: () => number, n: number): Pin {
  // rare themes and sessions come and go, so the engine must drop them from the lists as a fresh load would
  const theme = random() < 0.03 ? THEMES[4 + Math.floor(random() * 2)]! : THEMES[Math.floor(random() * 4)]!;
  const session = SESSIONS[Math.floor(random() * SESSIONS.length)];
  return {
    type: 'Feature',
    id: `pin-${String(Math.floor(random() * 1e6)).padStart(6, '0')}-${n}`,
    geometry: { type: 'Point', coordinates: [BOX[0] + (BOX[2] - BOX[0]) * random(), BOX[1] + (BOX[3] - BOX[1]) * random()] },
    properties: {
      kind: random() < 0.5 ? 'priority' : 'asset',
      theme,
      title: `pin ${n}`,
      // whole days, so many pins share a createdAt and order falls to the id, as in storage
      createdAt: new Date(Date.UTC(2026, 0, 5) + Math.floor(random() * 50) * 86_400_000).toISOString(),
      // few distinct counts, so top pins are decided by ties
      supports: Math.floor(random() * 4),
      ...(session ? { sessionId: session } : {}),
    },
  };
}

/** the pins in the order the server reads them: createdAt, then id */
const storageOrder = (pins: Iterable<Pin>) =>
  [...pins].sort((a, b) => {
    const ta = a.properties.createdAt as string;
    const tb = b.properties.createdAt as string;
    return ta < tb ? -1 : ta > tb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });

const QUERIES: PlannerQuery[] = [
  { filter: {}, hexMetres: 500, area: null, topN: 5 },
  { filter: { kind: 'priority', themes: ['safety', 'rare-a'] }, hexMetres: 250, area: 2, topN: 3 },
  { filter: { sessions: ['', 'rare-session'], from: Date.UTC(2026, 0, 20), to: Date.UTC(2026, 1, 10) }, hexMetres: 1000, area: null, topN: 8 },
];
const CLUSTER_VIEWS: [PinFilter, number][] = [[{}, 12], [{ kind: 'asset' }, 14], [{ themes: ['housing'] }, 17]];

/** every figure, with rows named by pin id (rows are internal), so two engines holding the same pins compare equal */
function figures(engine: PlannerEngine) {
  const summary = { ...engine.summary(), loadMs: 0 };
  // titles are unique per pin here ("pin <n>"), which names rows without reaching inside the engine
  const results = QUERIES.map((q) => {
    const r = engine.query(q);
    // the areas alone (the public summary's count) are the query's areas, whatever changed
    expect(engine.areaCounts(q.filter)).toEqual(r.areas);
    // no top pins asked for, none given (and no pass over the rows for them)
    expect(engine.query({ ...q, topN: 0 }).top).toEqual({ asset: [], priority: [] });
    return { ...r, computeMs: 0, top: { asset: r.top.asset.map((p) => ({ ...p, row: p.title })), priority: r.top.priority.map((p) => ({ ...p, row: p.title })) } };
  });
  const clusters = CLUSTER_VIEWS.map(([filter, zoom]) =>
    engine.clusters(filter, [-180, -85, 180, 85], zoom).map((m) => ({ ...m, row: m.row < 0 ? null : m.title }))
      .sort((a, b) => a.lng - b.lng || a.lat - b.lat || a.count - b.count),
  );
  return { summary, results, clusters };
}

function runSequence(seed: number, startPins: number, steps: number, checkEvery: number) {
  const random = mulberry32(seed);
  let n = 0;
  const visible = new Map<string, Pin>();
  const hidden = new Map<string, Pin>();
  for (let i = 0; i < startPins; i++) {
    const pin = makePin(random, n++);
    visible.set(pin.id, pin);
  }
  const engine = createPlannerEngine();
  engine.load(demoAreas, { type: 'FeatureCollection', features: storageOrder(visible.values()) });
  const pick = (map: Map<string, Pin>) => [...map.values()][Math.floor(random() * map.size)];
  let checks = 0;
  for (let step = 1; step <= steps; step++) {
    const op = random();
    const some = pick(visible);
    if (op < 0.35 || !some) {
      const pin = makePin(random, n++);
      visible.set(pin.id, pin);
      engine.putPin(pin);
    } else if (op < 0.5) {
      // edited: kind, theme, supports or title
      const next = { ...some, properties: { ...some.properties, kind: random() < 0.5 ? 'asset' : 'priority', theme: THEMES[Math.floor(random() * THEMES.length)], supports: Math.floor(random() * 4) } };
      visible.set(some.id, next);
      engine.putPin(next);
    } else if (op < 0.62) {
      const next = { ...some, geometry: { type: 'Point' as const, coordinates: [BOX[0] + (BOX[2] - BOX[0]) * random(), BOX[1] + (BOX[3] - BOX[1]) * random()] as [number, number] } };
      visible.set(some.id, next);
      engine.putPin(next);
    } else if (op < 0.74) {
      visible.delete(some.id);
      hidden.set(some.id, some);
      expect(engine.removePin(some.id)).toBe(true);
    } else if (op < 0.84) {
      const back = pick(hidden);
      if (back) {
        hidden.delete(back.id);
        visible.set(back.id, back);
        engine.putPin(back);
      }
    } else {
      visible.delete(some.id);
      expect(engine.removePin(some.id)).toBe(true);
      // a second delete of the same pin (an event heard twice) changes nothing
      expect(engine.removePin(some.id)).toBe(false);
    }
    if (step % checkEvery === 0 || step === steps) {
      const fresh = createPlannerEngine();
      fresh.load(demoAreas, { type: 'FeatureCollection', features: storageOrder(visible.values()) });
      expect(figures(engine), `seed ${seed}, step ${step}`).toEqual(figures(fresh));
      checks++;
    }
  }
  return { checks, pins: visible.size };
}

describe('the planner engine changed pin by pin', () => {
  it.each([1, 2, 3, 4, 5, 6])('shows every figure a fresh load of the same pins shows (seed %i)', (seed) => {
    const { checks } = runSequence(seed, 300, 400, 40);
    expect(checks).toBe(10);
  });

  it('empties to nothing and fills again from an empty load', () => {
    const { checks, pins } = runSequence(11, 0, 150, 10);
    expect(checks).toBe(15);
    expect(pins).toBeGreaterThan(0);
  });

  it('drops a theme, a session and the time range ends when their last pin goes, as a fresh load does', () => {
    const engine = createPlannerEngine();
    const random = mulberry32(3);
    const a = { ...makePin(random, 0), properties: { kind: 'asset', theme: 'only-one', sessionId: 'hall-9', createdAt: '2026-01-01T00:00:00.000Z', title: 'a' } };
    const b = { ...makePin(random, 1), properties: { kind: 'priority', theme: 'safety', createdAt: '2026-02-01T00:00:00.000Z', title: 'b' } };
    engine.load(demoAreas, { type: 'FeatureCollection', features: [a, b] });
    expect(engine.summary().themes).toEqual(['only-one', 'safety']);
    engine.removePin(a.id);
    const summary = engine.summary();
    expect(summary.themes).toEqual(['safety']);
    expect(summary.sessions).toEqual([{ id: '', pins: 1 }]);
    expect(summary.timeRange).toEqual([Date.parse(b.properties.createdAt), Date.parse(b.properties.createdAt)]);
    expect(engine.query(QUERIES[0]!).areas.themes).toEqual(['safety']);
  });

  it('refuses a pin a load would refuse, and one without an id, changing nothing', () => {
    const engine = createPlannerEngine();
    engine.load(demoAreas, { type: 'FeatureCollection', features: [] });
    const random = mulberry32(5);
    const pin = makePin(random, 0);
    expect(() => engine.putPin({ ...pin, properties: { ...pin.properties, kind: 'wish' } })).toThrow(/kind must be "asset" or "priority"/);
    expect(() => engine.putPin({ ...pin, id: undefined })).toThrow(/needs an id/);
    expect(engine.summary().pins).toBe(0);
  });
});
