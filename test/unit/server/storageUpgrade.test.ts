// a database made before consultations and versioned migrations opens with today's storage as one consultation, nothing lost.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createStorage } from '../../../src/server/storage/databaseStorage.ts';
import { openSqliteDialect } from '../../../src/server/storage/db/sqliteDialect.ts';
import { openPostgresStorage, openSqliteStorage } from '../../../src/server/storage/openStorage.ts';
import type { Storage } from '../../../src/server/storage/storage.ts';
import { legacyContent, writeLegacyPostgres, writeLegacySqlite } from '../../support/legacyDatabase.ts';
import { postgresSuite } from '../../support/postgresSuite.ts';
import { seedData } from './storageSuite.ts';

/** what every upgraded database must show; `open` opens the upgraded database again */
async function expectEverythingKept(storage: Storage, open: () => Promise<Storage>): Promise<void> {
  const content = legacyContent();
  // the legacy data is a consultation, so the seed (a new database's content) is not used
  const consultations = await storage.listConsultations();
  expect(consultations.map((c) => [c.slug, c.title, c.status, c.summary, c.opensAt, c.closesAt, c.settings, c.pins])).toEqual([
    ['consultation', 'Consultation', 'open', '', null, null, {}, 3],
  ]);
  const here = storage.consultation(consultations[0]!.id);
  expect(await here.getAreas()).toEqual(content.areas);
  expect(await here.getThemes()).toEqual(content.themes);

  // every pin, field by field, hidden state and reason too
  expect(await here.listPins({ includeHidden: true })).toEqual(content.pins);
  expect(await here.listPins()).toEqual(content.pins.filter((p) => !p.properties.hidden));
  for (const pin of content.pins) expect(await here.getPin(pin.id)).toEqual(pin);
  expect(await here.countPins()).toBe(4);

  // the idempotency key still answers with the stored pin, and still catches a different body
  const { keyed } = content;
  const again = content.pins.find((p) => p.id === keyed.pinId)!;
  expect(await here.createPin({ ...again, id: 'another-id' }, { key: keyed.key, fingerprint: keyed.fingerprint })).toEqual({ status: 'replayed', pin: again });
  expect((await here.createPin({ ...again, id: 'third-id' }, { key: keyed.key, fingerprint: 'changed' })).status).toBe('key-reused');

  // the audit log, in order, with its ids
  expect(await here.listAudit()).toEqual(content.audit);

  // the event log: same ids, same events; the hidden pin's creation is not replayed with its text
  expect(await here.latestEventId()).toBe(5);
  expect(await here.eventsAfter(0, 100)).toEqual(content.events.map((e) => (e.id === 3 ? { id: 3, event: null } : e)));

  // supports kept: a device that supported cannot support twice, and can take its support back
  const supported = content.supports[0]!;
  expect((await here.supportPin(supported.pinId, supported.supporter, '2031-01-01T00:00:00.000Z'))?.added).toBe(false);
  expect(await here.unsupportPin(supported.pinId, supported.supporter, '2031-01-01T00:00:01.000Z')).toMatchObject({ removed: true, pin: { properties: { supports: 1 } } });
  // a supported pin's supports go with it (the foreign key survived the upgrade)
  expect(await here.deletePin(supported.pinId)).toBe(true);

  // opening again migrates nothing and adds no consultation
  await storage.close();
  const reopened = await open();
  try {
    expect((await reopened.listConsultations()).map((c) => c.id)).toEqual([consultations[0]!.id]);
    expect(await reopened.consultation(consultations[0]!.id).countPins()).toBe(3);
  } finally {
    await reopened.close();
  }
}

describe('upgrading a SQLite database made before consultations', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coplan-upgrade-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps every area, theme, pin, support, audit entry and event, as one consultation', async () => {
    const file = path.join(dir, 'coplan.sqlite');
    writeLegacySqlite(file, legacyContent());
    const open = () => openSqliteStorage({ file, seed: seedData });
    await expectEverythingKept(await open(), open);
    // the deleted pin's remaining support went with it (every legacy support was on that pin)
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM supports').get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('upgrading a SQLite database made before staff accounts', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coplan-upgrade-staff-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps its consultations and pins, and gains the account tables', async () => {
    const file = path.join(dir, 'coplan.sqlite');
    const before = await createStorage(await openSqliteDialect(file, { upTo: '2026-12-01-0002-consultations' }), { seed: seedData });
    const [consultation] = await before.listConsultations();
    // counted, not read: today's pin reads name columns of later migrations (the answer's)
    expect(await before.consultation(consultation!.id).countPins()).toBe(1);
    const pins = seedData().consultations[0]!.pins;
    await expect(before.createUser({ email: 'ann@example.org', name: 'Ann', role: 'admin', passwordHash: null })).rejects.toThrow(/no such table: users/);
    await before.close();
    const after = await openSqliteStorage({ file, seed: seedData });
    try {
      expect(await after.listConsultations()).toEqual([consultation]);
      expect(await after.consultation(consultation!.id).listPins()).toEqual(pins);
      expect((await after.createUser({ email: 'ann@example.org', name: 'Ann', role: 'admin', passwordHash: null })).ok).toBe(true);
    } finally {
      await after.close();
    }
  });
});

describe('upgrading a PostgreSQL schema made before consultations', () => {
  const db = postgresSuite('t_upgrade');
  if (!db) return;

  it('keeps every area, theme, pin, support, audit entry and event, as one consultation, when three processes start at once', async () => {
    const schema = db.freshSchema();
    await writeLegacyPostgres(db.url, schema, legacyContent());
    const open = () => openPostgresStorage({ connectionString: db.url, schema, seed: seedData, poolSize: 2 });
    const [first, ...others] = await Promise.all([open(), open(), open()]);
    for (const other of others) expect((await other.listConsultations()).length).toBe(1);
    await Promise.all(others.map((s) => s.close()));
    await expectEverythingKept(first!, open);
  });
});
