import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asDevice, DEVICE_A, pinBody, startTestServer } from '../../support/serverHarness.ts';
import type { TestServer } from '../../support/serverHarness.ts';

describe('GET /api/aggregates/areas', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ rateLimits: { pinsPerDevicePerMinute: 0 } });
  });
  afterEach(() => server.close());
  const post = (props: Record<string, unknown>, position: [number, number]) =>
    server.app.inject(asDevice(DEVICE_A, { method: 'POST', url: '/api/pins', payload: pinBody(props, position) }));

  it('counts visible pins per area, by kind and theme, leaving hidden pins out', async () => {
    await post({ kind: 'priority', theme: 'safety' }, [-2.15, 53.45]);
    await post({ kind: 'asset', theme: 'green' }, [-2.15, 53.46]);
    const hidden = (await post({ kind: 'asset', theme: 'green' }, [-2.15, 53.47])).json().id;
    const token = await server.plannerToken();
    await server.app.inject({ method: 'POST', url: `/api/pins/${hidden}/hide`, headers: { authorization: `Bearer ${token}` }, payload: { reason: 'spam' } });

    const res = await server.app.inject({ url: '/api/aggregates/areas' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const east = body.features.find((f: { id: string }) => f.id === 'east');
    expect(east.properties.counts).toMatchObject({ total: 2, asset: 1, priority: 1 });
    // the seeded pin is the one in the west
    expect(body.features.find((f: { id: string }) => f.id === 'west').properties.counts.total).toBe(1);
    expect(body.outside).toBe(0);

    const priorities = (await server.app.inject({ url: '/api/aggregates/areas?kind=priority' })).json();
    expect(priorities.features.find((f: { id: string }) => f.id === 'east').properties.counts.total).toBe(1);
    const suppressed = (await server.app.inject({ url: '/api/aggregates/areas?minCount=5' })).json();
    expect(suppressed.features.find((f: { id: string }) => f.id === 'east').properties.counts.total).toEqual({ suppressed: true, lessThan: 5 });
  });

  it('counts one workshop session, or the pins made online, with session=', async () => {
    await post({ kind: 'priority', theme: 'safety', sessionId: 'hall-1' }, [-2.15, 53.45]);
    await post({ kind: 'asset', theme: 'green', sessionId: 'hall-1' }, [-2.15, 53.46]);
    await post({ kind: 'asset', theme: 'green' }, [-2.15, 53.47]);
    const total = async (url: string) =>
      (await server.app.inject({ url })).json().features.find((f: { id: string }) => f.id === 'east').properties.counts.total;
    expect(await total('/api/aggregates/areas?session=hall-1')).toBe(2);
    expect(await total('/api/aggregates/areas?session=')).toBe(1);
    expect(await total('/api/aggregates/areas?session=no-such')).toBe(0);
    expect(await total('/api/aggregates/areas')).toBe(3);
  });

  it('refuses bad options', async () => {
    const res = await server.app.inject({ url: '/api/aggregates/areas?minCount=lots' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid-query');
  });
});
