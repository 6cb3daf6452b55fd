// migration 2026-12-01-0004-server-secret: a database from before it keeps its supports (their address unknown) and
// gets one server secret, made once and then kept, also when several PostgreSQL processes start together.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createStorage } from '../../../src/server/storage/databaseStorage.ts';
import { openPostgresDialect } from '../../../src/server/storage/db/postgresDialect.ts';
import { openSqliteDialect } from '../../../src/server/storage/db/sqliteDialect.ts';
import { openPostgresStorage, openSqliteStorage } from '../../../src/server/storage/openStorage.ts';
import type { Storage } from '../../../src/server/storage/storage.ts';
import { postgresSuite } from '../../support/postgresSuite.ts';
import { seedData } from './storageSuite.ts';

const BEFORE = '2026-12-01-0003-staff-accounts';
let made = 0;
const generate = () => `secret-${++made}-${Math.random().toString(36).slice(2)}`;

/** the old database's one pin, supported once (written with the old columns) */
async function pinOf(storage: Storage): Promise<{ consultationId: string; pinId: string }> {
  const [consultation] = await storage.listConsultations();
  // counted, not read: today's pin reads name columns of later migrations (the answer's)
  expect(await storage.consultation(consultation!.id).countPins()).toBe(1);
  return { consultationId: consultation!.id, pinId: seedData().consultations[0]!.pins[0]!.id };
}

async function expectUpgraded(after: Storage, ids: { consultationId: string; pinId: string }): Promise<void> {
  const here = after.consultation(ids.consultationId);
  expect(await here.supportReport(ids.pinId)).toEqual({ supports: 1, byAddress: [{ addressHash: null, supports: 1 }] });
  // the old support still counts once: the same supporter cannot add a second
  expect((await here.supportPin(ids.pinId, 'old-supporter', '2031-01-01T00:00:00.000Z', 'abc'))?.added).toBe(false);
  expect((await here.supportPin(ids.pinId, 'new-supporter', '2031-01-01T00:00:00.000Z', 'abc'))?.added).toBe(true);
  const secret = await after.serverSecret(generate);
  expect(await after.serverSecret(generate)).toBe(secret);
}

describe('upgrading a SQLite database made before the server secret', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coplan-upgrade-secret-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps its supports and makes one secret that later starts keep', async () => {
    const file = path.join(dir, 'coplan.sqlite');
    const before = await createStorage(await openSqliteDialect(file, { upTo: BEFORE }), { seed: seedData });
    const ids = await pinOf(before);
    await before.close();
    const raw = new Database(file);
    raw.prepare('INSERT INTO supports (pin_id, supporter, at) VALUES (?, ?, ?)').run(ids.pinId, 'old-supporter', '2030-01-01T00:00:00.000Z');
    raw.prepare('UPDATE pins SET supports = 1 WHERE id = ?').run(ids.pinId);
    raw.close();

    const after = await openSqliteStorage({ file, seed: seedData });
    const secret = await after.serverSecret(generate);
    try {
      await expectUpgraded(after, ids);
    } finally {
      await after.close();
    }
    const again = await openSqliteStorage({ file, seed: seedData });
    try {
      expect(await again.serverSecret(generate)).toBe(secret);
    } finally {
      await again.close();
    }
  });
});

describe('upgrading a PostgreSQL schema made before the server secret', () => {
  const db = postgresSuite('t_upgrade_secret');
  if (!db) return;

  it('keeps its supports, and three processes starting at once share one secret', async () => {
    const schema = db.freshSchema();
    const before = await createStorage(await openPostgresDialect({ connectionString: db.url, schema, upTo: BEFORE }), { seed: seedData });
    const ids = await pinOf(before);
    await before.close();
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(`INSERT INTO ${schema}.supports (pin_id, supporter, at) VALUES ($1, 'old-supporter', '2030-01-01T00:00:00.000Z')`, [ids.pinId]);
    await client.query(`UPDATE ${schema}.pins SET supports = 1 WHERE id = $1`, [ids.pinId]);
    await client.end();

    const open = () => openPostgresStorage({ connectionString: db.url, schema, seed: seedData, poolSize: 2 });
    const all = await Promise.all([open(), open(), open()]);
    try {
      const secrets = await Promise.all(all.map((s) => s.serverSecret(generate)));
      expect(new Set(secrets).size).toBe(1);
      await expectUpgraded(all[0]!, ids);
    } finally {
      await Promise.all(all.map((s) => s.close()));
    }
  });
});
