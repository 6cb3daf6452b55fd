// the API client against the real server app (in process): shapes, idempotency, errors, sign-in and moderation.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PinFeature } from '../../src/core/types.ts';
import { ApiRequestError, consultationBase, createHttpRepository, isTransient, NetworkError, toRemotePin } from '../../src/persistence/httpRepository.ts';
import type { HttpRepository } from '../../src/persistence/httpRepository.ts';
import { createStaffApi } from '../../src/persistence/staffApi.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, deviceToken, startTestServer } from '../support/serverHarness.ts';
import { signInPlanner } from './signInPlanner.ts';
import type { TestServer } from '../support/serverHarness.ts';
import { defaultBase } from './defaultConsultation.ts';
import { createInjectFetch } from './injectFetch.ts';
import type { InjectFetch } from './injectFetch.ts';

// signed by the test server's secret, as POST /api/device gives it (supports need a signed token)
const DEVICE = deviceToken('device-http-0123456789abcdef');

function draft(title: string, position: [number, number] = [-2.25, 53.45]): PinFeature {
  const id = randomUUID();
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: position },
    properties: { id, kind: 'priority', theme: 'safety', title, note: 'by the school', area: '', createdAt: '', updatedAt: '', author: DEVICE },
  };
}

let server: TestServer;
let net: InjectFetch;
let api: HttpRepository;
let base: string;

beforeEach(async () => {
  server = await startTestServer();
  base = await defaultBase(server);
  net = createInjectFetch(server.app);
  api = createHttpRepository({ deviceToken: DEVICE, fetch: net.fetch, consultationBase: base });
});
afterEach(async () => {
  await server.close();
});

describe('createHttpRepository', () => {
  it('reads health, areas, themes and pins in the app shape, marking this device\'s pins as its own', async () => {
    expect(await api.health()).toEqual({ ok: true, storage: 'sqlite' });
    expect((await api.getAreas()).features.map((f) => f.id)).toEqual(['west', 'east']);
    expect((await api.getThemes()).map((t) => t.id)).toEqual(['green', 'safety']);
    const created = await api.createPin(draft('Dark lane'), 'key-1');
    const pins = await api.listPins();
    const mine = pins.find((r) => r.pin.id === created.pin.id)!;
    expect(mine.pin.properties).toMatchObject({ title: 'Dark lane', note: 'by the school', area: 'west', author: DEVICE, supports: 0 });
    expect(mine.pin.properties).not.toHaveProperty('mine');
    const seeded = pins.find((r) => r.pin.id === 'seeded-1')!;
    expect(seeded.pin.properties.author).toBeUndefined();
    // another device sees the same pin as not its own
    const other = createHttpRepository({ deviceToken: deviceToken('device-other-0123456789'), fetch: net.fetch, consultationBase: base });
    expect((await other.getPin(created.pin.id)).pin.properties.author).toBeUndefined();
  });

  it('sends the idempotency key: the same key returns the same stored pin, never a second one', async () => {
    const first = await api.createPin(draft('Broken light'), 'same-key');
    const again = await api.createPin(draft('Broken light'), 'same-key');
    expect(first.replayed).toBe(false);
    expect(again.replayed).toBe(true);
    expect(again.pin.id).toBe(first.pin.id);
    expect((await server.storage.listPins()).filter((p) => p.properties.title === 'Broken light')).toHaveLength(1);
  });

  it('edits with null for cleared fields, deletes, supports once and takes it back', async () => {
    const { pin } = await api.createPin(draft('Potholes'), 'k-edit');
    const edited = await api.updatePin(pin.id, { ...pin, properties: { ...pin.properties, title: 'Deep potholes', note: undefined } });
    expect(edited.pin.properties.title).toBe('Deep potholes');
    expect(edited.pin.properties.note).toBeUndefined();
    const other = createHttpRepository({ deviceToken: deviceToken('device-other-0123456789'), fetch: net.fetch, consultationBase: base });
    expect(await other.supportPin(pin.id)).toMatchObject({ added: true, pin: { properties: { supports: 1 } } });
    expect(await other.supportPin(pin.id)).toMatchObject({ added: false, pin: { properties: { supports: 1 } } });
    expect(await other.unsupportPin(pin.id)).toMatchObject({ removed: true, pin: { properties: { supports: 0 } } });
    expect(await other.unsupportPin(pin.id)).toMatchObject({ removed: false, pin: { properties: { supports: 0 } } });
    expect(net.calls.at(-1)).toBe(`DELETE ${base}/pins/${pin.id}/support`);
    await api.deletePin(pin.id);
    await expect(api.getPin(pin.id)).rejects.toMatchObject({ status: 404, code: 'pin-not-found' });
  });

  it('turns refusals into ApiRequestError with the server code and details, and no answer into NetworkError', async () => {
    const outside = await api.createPin(draft('Far away', [10, 10]), 'k-out').catch((e: unknown) => e);
    expect(outside).toBeInstanceOf(ApiRequestError);
    expect(outside).toMatchObject({ status: 422, code: 'outside-areas' });
    expect(isTransient(outside)).toBe(false);
    const invalid = await api.createPin(draft('x'.repeat(81)), 'k-long').catch((e: unknown) => e);
    expect(invalid).toMatchObject({ status: 400, code: 'invalid-pin', details: [expect.objectContaining({ path: 'properties.title' })] });
    net.offline = true;
    const offline = await api.health().catch((e: unknown) => e);
    expect(offline).toBeInstanceOf(NetworkError);
    expect(isTransient(offline)).toBe(true);
  });

  it('refuses answers that are not what the API promises (a static host answering index.html)', async () => {
    const html = createHttpRepository({ deviceToken: DEVICE, fetch: async () => new Response('<!doctype html><p>app</p>', { status: 200 }) });
    await expect(html.health()).rejects.toMatchObject({ code: 'invalid-response' });
    const wrongShape = createHttpRepository({ deviceToken: DEVICE, fetch: async () => Response.json({ ok: 'yes' }) });
    await expect(wrongShape.health()).rejects.toMatchObject({ code: 'invalid-response' });
    expect(() => toRemotePin({ type: 'Feature', id: 'x', geometry: { type: 'Point', coordinates: [500, 0] }, properties: {} }, DEVICE)).toThrow(ApiRequestError);
  });

  it('moderates and exports for a signed-in planner (cookie session), and refuses both without one', async () => {
    await expect(api.moderatePin('seeded-1', 'hide', 'spam')).rejects.toMatchObject({ status: 401 });
    await expect(api.exportPins('csv')).rejects.toMatchObject({ status: 401 });
    await signInPlanner(net);
    const hidden = await api.moderatePin('seeded-1', 'hide', 'Personal details in the note');
    expect(hidden).toMatchObject({ hidden: true, hiddenReason: 'Personal details in the note' });
    expect((await api.listPins()).some((r) => r.pin.id === 'seeded-1')).toBe(false);
    expect((await api.listPins({ includeHidden: true })).find((r) => r.pin.id === 'seeded-1')?.hidden).toBe(true);
    const csv = await api.exportPins('csv');
    expect(csv.split('\n')[0]).toMatch(/^id,/);
  });

  it('signs staff in with e-mail and password through the staff API, names them, and revokes the session on sign-out', async () => {
    const staff = createStaffApi(api);
    expect(await staff.getSession()).toEqual({ user: null, memberships: [] });
    await expect(staff.signIn({ email: ADMIN_EMAIL, password: 'not the password' })).rejects.toMatchObject({ status: 401, code: 'wrong-credentials' });
    const signed = await staff.signIn({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    expect(signed.user).toMatchObject({ email: ADMIN_EMAIL, role: 'admin' });
    expect((await staff.getSession()).user?.email).toBe(ADMIN_EMAIL);
    const [listed] = await staff.listConsultations();
    expect(consultationBase(listed!.slug)).toBe(base);
    expect(await staff.getConsultation(listed!.slug)).toMatchObject({ slug: listed!.slug, viewerRole: 'admin', settings: { minCount: expect.any(Number) } });
    await staff.signOut();
    expect((await staff.getSession()).user).toBeNull();
    await expect(api.exportPins('csv')).rejects.toMatchObject({ status: 401 });
  });

  it('reports the rate limit with its Retry-After, as worth retrying later', async () => {
    const limited = await startTestServer({ rateLimits: { pinsPerDevicePerMinute: 1 } });
    const client = createHttpRepository({ deviceToken: DEVICE, fetch: createInjectFetch(limited.app).fetch, consultationBase: await defaultBase(limited) });
    await client.createPin(draft('One'), 'r-1');
    const refused = await client.createPin(draft('Two'), 'r-2').catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 429, code: 'rate-limited' });
    expect((refused as ApiRequestError).retryAfterSeconds).toBeGreaterThan(0);
    expect(isTransient(refused)).toBe(true);
    await limited.close();
  });
});

describe('createHttpRepository for one consultation', () => {
  it('sends every pin, catalog and export request under the consultation\'s path; health stays unscoped', async () => {
    const seen: string[] = [];
    const pin = { type: 'Feature', id: 'p1', geometry: { type: 'Point', coordinates: [-2, 53] }, properties: { id: 'p1', kind: 'asset', theme: 'green', title: 'Park', area: 'a', createdAt: '', updatedAt: '' } };
    const scoped = createHttpRepository({
      deviceToken: DEVICE,
      consultationBase: consultationBase('park 2026'),
      fetch: async (input, init = {}) => {
        const url = String(input);
        seen.push(`${init.method ?? 'GET'} ${url}`);
        if (url === '/api/health') return Response.json({ ok: true, storage: 'sqlite' });
        if (url.endsWith('/support')) return Response.json(init.method === 'DELETE' ? { removed: true, pin } : { added: true, pin });
        if (url.includes('/export/')) return new Response('id,kind');
        if (url.endsWith('/areas') && init.method === 'PUT') return Response.json({ ok: true, areas: 1 });
        if (url.endsWith('/themes') && init.method === 'PUT') return Response.json({ ok: true, themes: 1 });
        if (url.endsWith('/areas') || /\/pins(\?|$)/.test(url)) return Response.json({ type: 'FeatureCollection', features: init.method === 'POST' ? undefined : [] });
        if (url.endsWith('/themes')) return Response.json([]);
        if (init.method === 'DELETE') return new Response(null, { status: 204 });
        return Response.json(pin);
      },
    });
    expect(scoped.consultationBase).toBe('/api/consultations/park%202026');
    await scoped.health();
    await scoped.getAreas();
    await scoped.getThemes();
    await scoped.listPinsPage({ mine: true });
    await scoped.getPin('p1');
    await scoped.updatePin('p1', toRemotePin(pin, DEVICE).pin);
    await scoped.supportPin('p1');
    await scoped.unsupportPin('p1');
    await scoped.deletePin('p1');
    await scoped.moderatePin('p1', 'hide', 'spam');
    await scoped.replaceAreas({ type: 'FeatureCollection', features: [] });
    await scoped.replaceThemes([]);
    await scoped.exportPins('csv');
    const base = '/api/consultations/park%202026';
    expect(seen).toEqual([
      'GET /api/health',
      `GET ${base}/areas`,
      `GET ${base}/themes`,
      `GET ${base}/pins?mine=true`,
      `GET ${base}/pins/p1`,
      `PATCH ${base}/pins/p1`,
      `POST ${base}/pins/p1/support`,
      `DELETE ${base}/pins/p1/support`,
      `DELETE ${base}/pins/p1`,
      `POST ${base}/pins/p1/hide`,
      `PUT ${base}/areas`,
      `PUT ${base}/themes`,
      `GET ${base}/export/pins.csv`,
    ]);
  });
});
