// the planner store counting on a real in-process server: same figures as counting the downloaded pins, without downloading them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPlannerEngine } from '../../src/core/plannerEngine.ts';
import type { AreaCollection } from '../../src/core/types.ts';
import { createHttpRepository } from '../../src/persistence/httpRepository.ts';
import { createServerPlannerEngine } from '../../src/persistence/plannerEngine/serverPlannerEngine.ts';
import { localPinsInput, type PlannerEngineClient } from '../../src/persistence/plannerEngine/plannerEngineClient.ts';
import { createPlannerEngineRouter } from '../../src/persistence/plannerEngine/plannerEngineRouter.ts';
import { createPlannerStore, effectiveFilter, type PlannerStore } from '../../src/store/plannerStore.ts';
import { defaultBase } from './defaultConsultation.ts';
import { asDevice, DEVICE_A, pinBody, startTestServer, type TestServer } from '../support/serverHarness.ts';
import { createInjectFetch, type InjectFetch } from './injectFetch.ts';

/** the browser worker's engine, in-process, counting how often it is asked */
function localEngine(): PlannerEngineClient & { loads: number } {
  const engine = createPlannerEngine();
  const client = {
    loads: 0,
    load: async (areas: unknown, source: Parameters<PlannerEngineClient['load']>[1]) => {
      client.loads++;
      return engine.load(areas, await localPinsInput(source));
    },
    query: async (q: Parameters<PlannerEngineClient['query']>[0]) => engine.query(q),
    clusters: async (f: Parameters<PlannerEngineClient['clusters']>[0], b: [number, number, number, number], z: number) => engine.clusters(f, b, z),
    dispose: () => {},
  };
  return client;
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};

describe('the planner counting on the server', () => {
  let server: TestServer;
  let base: string;
  let net: InjectFetch;
  let areas: AreaCollection;
  let store: PlannerStore;
  let local: ReturnType<typeof localEngine>;

  const post = (props: Record<string, unknown>, position: [number, number]) =>
    server.app.inject(asDevice(DEVICE_A, { method: 'POST', url: `${base}/pins`, payload: pinBody(props, position) }));

  /** what the planner saw before: every pin downloaded and counted in the browser */
  async function countedLocally(filter = {}, area: number | null = null) {
    const engine = createPlannerEngine();
    engine.load(areas, (await server.app.inject({ url: `${base}/pins` })).json());
    return engine.query({ filter, hexMetres: store.getState().hexMetres, area, topN: 5 });
  }

  beforeEach(async () => {
    server = await startTestServer({ rateLimits: { pinsPerDevicePerMinute: 0 }, aggregateRebuildMs: 0 });
    base = await defaultBase(server);
    for (const [i, position] of ([[-2.15, 53.45], [-2.16, 53.46], [-2.25, 53.41], [-2.12, 53.48]] as [number, number][]).entries()) {
      await post({ kind: i % 2 ? 'asset' : 'priority', theme: i % 3 ? 'green' : 'safety', title: `Pin ${i}`, ...(i === 0 ? { sessionId: 'hall-1' } : {}) }, position);
    }
    net = createInjectFetch(server.app);
    // signed in as staff of the consultation, so the server sends raw counts (the public gets protected ones)
    const token = await server.plannerToken();
    const staffFetch: typeof fetch = (input, init = {}) => net.fetch(input, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` } });
    const api = createHttpRepository({ deviceToken: 'planner-device-0123456789', fetch: staffFetch, consultationBase: base });
    areas = await api.getAreas();
    local = localEngine();
    store = createPlannerStore(createPlannerEngineRouter(createServerPlannerEngine({ getJson: (path) => api.getJson(path), consultationBase: api.consultationBase }), () => local));
  });
  afterEach(() => server.close());

  it('shows the same figures as counting every pin, for every filter, without asking for the pins', async () => {
    await store.getState().serverPinsLoaded(areas);
    await until(() => store.getState().result !== null && !store.getState().pending);
    const s = store.getState();
    expect(s.status).toBe('ready');
    expect(s.source).toEqual({ kind: 'server' });
    expect(s.summary?.pins).toBe(5);
    expect(s.summary?.sessions).toEqual([{ id: '', pins: 4 }, { id: 'hall-1', pins: 1 }]);
    expect({ ...s.result, computeMs: 0 }).toEqual({ ...(await countedLocally()), computeMs: 0 });

    s.filterChanged({ kind: 'priority', session: 'hall-1' });
    s.hexSizeChosen(250);
    s.areaSelected(1);
    await until(() => store.getState().result?.hexMetres === 250 && !store.getState().pending);
    expect(Array.from(store.getState().result!.areas.total)).toEqual([0, 1, 0]);
    expect({ ...store.getState().result, computeMs: 0 }).toEqual({ ...(await countedLocally(effectiveFilter(store.getState()), 1)), computeMs: 0 });

    // no theme ticked counts nothing, as it does in the browser
    store.getState().filterChanged({ session: null, kind: 'both', themes: [] });
    await until(() => !store.getState().pending && store.getState().filter.themes?.length === 0);
    expect(Array.from(store.getState().result!.areas.total)).toEqual([0, 0, 0]);

    store.getState().layerChosen('clusters');
    store.getState().viewChanged({ bbox: [-2.4, 53.3, -2, 53.6], zoom: 9 });
    await until(() => store.getState().clusters !== null && !store.getState().pending);
    expect(store.getState().clusters).toEqual([]);
    store.getState().filterChanged({ themes: null });
    await until(() => (store.getState().clusters?.length ?? 0) > 0 && !store.getState().pending);
    const clustered = store.getState().clusters!.reduce((n, m) => n + m.count, 0);
    expect(clustered).toBe(5);

    expect(net.calls.filter((c) => c.startsWith(`GET ${base}/pins`))).toEqual([]);
    expect(net.calls).toContain(`GET ${base}/aggregates/summary`);
    expect(local.loads).toBe(0);
  });

  it('picks up new pins in place, keeping the choices on screen', async () => {
    await store.getState().serverPinsLoaded(areas);
    store.getState().filterChanged({ kind: 'priority' });
    store.getState().areaSelected(1);
    await until(() => !store.getState().pending && store.getState().result !== null);
    const before = store.getState().result!.areas.total[1]!;

    await post({ kind: 'priority', theme: 'safety', title: 'New crossing' }, [-2.14, 53.44]);
    const refreshing = store.getState().serverPinsChanged();
    // nothing is cleared while the new figures are on their way
    expect(store.getState().result).not.toBeNull();
    expect(store.getState().status).toBe('ready');
    await refreshing;
    await until(() => !store.getState().pending);
    const s = store.getState();
    expect(s.summary?.pins).toBe(6);
    expect(s.result!.areas.total[1]).toBe(before + 1);
    expect(s.filter.kind).toBe('priority');
    expect(s.selectedArea).toBe(1);
  });

  it('counts an opened file in the browser, and then leaves server changes alone', async () => {
    await store.getState().serverPinsLoaded(areas);
    const file = new Blob([JSON.stringify((await server.app.inject({ url: `${base}/pins?kind=asset` })).json())]);
    await store.getState().fileOpened(file, 'assets.geojson');
    await until(() => !store.getState().pending && store.getState().result !== null);
    expect(local.loads).toBe(1);
    expect(store.getState().summary?.pins).toBe(3);
    const calls = net.calls.length;
    store.getState().filterChanged({ kind: 'asset' });
    await until(() => !store.getState().pending);
    await store.getState().serverPinsChanged();
    expect(net.calls.length).toBe(calls);
    expect(store.getState().source).toEqual({ kind: 'file', name: 'assets.geojson' });
  });

  it('says why when the server cannot be reached or counts in other areas', async () => {
    net.offline = true;
    await store.getState().serverPinsLoaded(areas);
    expect(store.getState().status).toBe('failed');
    expect(store.getState().problems[0]).toContain(`No answer from the server for GET ${base}/aggregates/summary`);

    net.offline = false;
    const fewer: AreaCollection = { ...areas, features: areas.features.slice(0, 1) };
    await store.getState().serverPinsLoaded(fewer);
    expect(store.getState().status).toBe('failed');
    expect(store.getState().problems).toEqual(['the server counts in 2 areas but this page shows 1: the areas changed, reload the page']);
  });
});
