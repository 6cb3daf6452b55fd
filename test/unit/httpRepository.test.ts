// the API client against the real server app (in process): shapes, idempotency, errors, sign-in and moderation.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PinFeature } from '../../src/core/types.ts';
import { ApiRequestError, createHttpRepository, isTransient, NetworkError, toRemotePin } from '../../src/persistence/httpRepository.ts';
import type { HttpRepository } from '../../src/persistence/httpRepository.ts';
import { deviceToken, PASSPHRASE, startTestServer } from '../support/serverHarness.ts';
import type { TestServer } from '../support/serverHarness.ts';
import { createInjectFetch } from './injectFetch.ts';
import type { InjectFetch } from './injectFetch.ts';

// signed by the test server's secret, as POST /api/device gives it (supports need a signed token)
const DEVICE = deviceToken('device-http-0123456789abcdef');

function draft(title: string, position: [number, number] = [-2.25, 53.45]): PinFeature {
  return {
    type: 'Feature',
    id: `local-${title}`,
    geometry: { type: 'Point', coordinates: position },
    properties: { id: `local-${title}`, kind: 'priority', theme: 'safety', title, note: 'by the school', area: '', createdAt: '', updatedAt: '', author: DEVICE },
  };
}

let server: TestServer;
let net: InjectFetch;
let api: HttpRepository;

beforeEach(async () => {
  server = await startTestServer();
  net = createInjectFetch(server.app);
  api = createHttpRepository({ deviceToken: DEVICE, fetch: net.fetch });
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
    const other = createHttpRepository({ deviceToken: deviceToken('device-other-0123456789'), fetch: net.fetch });
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
    const other = createHttpRepository({ deviceToken: deviceToken('device-other-0123456789'), fetch: net.fetch });
    expect(await other.supportPin(pin.id)).toMatchObject({ added: true, pin: { properties: { supports: 1 } } });
    expect(await other.supportPin(pin.id)).toMatchObject({ added: false, pin: { properties: { supports: 1 } } });
    expect(await other.unsupportPin(pin.id)).toMatchObject({ removed: true, pin: { properties: { supports: 0 } } });
    expect(await other.unsupportPin(pin.id)).toMatchObject({ removed: false, pin: { properties: { supports: 0 } } });
    expect(net.calls.at(-1)).toBe(`DELETE /api/pins/${pin.id}/support`);
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

  it('signs planners in with the passphrase (cookie session), moderates, exports and signs out', async () => {
    expect(await api.getSession()).toBe('resident');
    await expect(api.moderatePin('seeded-1', 'hide', 'spam')).rejects.toMatchObject({ status: 401, code: 'planner-sign-in-required' });
    await expect(api.exportPins('csv')).rejects.toMatchObject({ status: 401 });
    await expect(api.signIn('wrong')).rejects.toMatchObject({ status: 401, code: 'wrong-passphrase' });
    expect((await api.signIn(PASSPHRASE)).role).toBe('planner');
    expect(await api.getSession()).toBe('planner');
    const hidden = await api.moderatePin('seeded-1', 'hide', 'Personal details in the note');
    expect(hidden).toMatchObject({ hidden: true, hiddenReason: 'Personal details in the note' });
    expect((await api.listPins()).some((r) => r.pin.id === 'seeded-1')).toBe(false);
    expect((await api.listPins({ includeHidden: true })).find((r) => r.pin.id === 'seeded-1')?.hidden).toBe(true);
    const csv = await api.exportPins('csv');
    expect(csv.split('\n')[0]).toMatch(/^id,/);
    await api.signOut();
    expect(await api.getSession()).toBe('resident');
  });

  it('reports the rate limit with its Retry-After, as worth retrying later', async () => {
    const limited = await startTestServer({ rateLimits: { pinsPerDevicePerMinute: 1 } });
    const client = createHttpRepository({ deviceToken: DEVICE, fetch: createInjectFetch(limited.app).fetch });
    await client.createPin(draft('One'), 'r-1');
    const refused = await client.createPin(draft('Two'), 'r-2').catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 429, code: 'rate-limited' });
    expect((refused as ApiRequestError).retryAfterSeconds).toBeGreaterThan(0);
    expect(isTransient(refused)).toBe(true);
    await limited.close();
  });
});
