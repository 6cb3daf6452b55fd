// staff-entered text follows the same control-character rule as residents' pins: a moderation reason, a consultation's
// title, summary and settings, a template's title, a staff member's name are refused with 400 naming the field, never
// a 500 (PostgreSQL text cannot hold U+0000), and nothing is stored.
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStorage, openSqliteStorage } from '../../../src/server/storage/openStorage.ts';
import type { Storage } from '../../../src/server/storage/storage.ts';
import { postgresSuite } from '../../support/postgresSuite.ts';
import { asDevice, DEVICE_A, pinBody, seed, startTestServer } from '../../support/serverHarness.ts';
import type { TestServer } from '../../support/serverHarness.ts';
import { testAreas, testThemes } from '../../support/serverFixtures.ts';

const BAD = 'Park\u0000plan';

function contract(open: () => Promise<Storage>): void {
  let server: TestServer;
  let admin = '';
  let slug = '';
  let pinId = '';
  beforeAll(async () => {
    server = await startTestServer({ storage: await open() });
    admin = await server.plannerToken();
    slug = (await server.database.listConsultations())[0]!.slug;
    pinId = (await server.app.inject(asDevice(DEVICE_A, { method: 'POST', url: `/api/consultations/${slug}/pins`, payload: pinBody() }))).json().id;
  });
  afterAll(async () => server.close());
  const asAdmin = (o: InjectOptions): InjectOptions => ({ ...o, headers: { authorization: `Bearer ${admin}` } });
  const template = { format: 'coplan-consultation-template', version: 1, title: BAD, areas: testAreas(), themes: testThemes() };

  it.each([
    ['a moderation reason', () => ({ method: 'POST', url: `/api/consultations/${slug}/pins/${pinId}/hide`, payload: { reason: BAD } }), 'reason'],
    ['a consultation title', () => ({ method: 'PATCH', url: `/api/consultations/${slug}`, payload: { title: BAD } }), 'title'],
    ['a consultation summary', () => ({ method: 'PATCH', url: `/api/consultations/${slug}`, payload: { summary: 'a\u001bb' } }), 'summary'],
    ['a privacy notice', () => ({ method: 'PATCH', url: `/api/consultations/${slug}`, payload: { settings: { privacyNotice: BAD } } }), 'settings.privacyNotice'],
    ['a new consultation', () => ({ method: 'POST', url: '/api/consultations', payload: { slug: 'bad-text', title: BAD } }), 'title'],
    ["a template's title", () => ({ method: 'POST', url: '/api/consultations', payload: { slug: 'bad-template', title: 'Fine', template } }), 'template.title'],
    ['a staff name', () => ({ method: 'POST', url: '/api/users', payload: { email: 'x@coplan.test', name: BAD } }), 'name'],
  ] as [string, () => InjectOptions, string][])('refuses %s with a NUL, naming it, storing nothing', async (_what, request, path) => {
    const before = JSON.stringify([await server.database.listConsultations(), await server.database.listUsers(), await server.storage.getPin(pinId)]);
    const res = await server.app.inject(asAdmin(request()));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(res.body).toMatch(/U\+0000|U\+001B/);
    expect(JSON.stringify([await server.database.listConsultations(), await server.database.listUsers(), await server.storage.getPin(pinId)])).toBe(before);
  });
}

describe('on SQLite', () => contract(() => openSqliteStorage({ file: ':memory:', seed })));
describe('on PostgreSQL', () => {
  const db = postgresSuite('t_ctlstaff');
  if (!db) return;
  contract(() => openPostgresStorage({ connectionString: db.url, schema: db.freshSchema(), seed, poolSize: 3 }));
});
