// PUT /api/areas is all-or-nothing: a refused replacement leaves every pin's area and the areas as they were,
// including the pins the new boundaries would have moved to another area.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asDevice, DEVICE_A, DEVICE_B, pinBody, startTestServer, type TestServer } from '../../support/serverHarness.ts';

const square = (id: string, x0: number, y0: number, x1: number, y1: number) => ({
  type: 'Feature',
  id,
  properties: { id, name: id.toUpperCase() },
  geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] },
});

// the test server's areas are west [-2.3, -2.2] and east [-2.2, -2.1], latitude 53.4-53.5. The new ones have new
// ids, move the shared edge west to -2.22, and stop at latitude 53.48.
const moved = { type: 'FeatureCollection', features: [square('w2', -2.3, 53.4, -2.22, 53.48), square('e2', -2.22, 53.4, -2.1, 53.48)] };
const movedAndTaller = { type: 'FeatureCollection', features: [square('w2', -2.3, 53.4, -2.22, 53.5), square('e2', -2.22, 53.4, -2.1, 53.5)] };

describe('PUT /api/areas refused', () => {
  let server: TestServer;
  let token: string;
  const ids: Record<string, string> = {};
  beforeEach(async () => {
    server = await startTestServer();
    token = await server.plannerToken();
    const post = async (device: string, position: [number, number]) => {
      const res = await server.app.inject(asDevice(device, { method: 'POST', url: '/api/pins', payload: pinBody({}, position) }));
      expect(res.statusCode).toBe(201);
      return res.json().id as string;
    };
    ids.stays = await post(DEVICE_A, [-2.25, 53.45]); // west -> w2
    ids.crosses = await post(DEVICE_A, [-2.21, 53.45]); // west -> e2: the moved edge puts it in the other area
    ids.east = await post(DEVICE_B, [-2.15, 53.45]); // east -> e2
    ids.outside = await post(DEVICE_B, [-2.15, 53.49]); // east -> in no new area
  });
  afterEach(() => server.close());

  const put = (payload: object) => server.app.inject({ method: 'PUT', url: '/api/areas', headers: { authorization: `Bearer ${token}` }, payload });
  const pinAreas = async () => {
    const res = await server.app.inject({ url: '/api/pins' });
    expect(res.statusCode).toBe(200);
    const features = res.json().features as { id: string; properties: { area: string } }[];
    return Object.fromEntries(features.map((f) => [f.id, f.properties.area]));
  };

  it('leaves every pin in its area, moved or not, and the areas unchanged, when one pin would fall outside', async () => {
    const before = await pinAreas();
    expect(Object.keys(before)).toHaveLength(5); // the four above and the seeded one
    expect([before[ids.stays!], before[ids.crosses!], before[ids.east!], before[ids.outside!]]).toEqual(['west', 'west', 'east', 'east']);
    const areasBefore = (await server.app.inject({ url: '/api/areas' })).json();

    const refused = await put(moved);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'pins-outside-areas', details: { count: 1, pins: [ids.outside] } });

    expect(await pinAreas()).toEqual(before);
    expect((await server.app.inject({ url: '/api/areas' })).json()).toEqual(areasBefore);
  });

  it('(the control) does move every pin when no pin falls outside, so the refusal above had pins to move', async () => {
    const done = await put(movedAndTaller);
    expect(done.statusCode).toBe(200);
    const after = await pinAreas();
    expect([after[ids.stays!], after[ids.crosses!], after[ids.east!], after[ids.outside!]]).toEqual(['w2', 'e2', 'e2', 'e2']);
  });
});
