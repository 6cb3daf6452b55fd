// the planner store over the core engine in-process: loads, filters, shared selection, stale answers dropped.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPlannerEngine, type PlannerResult } from '../../src/core/plannerEngine.ts';
import type { AreaCollection, PinFeature } from '../../src/core/types.ts';
import { localPinsInput, type PlannerEngineClient } from '../../src/persistence/plannerEngine/plannerEngineClient.ts';
import { createPlannerStore, effectiveFilter } from '../../src/store/plannerStore.ts';

const root = path.resolve(import.meta.dirname, '../..');
const areas = JSON.parse(readFileSync(path.join(root, 'data/demo-areas.geojson'), 'utf8')) as AreaCollection;
const pins = JSON.parse(readFileSync(path.join(root, 'data/demo-pins.geojson'), 'utf8')).features as PinFeature[];

function inProcessEngine(delays: number[] = []): PlannerEngineClient & { queries: number } {
  const engine = createPlannerEngine();
  const client = {
    queries: 0,
    load: async (a: unknown, source: Parameters<PlannerEngineClient['load']>[1]) => engine.load(a, await localPinsInput(source)),
    query: async (q: Parameters<PlannerEngineClient['query']>[0]): Promise<PlannerResult> => {
      const delay = delays[client.queries++] ?? 0;
      const result = engine.query(q);
      await new Promise((r) => setTimeout(r, delay));
      return result;
    },
    clusters: async (f: Parameters<PlannerEngineClient['clusters']>[0], b: [number, number, number, number], z: number) => engine.clusters(f, b, z),
    dispose: () => {},
  };
  return client;
}

const settle = () => new Promise((r) => setTimeout(r, 30));

describe('planner store', () => {
  it('loads the map pins and counts them per area', async () => {
    const store = createPlannerStore(inProcessEngine());
    await store.getState().appPinsLoaded(areas, pins);
    const s = store.getState();
    expect(s.status).toBe('ready');
    expect(s.summary?.pins).toBe(pins.length);
    expect(s.areaKm2).toHaveLength(areas.features.length);
    expect(Array.from(s.result!.areas.total).reduce((a, b) => a + b, 0)).toBe(pins.length);
  });

  it('recounts on a filter change and narrows to a selected theme', async () => {
    const store = createPlannerStore(inProcessEngine());
    await store.getState().appPinsLoaded(areas, pins);
    store.getState().filterChanged({ kind: 'priority' });
    await settle();
    const priorities = pins.filter((p) => p.properties.kind === 'priority').length;
    expect(store.getState().result!.areas.asset.every((n) => n === 0)).toBe(true);
    expect(Array.from(store.getState().result!.areas.total).reduce((a, b) => a + b, 0)).toBe(priorities);
    store.getState().themeSelected('safety');
    expect(effectiveFilter(store.getState())).toEqual({ kind: 'priority', themes: ['safety'] });
    store.getState().themeSelected('safety');
    expect(store.getState().selectedTheme).toBeNull();
  });

  it('turns dates into whole UTC days, "to" included, and refuses a reversed range', async () => {
    const store = createPlannerStore(inProcessEngine());
    await store.getState().appPinsLoaded(areas, pins);
    store.getState().filterChanged({ from: '2026-04-01', to: '2026-04-30' });
    expect(effectiveFilter(store.getState())).toEqual({ from: Date.UTC(2026, 3, 1), to: Date.UTC(2026, 4, 1) });
    store.getState().filterChanged({ from: '2026-05-01' });
    expect(store.getState().filterProblem).toMatch(/start date is after the end date/);
  });

  it('keeps the newest answer when an older one arrives late', async () => {
    const engine = inProcessEngine([0, 80, 0]);
    const store = createPlannerStore(engine);
    await store.getState().appPinsLoaded(areas, pins);
    store.getState().filterChanged({ kind: 'asset' }); // slow answer
    store.getState().filterChanged({ kind: 'priority' }); // fast answer
    await new Promise((r) => setTimeout(r, 150));
    expect(store.getState().result!.areas.asset.every((n) => n === 0)).toBe(true);
    expect(store.getState().pending).toBe(false);
  });

  it('reports a bad pins file with its problems and keeps no result', async () => {
    const store = createPlannerStore(inProcessEngine());
    await store.getState().appPinsLoaded(areas, pins);
    await store.getState().fileOpened(new Blob(['{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[1]},"properties":{}}]}']), 'bad.geojson');
    expect(store.getState().status).toBe('failed');
    expect(store.getState().problems.join(' ')).toMatch(/features\[0\]\.geometry\.coordinates/);
    expect(store.getState().result).toBeNull();
  });

  it('on the clusters layer, a filter change brings counts and clusters back together, both for the new filter', async () => {
    const engine = inProcessEngine();
    const calls: string[] = [];
    const query = engine.query;
    const clusters = engine.clusters;
    engine.query = (q) => (calls.push('query'), query(q).then((r) => (calls.push('counted'), r)));
    engine.clusters = (f, b, z) => (calls.push('clusters'), clusters(f, b, z));
    const store = createPlannerStore(engine);
    await store.getState().appPinsLoaded(areas, pins);
    store.getState().viewChanged({ bbox: [-180, -85, 180, 85], zoom: 12 });
    store.getState().layerChosen('clusters');
    await settle();
    calls.length = 0;
    const states: Array<{ pending: boolean; clusters: number | undefined; result: boolean }> = [];
    const stop = store.subscribe((s) => states.push({ pending: s.pending, clusters: s.clusters?.reduce((n, m) => n + m.count, 0), result: !!s.result }));
    store.getState().filterChanged({ kind: 'priority' });
    await settle();
    stop();
    const priorities = pins.filter((p) => p.properties.kind === 'priority').length;
    // the clusters request does not wait for the counts
    expect(calls).toEqual(['query', 'clusters', 'counted']);
    // one update ends the wait, with the new clusters and counts in it
    expect(states.at(-1)).toEqual({ pending: false, clusters: priorities, result: true });
    expect(states.slice(states.findIndex((s) => s.pending)).filter((s) => !s.pending)).toHaveLength(1);
    expect(Array.from(store.getState().result!.areas.total).reduce((a, b) => a + b, 0)).toBe(priorities);
  });

  it('a failed clusters answer keeps the counts, and its problem goes with the clusters layer', async () => {
    const engine = inProcessEngine();
    const clusters = engine.clusters;
    let refuse = true;
    engine.clusters = (f, b, z) => (refuse ? Promise.reject(new Error('The aggregate options are not valid.')) : clusters(f, b, z));
    const store = createPlannerStore(engine);
    await store.getState().appPinsLoaded(areas, pins);
    store.getState().viewChanged({ bbox: [-180, -85, 180, 85], zoom: 12.25 });
    store.getState().layerChosen('clusters');
    await settle();
    expect(store.getState().clusterProblems).toEqual(['The aggregate options are not valid.']);
    // with the clusters and the counts asked together, the counts still arrive
    store.getState().filterChanged({ kind: 'priority' });
    await settle();
    expect(store.getState().clusterProblems).toEqual(['The aggregate options are not valid.']);
    expect(Array.from(store.getState().result!.areas.total).reduce((a, b) => a + b, 0)).toBe(pins.filter((p) => p.properties.kind === 'priority').length);
    expect(store.getState().problems).toEqual([]);
    expect(store.getState().pending).toBe(false);

    store.getState().layerChosen('areas');
    expect(store.getState().clusterProblems).toEqual([]);
    refuse = false;
    store.getState().layerChosen('clusters');
    await settle();
    expect(store.getState().clusterProblems).toEqual([]);
    expect(store.getState().clusters?.length).toBeGreaterThan(0);
  });

  it('shows one workshop session, or the online pins, and forgets a session the next pins do not have', async () => {
    // every third demo pin made in one of two sessions (copies: the demo pins stay as they are)
    const withSessions = pins.map((p, i) => (i % 3 === 0 ? p : { ...p, properties: { ...p.properties, sessionId: i % 3 === 1 ? 'hall' : 'library' } }));
    const count = (session: string) => withSessions.filter((p) => (p.properties.sessionId ?? '') === session).length;
    const store = createPlannerStore(inProcessEngine());
    await store.getState().appPinsLoaded(areas, withSessions);
    expect(store.getState().summary!.sessions).toEqual([
      { id: '', pins: count('') },
      { id: 'hall', pins: count('hall') },
      { id: 'library', pins: count('library') },
    ]);
    const shown = () => Array.from(store.getState().result!.areas.total).reduce((a, b) => a + b, 0);
    store.getState().filterChanged({ session: 'library' });
    expect(effectiveFilter(store.getState())).toEqual({ sessions: ['library'] });
    await settle();
    expect(shown()).toBe(count('library'));
    store.getState().filterChanged({ session: '', kind: 'priority' });
    expect(effectiveFilter(store.getState())).toEqual({ sessions: [''], kind: 'priority' });
    await settle();
    expect(shown()).toBe(withSessions.filter((p) => !p.properties.sessionId && p.properties.kind === 'priority').length);
    store.getState().filterChanged({ session: 'hall', kind: 'both' });
    await settle();
    expect(shown()).toBe(count('hall'));
    // the demo pins have no sessions: "hall" would show nothing, so the filter goes back to every pin
    await store.getState().appPinsLoaded(areas, pins);
    expect(store.getState().filter.session).toBeNull();
    expect(shown()).toBe(pins.length);
  });

  it('validates hex sizes and k', async () => {
    const store = createPlannerStore(inProcessEngine());
    expect(() => store.getState().hexSizeChosen(300)).toThrow(/250, 500, 1000, 2000/);
    store.getState().minCountChanged(0);
    expect(store.getState().minCount).toBe(5);
    store.getState().minCountChanged(10);
    expect(store.getState().minCount).toBe(10);
  });
});
