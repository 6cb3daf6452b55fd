// every path form the app answers, the paths it links to, and which page a path opens against the server's list.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { consultationPath, routeOf } from '../../src/core/appRoutes.ts';
import { resolvePage } from '../../src/app/resolvePage.ts';
import { chooseRepository } from '../../src/persistence/chooseRepository.ts';
import { createHttpRepository } from '../../src/persistence/httpRepository.ts';
import { createStaffApi } from '../../src/persistence/staffApi.ts';
import { consultation, createFakeStaffServer } from './fakeStaffServer.ts';

describe('routeOf', () => {
  it.each([
    ['/', { page: 'front' }],
    ['', { page: 'front' }],
    ['/planner', { page: 'planner', slug: null }],
    ['/planner/', { page: 'planner', slug: null }],
    ['/table', { page: 'table', slug: null }],
    ['/c/park-2026', { page: 'resident', slug: 'park-2026' }],
    ['/c/park-2026/', { page: 'resident', slug: 'park-2026' }],
    ['/c/park-2026/planner', { page: 'planner', slug: 'park-2026' }],
    ['/c/park-2026/table/', { page: 'table', slug: 'park-2026' }],
    ['/c/park-2026/privacy', { page: 'privacy', slug: 'park-2026' }],
    ['/privacy', { page: 'privacy', slug: null }],
    ['/c/caf%C3%A9', { page: 'resident', slug: 'café' }],
    ['/c/park-2026/budget', { page: 'budget', slug: 'park-2026', results: false }],
    ['/c/park-2026/budget/results/', { page: 'budget', slug: 'park-2026', results: true }],
    ['/c/park-2026/budget/other', { page: 'not-found' }],
    ['/c/park-2026/results', { page: 'results', slug: 'park-2026' }],
    ['/c/park-2026/results/extra', { page: 'not-found' }],
    ['/staff', { page: 'staff' }],
    ['/staff/', { page: 'staff' }],
    ['/invite/abc123', { page: 'invite', token: 'abc123' }],
    ['/c', { page: 'not-found' }],
    ['/c/park/elsewhere', { page: 'not-found' }],
    ['/c/park/planner/extra', { page: 'not-found' }],
    ['/c/%E0%A4%A', { page: 'not-found' }],
    ['/invite', { page: 'not-found' }],
    ['/somewhere', { page: 'not-found' }],
    ['/planner/x', { page: 'not-found' }],
  ])('%s', (path, route) => {
    expect(routeOf(path)).toEqual(route);
  });

  it('links to the paths it reads back', () => {
    for (const page of ['resident', 'planner', 'table', 'privacy'] as const) {
      expect(routeOf(consultationPath('park-2026', page))).toEqual({ page, slug: 'park-2026' });
      expect(routeOf(consultationPath(null, page))).toEqual(page === 'resident' ? { page: 'front' } : { page, slug: null });
    }
    expect(consultationPath('a b')).toBe('/c/a%20b');
  });
});

function staffOver(server = createFakeStaffServer()) {
  return { server, staff: createStaffApi(createHttpRepository({ deviceToken: 'device-routes-0123456789', fetch: server.fetch })) };
}
const memory = () => {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
};

describe('resolvePage', () => {
  it('opens the only consultation at /, and lists several on the front page', async () => {
    const one = staffOver();
    expect(await resolvePage({ route: routeOf('/'), staff: one.staff })).toMatchObject({ kind: 'consultation', page: 'resident', consultation: { slug: 'millbrook-2026', status: 'open' } });
    const two = staffOver(createFakeStaffServer([consultation('first', { pins: 40 }), consultation('second', { status: 'closed' }), consultation('hidden', { status: 'draft' })]));
    const front = await resolvePage({ route: routeOf('/'), staff: two.staff });
    expect(front.kind === 'front' ? front.consultations.map((c) => [c.slug, c.status, c.counts.pins]) : front).toEqual([
      ['first', 'open', 40],
      ['second', 'closed', 0],
    ]);
  });

  it('opens the oldest consultation for the old /planner and /table links, and a named one under /c/', async () => {
    const { staff } = staffOver(createFakeStaffServer([consultation('oldest'), consultation('newer')]));
    expect(await resolvePage({ route: routeOf('/planner'), staff })).toMatchObject({ kind: 'consultation', page: 'planner', consultation: { slug: 'oldest' } });
    expect(await resolvePage({ route: routeOf('/table'), staff })).toMatchObject({ kind: 'consultation', page: 'table', consultation: { slug: 'oldest' } });
    expect(await resolvePage({ route: routeOf('/c/newer/table'), staff })).toMatchObject({ kind: 'consultation', page: 'table', consultation: { slug: 'newer' } });
  });

  it('says "no such consultation" for an unknown slug and for a draft the public cannot see', async () => {
    const { staff } = staffOver(createFakeStaffServer([consultation('open-one'), consultation('secret', { status: 'draft' })]));
    expect(await resolvePage({ route: routeOf('/c/nothing-here'), staff })).toEqual({ kind: 'not-found' });
    expect(await resolvePage({ route: routeOf('/c/secret/planner'), staff })).toEqual({ kind: 'not-found' });
    expect(await resolvePage({ route: routeOf('/elsewhere'), staff })).toEqual({ kind: 'not-found' });
  });

  it('keeps today\'s device-only demo with ?server=off and on a static host, with no front page', async () => {
    const { staff, server } = staffOver();
    expect(await resolvePage({ route: routeOf('/'), staff, search: '?server=off' })).toEqual({ kind: 'consultation', page: 'resident', consultation: null });
    expect(server.calls).toEqual([]);
    const html = createStaffApi(createHttpRepository({ deviceToken: 'd-0123456789abcdef', fetch: async () => new Response('<!doctype html>', { status: 200 }) }));
    expect(await resolvePage({ route: routeOf('/'), staff: html })).toEqual({ kind: 'consultation', page: 'resident', consultation: null });
    expect(await resolvePage({ route: routeOf('/c/park/planner'), staff: html })).toEqual({ kind: 'consultation', page: 'planner', consultation: null });
  });

  it('opens what this device saw last when the server cannot be reached', async () => {
    const { staff, server } = staffOver(createFakeStaffServer([consultation('a'), consultation('b', { status: 'closed', title: 'Bee' })]));
    const storage = memory();
    await resolvePage({ route: routeOf('/'), staff, storage });
    await resolvePage({ route: routeOf('/c/b'), staff, storage });
    server.offline = true;
    expect(await resolvePage({ route: routeOf('/'), staff, storage })).toMatchObject({ kind: 'front', consultations: [{ slug: 'a' }, { slug: 'b' }] });
    expect(await resolvePage({ route: routeOf('/c/b'), staff, storage })).toMatchObject({ kind: 'consultation', consultation: { slug: 'b', title: 'Bee', status: 'closed' } });
    expect(await resolvePage({ route: routeOf('/c/a/table'), staff, storage })).toMatchObject({ kind: 'consultation', page: 'table', consultation: { slug: 'a', status: 'open' } });
  });

  it('after one visit to a consultation\'s own page, the old /table link finds the default consultation offline', async () => {
    const { staff, server } = staffOver(createFakeStaffServer([consultation('oldest'), consultation('visited')]));
    const storage = memory();
    await resolvePage({ route: routeOf('/c/visited'), staff, storage });
    server.offline = true;
    expect(await resolvePage({ route: routeOf('/table'), staff, storage })).toMatchObject({ kind: 'consultation', page: 'table', consultation: { slug: 'oldest' } });
  });
});

describe('chooseRepository per consultation', () => {
  it('keeps each consultation\'s waiting pins in its own outbox, sent to its own path', async () => {
    const factory = new IDBFactory();
    const calls: string[] = [];
    const fetch: typeof globalThis.fetch = async (input, init = {}) => {
      calls.push(`${init.method ?? 'GET'} ${String(input)}`);
      if (String(input) === '/api/health') return Response.json({ ok: true, storage: 'sqlite' });
      throw new TypeError('Failed to fetch');
    };
    const storage = memory();
    const removeItem = () => {};
    const open = (slug: string) => chooseRepository({ deviceToken: 'device-scope-0123456789', fetch, factory, storage: { ...storage, removeItem }, consultation: slug });
    const park = await open('park');
    const budget = await open('budget');
    if (park.mode !== 'server' || budget.mode !== 'server') throw new Error('expected server mode');
    await park.sync.pinCreated({ type: 'Feature', id: 'pin-park', geometry: { type: 'Point', coordinates: [-2, 53] }, properties: { id: 'pin-park', kind: 'asset', theme: 'green', title: 'Park bench', area: '', createdAt: '', updatedAt: '' } });
    await park.repository.putPin({ type: 'Feature', id: 'pin-park', geometry: { type: 'Point', coordinates: [-2, 53] }, properties: { id: 'pin-park', kind: 'asset', theme: 'green', title: 'Park bench', area: '', createdAt: '', updatedAt: '' } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toContain('POST /api/consultations/park/pins');
    expect(calls.some((c) => c.includes('/budget/'))).toBe(false);
    expect(await budget.repository.listPins()).toEqual([]);
    expect((await park.repository.listPins()).map((p) => p.id)).toEqual(['pin-park']);
  });
});
