// point 5 of issue 11: every write is rate-limited (edits, deletes, withdrawn supports, moderation), and a flood in one
// consultation is capped per consultation, so it cannot fill the shared event log (the replay window) for the others.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openSqliteStorage } from '../../../src/server/storage/openStorage.ts';
import { testConsultation } from '../../support/serverFixtures.ts';
import { asDevice, DEVICE_A, DEVICE_B, deviceToken, pinBody, startTestServer } from '../../support/serverHarness.ts';
import type { TestServer } from '../../support/serverHarness.ts';

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

// WARNING: tests here wait up to 15 s to keep clear of a minute boundary: a 30 s timeout, not the default 10 s
vi.setConfig({ testTimeout: 30_000 });

async function awayFromMinuteEdge(): Promise<void> {
  const into = Date.now() % 60_000;
  if (into > 45_000) await new Promise((r) => setTimeout(r, 60_000 - into + 50));
}

const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

describe('write floods', () => {
  it('edits, withdrawn supports and deletes by one device share a limit of 60 a minute', async () => {
    server = await startTestServer();
    const app: FastifyInstance = server.app;
    await awayFromMinuteEdge();
    const own = (await app.inject(asDevice(DEVICE_A, { method: 'POST', url: '/api/pins', payload: pinBody() }))).json().id;
    const theirs = (await app.inject(asDevice(DEVICE_B, { method: 'POST', url: '/api/pins', payload: pinBody() }))).json().id;
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++) statuses.push((await app.inject(asDevice(DEVICE_A, { method: 'PATCH', url: `/api/pins/${own}`, payload: { properties: { title: `edit ${i}` } } }))).statusCode);
    for (let i = 0; i < 30; i++) statuses.push((await app.inject(asDevice(DEVICE_A, { method: 'DELETE', url: `/api/pins/${theirs}/support` }))).statusCode);
    const deleted = (await app.inject(asDevice(DEVICE_A, { method: 'DELETE', url: `/api/pins/${own}` }))).statusCode;
    console.log(`one device, 80 changes in a minute: ${count(statuses, 200)} accepted, ${count(statuses, 429)} refused; then delete: ${deleted}`);
    expect(count(statuses, 200)).toBe(60);
    expect(count(statuses, 429)).toBe(20);
    expect(deleted).toBe(429);
    // nothing of the refused edits was written
    expect((await server.storage.getPin(own))?.properties.title).toBe('edit 49');
  });

  it('moderation is limited per staff account', async () => {
    server = await startTestServer({ rateLimits: { staffWritesPerMinute: 10 } });
    await awayFromMinuteEdge();
    const token = await server.plannerToken();
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) {
      statuses.push((await server.app.inject({ method: 'POST', url: `/api/pins/seeded-1/${i % 2 ? 'restore' : 'hide'}`, headers: { authorization: `Bearer ${token}` }, payload: { reason: 'flood' } })).statusCode);
    }
    console.log(`one planner, 15 moderation actions: ${count(statuses, 200)} accepted, ${count(statuses, 429)} refused`);
    expect(statuses).toEqual([...Array(10).fill(200), ...Array(5).fill(429)]);
  });

  it('a flood from many devices and addresses is capped per consultation; another consultation keeps working', async () => {
    const storage = await openSqliteStorage({ file: ':memory:', seed: () => ({ consultations: [testConsultation({ slug: 'flooded' }), testConsultation({ slug: 'quiet' })] }) });
    server = await startTestServer({ storage, rateLimits: { writesPerConsultationPerMinute: 40 } });
    await awayFromMinuteEdge();
    const before = (await server.storage.latestEventId()) ?? 0;
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++) {
      const res = await server.app.inject({ method: 'POST', url: '/api/consultations/flooded/pins', headers: { 'x-device-token': deviceToken(`flood-device-${i}`) }, payload: pinBody(), remoteAddress: `10.0.${Math.floor(i / 250)}.${i % 250}` });
      statuses.push(res.statusCode);
    }
    const logged = ((await server.storage.latestEventId()) ?? 0) - before;
    console.log(`100 devices on 100 addresses flooding one consultation: ${count(statuses, 201)} pins accepted, ${logged} events logged`);
    expect(count(statuses, 201)).toBe(40);
    expect(logged).toBe(40);
    const quiet = await server.app.inject({ method: 'POST', url: '/api/consultations/quiet/pins', headers: { 'x-device-token': DEVICE_A }, payload: pinBody() });
    expect(quiet.statusCode).toBe(201);
  });
});
