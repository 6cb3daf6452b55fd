// what must never leave the server, checked over every route and live event that carries a pin, on both databases:
// the author hash and the device token; and the text of a pin once it is hidden.
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorOf } from '../../../src/server/auth.ts';
import { openPostgresStorage, openSqliteStorage } from '../../../src/server/storage/openStorage.ts';
import type { Storage } from '../../../src/server/storage/storage.ts';
import { postgresSuite } from '../../support/postgresSuite.ts';
import { asDevice, DEVICE_A, DEVICE_A_ID, DEVICE_B, DEVICE_B_ID, pinBody, seed, startTestServer, TEST_SECRET } from '../../support/serverHarness.ts';
import type { TestServer } from '../../support/serverHarness.ts';
import { connectSse } from '../../support/sseClient.ts';
import type { SseClient } from '../../support/sseClient.ts';

// the ids too: the signed tokens start with them
const SECRETS = [DEVICE_A_ID, DEVICE_B_ID, authorOf(DEVICE_A_ID, TEST_SECRET), authorOf(DEVICE_B_ID, TEST_SECRET)];

function invariants(open: () => Promise<Storage>): void {
  let server: TestServer;
  let base = '';
  let planner = '';
  let slug = '';
  beforeAll(async () => {
    server = await startTestServer({ storage: await open() });
    slug = (await server.database.listConsultations())[0]!.slug;
    base = await server.app.listen({ port: 0, host: '127.0.0.1' });
    planner = await server.plannerToken();
  });
  afterAll(async () => server.close());
  const asStaff = (options: InjectOptions): InjectOptions => ({ ...options, headers: { authorization: `Bearer ${planner}` } });

  it('no answer and no live or replayed event carries an author hash or a device token', async () => {
    const planners = await connectSse(`${base}/api/events`, { authorization: `Bearer ${planner}` });
    const residents = await connectSse(`${base}/api/events`);
    const bodies: [string, string][] = [];
    const call = async (name: string, options: InjectOptions) => {
      const res = await server.app.inject(options);
      expect(res.statusCode, `${name}: ${res.body}`).toBeLessThan(300);
      bodies.push([name, res.body]);
      return res;
    };
    const id = (await call('create', asDevice(DEVICE_A, { method: 'POST', url: '/api/pins', payload: pinBody({ title: 'Bench by the pond' }) }))).json().id as string;
    await call('create (scoped)', asDevice(DEVICE_A, { method: 'POST', url: `/api/consultations/${slug}/pins`, payload: pinBody({ title: 'Scoped' }) }));
    await call('read', asDevice(DEVICE_A, { url: `/api/pins/${id}` }));
    await call('list', asDevice(DEVICE_A, { url: '/api/pins' }));
    await call('list mine', asDevice(DEVICE_A, { url: '/api/pins?mine=true&limit=10' }));
    await call('edit', asDevice(DEVICE_A, { method: 'PATCH', url: `/api/pins/${id}`, payload: { properties: { title: 'Bench by the big pond' } } }));
    await call('support', asDevice(DEVICE_B, { method: 'POST', url: `/api/pins/${id}/support` }));
    await call('withdraw', asDevice(DEVICE_B, { method: 'DELETE', url: `/api/pins/${id}/support` }));
    await call('hide', asStaff({ method: 'POST', url: `/api/pins/${id}/hide`, payload: { reason: 'test' } }));
    await call('list as planner', asStaff({ url: '/api/pins?includeHidden=true' }));
    await call('restore', asStaff({ method: 'POST', url: `/api/pins/${id}/restore`, payload: { reason: 'test' } }));
    await call('export GeoJSON', asStaff({ url: '/api/export/pins.geojson' }));
    await call('export CSV', asStaff({ url: '/api/export/pins.csv' }));
    await call('aggregates', asStaff({ url: '/api/aggregates/planner' }));
    await call('audit', asStaff({ url: '/api/audit' }));
    await residents.waitFor((e) => e.event === 'pin-restored');
    await planners.waitFor((e) => e.event === 'pin-restored');
    const replay = await connectSse(`${base}/api/events?lastEventId=0`, { authorization: `Bearer ${planner}` });
    await replay.waitFor((e) => e.event === 'ready');
    for (const stream of [planners, residents, replay]) {
      bodies.push(['live events', stream.raw()]);
      stream.close();
    }
    for (const [name, body] of bodies) for (const secret of SECRETS) expect(body, `${name} leaks ${secret}`).not.toContain(secret);
    // the check can fail: the stored pin does carry the author hash
    expect((await server.storage.getPin(id))?.properties.author).toBe(authorOf(DEVICE_A_ID, TEST_SECRET));
  });

  it("once a pin is hidden, neither its author's edits nor others' supports send its text to residents", async () => {
    const id = (await server.app.inject(asDevice(DEVICE_A, { method: 'POST', url: '/api/pins', payload: pinBody({ title: 'Names a neighbour' }) }))).json().id as string;
    await server.app.inject(asStaff({ method: 'POST', url: `/api/pins/${id}/hide`, payload: { reason: 'personal details' } }));
    const residents: SseClient = await connectSse(`${base}/api/events`);
    await residents.waitFor((e) => e.event === 'ready');
    const edit = await server.app.inject(asDevice(DEVICE_A, { method: 'PATCH', url: `/api/pins/${id}`, payload: { properties: { title: 'Still names them', note: 'and more' } } }));
    expect(edit.statusCode).toBe(200);
    await server.app.inject(asDevice(DEVICE_B, { method: 'POST', url: `/api/pins/${id}/support` }));
    await server.app.inject(asDevice(DEVICE_B, { method: 'DELETE', url: `/api/pins/${id}/support` }));
    // a marker after the hidden pin's changes: once it arrives, anything they sent would have arrived before it
    const marker = (await server.app.inject(asDevice(DEVICE_B, { method: 'POST', url: '/api/pins', payload: pinBody({ title: 'Marker' }) }))).json().id as string;
    await residents.waitFor((e) => e.event === 'pin-created' && (e.data as { pin: { id: string } }).pin.id === marker);
    const replay = await connectSse(`${base}/api/events?lastEventId=0`);
    await replay.waitFor((e) => e.event === 'ready');
    for (const text of [residents.raw(), replay.raw()]) {
      expect(text).not.toContain('names a neighbour');
      expect(text).not.toContain('Names a neighbour');
      expect(text).not.toContain('Still names them');
      expect(text).toContain('Marker');
    }
    residents.close();
    replay.close();
  });
}

describe('on SQLite', () => invariants(() => openSqliteStorage({ file: ':memory:', seed })));

describe('on PostgreSQL', () => {
  const db = postgresSuite('t_privacy');
  if (!db) return;
  invariants(() => openPostgresStorage({ connectionString: db.url, schema: db.freshSchema(), seed, poolSize: 4 }));
});
