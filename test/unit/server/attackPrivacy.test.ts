// point 11 of issue 11: privacy by default. A deleted pin's text leaves the event log at once (SQLite and PostgreSQL);
// author hashes are keyed with the server secret, and pins stored under the old unkeyed hash stay their device's;
// the request log keeps no client address unless asked to.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { authorOf, legacyAuthorOf } from '../../../src/server/auth.ts';
import { requestLogger } from '../../../src/server/requestLog.ts';
import { openPostgresStorage, openSqliteStorage } from '../../../src/server/storage/openStorage.ts';
import { postgresSuite } from '../../support/postgresSuite.ts';
import { testPin } from '../../support/serverFixtures.ts';
import { asDevice, DEVICE_A, pinBody, seed, startTestServer, TEST_SECRET } from '../../support/serverHarness.ts';
import type { TestServer } from '../../support/serverHarness.ts';

const SECRET_TEXT = 'My neighbour at number 12 leaves bins out';

/** makes a pin with SECRET_TEXT, edits it, deletes it; returns every logged payload afterwards */
async function deleteAndReadLog(server: TestServer, payloads: () => Promise<string[]>): Promise<string[]> {
  const made = (await server.app.inject(asDevice(DEVICE_A, { method: 'POST', url: '/api/pins', payload: pinBody({ title: SECRET_TEXT }) }))).json();
  await server.app.inject(asDevice(DEVICE_A, { method: 'PATCH', url: `/api/pins/${made.id}`, payload: { properties: { note: `${SECRET_TEXT}, again` } } }));
  expect((await payloads()).some((p) => p.includes(SECRET_TEXT))).toBe(true);
  expect((await server.app.inject(asDevice(DEVICE_A, { method: 'DELETE', url: `/api/pins/${made.id}` }))).statusCode).toBe(204);
  const after = await payloads();
  console.log(`event log after deleting the pin: ${after.filter((p) => p.includes(SECRET_TEXT)).length} of ${after.length} payloads still hold its text`);
  return after;
}

describe('privacy by default', () => {
  it('SQLite: a deleted pin leaves no text in the event log', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coplan-privacy-'));
    const file = path.join(dir, 'coplan.sqlite');
    const server = await startTestServer({ storage: await openSqliteStorage({ file, seed }) });
    const reader = new Database(file, { readonly: true });
    try {
      const after = await deleteAndReadLog(server, async () => (reader.prepare('SELECT payload FROM events').all() as { payload: string }[]).map((r) => r.payload));
      expect(after.filter((p) => p.includes(SECRET_TEXT))).toEqual([]);
      expect(after.length).toBeGreaterThanOrEqual(3);
    } finally {
      reader.close();
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('PostgreSQL', () => {
    const db = postgresSuite('t_attack_privacy');
    if (!db) return;
    it('a deleted pin leaves no text in the event log', async () => {
      const schema = db.freshSchema();
      const server = await startTestServer({ storage: await openPostgresStorage({ connectionString: db.url, schema, seed }) });
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        const after = await deleteAndReadLog(server, async () => (await client.query<{ payload: string }>(`SELECT payload FROM ${schema}.events`)).rows.map((r) => r.payload));
        expect(after.filter((p) => p.includes(SECRET_TEXT))).toEqual([]);
      } finally {
        await client.end();
        await server.close();
      }
    });
  });

  it('stores a keyed author hash; a pin under the old unkeyed hash stays its device\'s, before and after the device is signed', async () => {
    const oldId = 'older-browser-0123456789';
    const legacyPin = testPin({ id: 'legacy-pin', author: legacyAuthorOf(oldId) });
    const server = await startTestServer({ storage: await openSqliteStorage({ file: ':memory:', seed: () => ({ consultations: [{ ...seed().consultations[0]!, pins: [legacyPin] }] }) }) });
    try {
      const made = (await server.app.inject(asDevice(DEVICE_A, { method: 'POST', url: '/api/pins', payload: pinBody() }))).json();
      const stored = (await server.storage.getPin(made.id))!.properties.author;
      expect(stored).toBe(authorOf('device-a-0123456789abcdef', TEST_SECRET));
      expect(stored).not.toBe(legacyAuthorOf('device-a-0123456789abcdef'));
      // the old bare token still edits its pin and sees it as its own
      const edit = await server.app.inject(asDevice(oldId, { method: 'PATCH', url: '/api/pins/legacy-pin', payload: { properties: { title: 'Edited by its author' } } }));
      expect(edit.statusCode).toBe(200);
      expect(edit.json().properties.mine).toBe(true);
      // but it cannot support: a made-up bare token costs nothing
      expect((await server.app.inject(asDevice(oldId, { method: 'POST', url: `/api/pins/${made.id}/support` }))).json().error.code).toBe('device-token-unsigned');
      // signing it keeps the pin its own, now under the keyed hash
      const signed = (await server.app.inject({ method: 'POST', url: '/api/device', payload: { previous: oldId } })).json().token;
      expect((await server.storage.getPin('legacy-pin'))!.properties.author).toBe(authorOf(oldId, TEST_SECRET));
      const mine = (await server.app.inject(asDevice(signed, { url: '/api/pins?mine=true' }))).json();
      expect(mine.features.map((f: { id: string }) => f.id)).toEqual(['legacy-pin']);
      expect((await server.app.inject(asDevice(signed, { method: 'POST', url: `/api/pins/${made.id}/support` }))).statusCode).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('the request log keeps no client address unless LOG_ADDRESSES=1', () => {
    const request = { method: 'GET', url: '/api/pins?theme=safety', ip: '203.0.113.5' } as never;
    expect(requestLogger(false).serializers.req(request)).toEqual({ method: 'GET', url: '/api/pins' });
    expect(requestLogger(true).serializers.req(request)).toEqual({ method: 'GET', url: '/api/pins', remoteAddress: '203.0.113.5' });
  });
});
