// GET /api/pins for a city-wide map: a first page (limit + truncated) and the asking device's own pins (mine).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asDevice, DEVICE_A, DEVICE_B, pinBody, startTestServer } from '../../support/serverHarness.ts';
import type { TestServer } from '../../support/serverHarness.ts';

interface ListAnswer {
  type: string;
  truncated?: boolean;
  features: { id: string; properties: { mine?: boolean; kind: string } }[];
}

const WEST: [number, number] = [-2.25, 53.45];
const EAST: [number, number] = [-2.15, 53.45];
const WEST_BBOX = '-2.3,53.4,-2.2,53.5';

describe('listing pins with limit and mine', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ rateLimits: { pinsPerDevicePerMinute: 0, pinsPerAddressPerMinute: 0 } });
  });
  afterEach(() => server.close());

  const post = async (device: string, properties: Record<string, unknown> = {}, position = WEST) => {
    const res = await server.app.inject(asDevice(device, { method: 'POST', url: '/api/pins', payload: pinBody(properties, position) }));
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const list = async (query: string, device?: string, headers: Record<string, string> = {}) => {
    const options = { url: `/api/pins?${query}`, headers };
    const res = await server.app.inject(device ? asDevice(device, options) : options);
    return { status: res.statusCode, body: res.json() as ListAnswer & { error?: { code: string; message: string } } };
  };
  const ids = (answer: ListAnswer) => answer.features.map((f) => f.id);

  it('says which live event the pins were read at, so a stream opened from it misses nothing', async () => {
    // nothing has happened yet: the start of the log, from which a stream is replayed every event
    const fresh = await server.app.inject({ url: '/api/pins' });
    expect(fresh.headers['x-last-event-id']).toBe('0');
    expect(await server.storage.eventsAfter(0, 10)).toEqual([]);
    const first = await post(DEVICE_A);
    expect((await server.storage.eventsAfter(0, 10))?.map((e) => e.event && 'pin' in e.event && e.event.pin.id)).toEqual([first]);
    const before = await server.app.inject({ url: '/api/pins' });
    expect(before.headers['x-last-event-id']).toBe(String(await server.storage.latestEventId()));
    await post(DEVICE_A);
    const after = await server.app.inject({ url: '/api/pins?limit=10' });
    expect(Number(after.headers['x-last-event-id'])).toBe(Number(before.headers['x-last-event-id']) + 1);
  });

  it('refuses a limit that is not a whole number from 1 to 10000', async () => {
    for (const limit of ['0', '10001', '-1', '1.5', '1e3', 'all', '']) {
      const { status, body } = await list(`limit=${limit}`);
      expect(status, limit).toBe(400);
      expect(body.error?.code).toBe('invalid-query');
      expect(JSON.stringify(body.error)).toContain('limit must be a whole number from 1 to 10000');
    }
    expect((await list('limit=1')).status).toBe(200);
    expect((await list('limit=10000')).status).toBe(200);
  });

  it('gives the first pins up to the limit and says whether more match', async () => {
    const a = await post(DEVICE_A);
    const b = await post(DEVICE_B);
    const all = (await list('')).body;
    // without a limit: one default page, never everything (attackReads.test.ts checks the bound)
    expect(all.truncated).toBe(false);
    expect(ids(all)).toHaveLength(3);

    const cut = (await list('limit=2')).body;
    expect(cut.type).toBe('FeatureCollection');
    expect(cut.truncated).toBe(true);
    // the same order as without a limit: creation time, then id
    expect(ids(cut)).toEqual(ids(all).slice(0, 2));
    expect(ids(cut)[0]).toBe('seeded-1');

    for (const limit of [3, 4]) {
      const whole = (await list(`limit=${limit}`)).body;
      expect(whole.truncated, `limit=${limit}`).toBe(false);
      expect(ids(whole).sort()).toEqual(['seeded-1', a, b].sort());
    }
  });

  it('lists only the asking device\'s pins with mine=true, and needs a device token for it', async () => {
    const a1 = await post(DEVICE_A);
    const a2 = await post(DEVICE_A, {}, EAST);
    await post(DEVICE_B);

    const anonymous = await list('mine=true');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error?.code).toBe('device-token-required');
    expect((await list('mine=yes', DEVICE_A)).body.error?.code).toBe('invalid-query');

    const mineA = (await list('mine=true', DEVICE_A)).body;
    expect(ids(mineA).sort()).toEqual([a1, a2].sort());
    expect(mineA.features.every((f) => f.properties.mine === true)).toBe(true);
    expect(ids((await list('mine=false')).body)).toHaveLength(4);
    expect(ids((await list('mine=true', 'device-c-0123456789abcdef')).body)).toEqual([]);
  });

  it('leaves out the device\'s own hidden pins, except for a planner who asks for hidden pins', async () => {
    const shown = await post(DEVICE_A);
    const hidden = await post(DEVICE_A, { title: 'Names a neighbour' });
    const token = await server.plannerToken();
    const planner = { authorization: `Bearer ${token}` };
    await server.app.inject({ method: 'POST', url: `/api/pins/${hidden}/hide`, headers: planner, payload: { reason: 'personal data' } });

    expect(ids((await list('mine=true', DEVICE_A)).body)).toEqual([shown]);
    expect(ids((await list('mine=true&includeHidden=true', DEVICE_A)).body)).toEqual([shown]);
    expect(ids((await list('mine=true&includeHidden=true', DEVICE_A, planner)).body).sort()).toEqual([shown, hidden].sort());
  });

  it('combines mine with bbox, kind, theme, since and limit', async () => {
    const westPriority = await post(DEVICE_A, { kind: 'priority' });
    const westAsset = await post(DEVICE_A, { kind: 'asset', theme: 'green' });
    await post(DEVICE_A, { kind: 'priority' }, EAST);
    await post(DEVICE_B, { kind: 'priority' });

    expect(ids((await list(`mine=true&bbox=${WEST_BBOX}`, DEVICE_A)).body).sort()).toEqual([westPriority, westAsset].sort());
    expect(ids((await list(`mine=true&bbox=${WEST_BBOX}&kind=priority`, DEVICE_A)).body)).toEqual([westPriority]);
    expect(ids((await list(`mine=true&bbox=${WEST_BBOX}&theme=green`, DEVICE_A)).body)).toEqual([westAsset]);
    expect(ids((await list(`mine=true&since=2020-01-01T00:00:00Z&bbox=${WEST_BBOX}`, DEVICE_A)).body)).toHaveLength(2);
    expect(ids((await list(`mine=true&since=2999-01-01T00:00:00Z`, DEVICE_A)).body)).toEqual([]);

    const first = (await list(`mine=true&bbox=${WEST_BBOX}&limit=1`, DEVICE_A)).body;
    expect(first.truncated).toBe(true);
    expect(ids(first)).toHaveLength(1);
    const both = (await list(`mine=true&bbox=${WEST_BBOX}&limit=2`, DEVICE_A)).body;
    expect(both.truncated).toBe(false);
    // a viewport page for everyone: bbox and limit without mine
    const viewport = (await list(`bbox=${WEST_BBOX}&limit=3`)).body;
    expect([ids(viewport).length, viewport.truncated]).toEqual([3, true]);
    expect(ids((await list(`bbox=${WEST_BBOX}&limit=4`)).body)).toHaveLength(4);
  });
});
