// API behaviour for residents: validation never writes, idempotency, ownership, support, rate limits.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asDevice, awayFromWindowEdge, DEVICE_A, DEVICE_B, pinBody, startTestServer } from '../../support/serverHarness.ts';
import type { TestServer } from '../../support/serverHarness.ts';

describe('pins API', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ rateLimits: { pinsPerDevicePerMinute: 0, pinsPerAddressPerMinute: 0 } });
  });
  afterEach(() => server.close());
  const post = (payload: unknown, headers: Record<string, string> = {}, device = DEVICE_A) =>
    server.app.inject(asDevice(device, { method: 'POST', url: '/api/pins', payload: payload as object, headers }));

  it('creates a pin from a GeoJSON Feature and derives id, area and times', async () => {
    const res = await post(pinBody({ note: '  needs lights ', id: 'client-chosen', area: 'east', author: 'forged' }));
    expect(res.statusCode).toBe(201);
    const pin = res.json();
    expect(pin.id).not.toBe('client-chosen');
    expect(pin.properties).toMatchObject({ kind: 'priority', theme: 'safety', title: 'Dark underpass', note: 'needs lights', area: 'west', supports: 0, mine: true });
    expect(pin.properties.author).toBeUndefined();
    expect(Date.parse(pin.properties.createdAt)).not.toBeNaN();
    const listed = (await server.app.inject({ url: '/api/pins' })).json().features.map((f: { id: string }) => f.id);
    expect(listed).toContain(pin.id);
  });

  describe('bad input gets a specific 4xx and writes nothing', () => {
    const cases: [string, () => Promise<{ statusCode: number; json(): { error: { code: string } } }>, number, string][] = [
      ['malformed JSON', () => server.app.inject(asDevice(DEVICE_A, { method: 'POST', url: '/api/pins', headers: { 'content-type': 'application/json' }, payload: '{"type": "Feature",' })), 400, 'malformed-json'],
      ['an oversized body', () => post(pinBody({ title: 'x', note: 'y'.repeat(40_000) })), 413, 'body-too-large'],
      ['a text body', () => server.app.inject(asDevice(DEVICE_A, { method: 'POST', url: '/api/pins', headers: { 'content-type': 'text/plain' }, payload: 'hello' })), 415, 'unsupported-media-type'],
      ['a JSON array', () => post([1, 2]), 400, 'invalid-pin'],
      ['a title that is a number', () => post(pinBody({ title: 42 })), 400, 'invalid-pin'],
      ['a too long title', () => post(pinBody({ title: 't'.repeat(81) })), 400, 'invalid-pin'],
      ['an unknown theme', () => post(pinBody({ theme: 'parking' })), 400, 'invalid-pin'],
      ['a LineString', () => post({ ...pinBody(), geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] } }), 400, 'invalid-pin'],
      ['coordinates as text', () => post(pinBody({}, ['-2.25', '53.45'])), 400, 'invalid-pin'],
      ['a position outside every area', () => post(pinBody({}, [-1.5, 53.45])), 422, 'outside-areas'],
      ['no device token', () => server.app.inject({ method: 'POST', url: '/api/pins', payload: pinBody() }), 401, 'device-token-required'],
      ['a malformed device token', () => post(pinBody(), {}, 'short'), 400, 'invalid-device-token'],
      ['a malformed idempotency key', () => post(pinBody(), { 'idempotency-key': 'has space' }), 400, 'invalid-idempotency-key'],
    ];
    for (const [name, send, status, code] of cases) {
      it(`refuses ${name}`, async () => {
        const before = await server.storage.countPins();
        const res = await send();
        expect(res.statusCode).toBe(status);
        expect(res.json().error.code).toBe(code);
        expect(await server.storage.countPins()).toBe(before);
      });
    }

    it('points at the field that is wrong', async () => {
      const res = await post(pinBody({ title: 't'.repeat(81) }));
      expect(res.json().error.details).toEqual([expect.objectContaining({ path: 'properties.title', rule: 'invalid-title' })]);
    });

    it('validates list filters', async () => {
      for (const query of ['bbox=1,2,3', 'bbox=3,0,1,1', 'kind=wish', 'since=yesterday']) {
        const res = await server.app.inject({ url: `/api/pins?${query}` });
        expect(res.statusCode, query).toBe(400);
        expect(res.json().error.code).toBe('invalid-query');
      }
    });
  });

  it('stores one pin per idempotency key, even for concurrent retries', async () => {
    const headers = { 'idempotency-key': 'outbox-7f3a' };
    const responses = await Promise.all(Array.from({ length: 10 }, () => post(pinBody(), headers)));
    const ids = new Set(responses.map((r) => r.json().id));
    expect(ids.size).toBe(1);
    expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.statusCode === 200 && r.headers['idempotent-replayed'] === 'true')).toHaveLength(9);
    expect((await server.storage.listPins()).filter((p) => ids.has(p.id))).toHaveLength(1);
    const reused = await post(pinBody({ title: 'Something else' }), headers);
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe('idempotency-key-reused');
  });

  it('lets only the author edit or delete a pin, and re-validates edits', async () => {
    const id = (await post(pinBody())).json().id as string;
    const patchAs = (device: string, payload: object) => server.app.inject(asDevice(device, { method: 'PATCH', url: `/api/pins/${id}`, payload }));
    const other = await patchAs(DEVICE_B, { properties: { title: 'Hijacked' } });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('not-your-pin');
    expect((await server.app.inject(asDevice(DEVICE_B, { method: 'DELETE', url: `/api/pins/${id}` }))).statusCode).toBe(403);
    expect((await server.app.inject({ method: 'PATCH', url: `/api/pins/${id}`, payload: { properties: { title: 'x' } } })).statusCode).toBe(401);
    expect((await server.storage.getPin(id))?.properties.title).toBe('Dark underpass');

    expect((await patchAs(DEVICE_A, { properties: { title: '' } })).statusCode).toBe(400);
    expect((await patchAs(DEVICE_A, { geometry: { type: 'Point', coordinates: [5, 5] } })).json().error.code).toBe('outside-areas');
    const moved = await patchAs(DEVICE_A, { properties: { title: 'Lit underpass', sentiment: 'positive' }, geometry: { type: 'Point', coordinates: [-2.15, 53.45] } });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().properties).toMatchObject({ title: 'Lit underpass', sentiment: 'positive', area: 'east' });
    const cleared = await patchAs(DEVICE_A, { properties: { sentiment: null } });
    expect(cleared.json().properties.sentiment).toBeUndefined();

    expect((await server.app.inject(asDevice(DEVICE_A, { method: 'DELETE', url: `/api/pins/${id}` }))).statusCode).toBe(204);
    expect(await server.storage.getPin(id)).toBeNull();
    expect((await server.app.inject({ url: `/api/pins/${id}` })).statusCode).toBe(404);
  });

  it('counts support once per device and not from the author', async () => {
    const id = (await post(pinBody())).json().id as string;
    const support = (device: string) => server.app.inject(asDevice(device, { method: 'POST', url: `/api/pins/${id}/support` }));
    expect((await support(DEVICE_A)).json().error.code).toBe('own-pin');
    const first = await support(DEVICE_B);
    expect(first.json()).toMatchObject({ added: true, pin: { properties: { supports: 1 } } });
    const again = await support(DEVICE_B);
    expect(again.json()).toMatchObject({ added: false, pin: { properties: { supports: 1 } } });
  });

  it('withdraws a device\'s support, idempotently, and only for pins the device can see', async () => {
    const id = (await post(pinBody())).json().id as string;
    const support = (device: string) => server.app.inject(asDevice(device, { method: 'POST', url: `/api/pins/${id}/support` }));
    const withdraw = (device: string, pinId = id) => server.app.inject(asDevice(device, { method: 'DELETE', url: `/api/pins/${pinId}/support` }));
    await support(DEVICE_B);
    const removed = await withdraw(DEVICE_B);
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toMatchObject({ removed: true, pin: { id, properties: { supports: 0 } } });
    expect(removed.json().pin.properties.author).toBeUndefined();
    const again = await withdraw(DEVICE_B);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ removed: false, pin: { properties: { supports: 0 } } });
    // the author never supported their own pin, so there is nothing to take back
    expect((await withdraw(DEVICE_A)).json()).toMatchObject({ removed: false, pin: { properties: { supports: 0, mine: true } } });
    // another device's withdrawal leaves B's support alone
    await support(DEVICE_B);
    expect((await withdraw('device-c-0123456789abcdef')).json()).toMatchObject({ removed: false, pin: { properties: { supports: 1 } } });
    expect((await server.storage.getPin(id))?.properties.supports).toBe(1);

    expect((await server.app.inject({ method: 'DELETE', url: `/api/pins/${id}/support` })).json().error.code).toBe('device-token-required');
    const unknown = await withdraw(DEVICE_B, 'no-such-pin');
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'pin-not-found']);
    const token = await server.plannerToken();
    await server.app.inject({ method: 'POST', url: `/api/pins/${id}/hide`, headers: { authorization: `Bearer ${token}` }, payload: { reason: 'test' } });
    expect((await withdraw(DEVICE_B)).statusCode).toBe(404);
    expect((await server.storage.getPin(id))?.properties.supports).toBe(1);
  });

  it('marks only the asking device\'s pins as mine', async () => {
    await post(pinBody(), {}, DEVICE_A);
    const asB = (await server.app.inject(asDevice(DEVICE_B, { url: '/api/pins' }))).json();
    expect(asB.features.some((f: { properties: { mine?: boolean } }) => f.properties.mine)).toBe(false);
    const asA = (await server.app.inject(asDevice(DEVICE_A, { url: '/api/pins' }))).json();
    expect(asA.features.filter((f: { properties: { mine?: boolean } }) => f.properties.mine)).toHaveLength(1);
  });
});

describe('pin creation rate limits', () => {
  it('limits each device, then each address', async () => {
    const server = await startTestServer({ rateLimits: { pinsPerDevicePerMinute: 3, pinsPerAddressPerMinute: 5 } });
    try {
      // windows are aligned to the minute: start well inside one
      await awayFromWindowEdge(60_000);
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await server.app.inject(asDevice(DEVICE_A, { method: 'POST', url: '/api/pins', payload: pinBody() }))).statusCode);
      expect(statuses).toEqual([201, 201, 201, 429]);
      // a new token from the same address gets only what is left of the address budget (5 - 3 accepted)
      const fromB = [];
      for (let i = 0; i < 3; i++) fromB.push(await server.app.inject(asDevice(DEVICE_B, { method: 'POST', url: '/api/pins', payload: pinBody() })));
      expect(fromB.map((r) => r.statusCode)).toEqual([201, 201, 429]);
      expect(fromB[2]!.json().error.code).toBe('rate-limited');
      expect(Number(fromB[2]!.headers['retry-after'])).toBeGreaterThan(0);
      expect(await server.storage.countPins()).toBe(1 + 5);
    } finally {
      await server.close();
    }
  });
});
