// migration 2026-12-01-0005-budgets: a database at 0004 (consultations, pins, supports, accounts, the secret) upgrades
// with nothing lost (every row of every table it had, compared column by column) and its consultations then take a budget.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createStorage } from '../../../src/server/storage/databaseStorage.ts';
import { openPostgresDialect } from '../../../src/server/storage/db/postgresDialect.ts';
import { openSqliteDialect } from '../../../src/server/storage/db/sqliteDialect.ts';
import type { StorageDialect } from '../../../src/server/storage/db/storageDialect.ts';
import type { Storage } from '../../../src/server/storage/storage.ts';
import { testPin } from '../../support/serverFixtures.ts';
import { postgresSuite } from '../../support/postgresSuite.ts';
import { SETTINGS, project } from './budgetSuite.ts';
import { seedData } from './storageSuite.ts';
import { snapshotTables, tableColumns } from '../../support/tableSnapshot.ts';

const BEFORE = '2026-12-01-0004-server-secret';
const AT = '2030-01-01T00:00:00.000Z';

/** writes one of everything 0004 knows: pins and supports with the old schema's own columns, staff and the secret through the storage */
async function fill(dialect: StorageDialect): Promise<void> {
  const storage = await createStorage(dialect, { seed: seedData });
  const [consultation] = await storage.listConsultations();
  const { db } = dialect;
  for (const [id, hidden] of [['old-visible', false], ['old-hidden', true]] as const) {
    const pin = testPin({ id, author: 'author-1', note: 'by the brook' });
    const [lng, lat] = pin.geometry.coordinates;
    const p = pin.properties;
    await sql`INSERT INTO pins (id, consultation_id, kind, theme, title, note, area, lng, lat, created_at, updated_at, supports, hidden)
      VALUES (${id}, ${consultation!.id}, ${p.kind}, ${p.theme}, ${p.title}, ${p.note}, ${p.area}, ${lng}, ${lat}, ${p.createdAt}, ${p.updatedAt}, 1, ${dialect.bool(hidden)})`.execute(db);
    await sql`INSERT INTO supports (pin_id, supporter, at, address_hash) VALUES (${id}, 'supporter-1', ${AT}, 'addr-1')`.execute(db);
  }
  const user = await storage.createUser({ email: 'ann@example.org', name: 'Ann', role: 'staff', passwordHash: 'hash' });
  if (!user.ok) throw new Error('no user');
  await storage.setMembership({ consultationId: consultation!.id, userId: user.user.id, role: 'planner' }, 'admin');
  await storage.serverSecret(() => 'the-old-secret-that-must-stay-the-same');
}

/** the database's every table and row as 0004 made them, then the same columns after the upgrade: nothing lost or changed */
async function expectNothingLost(open: (upTo?: string) => Promise<StorageDialect>): Promise<Storage> {
  const before = await open(BEFORE);
  await fill(before);
  const columns = await tableColumns(before.db as unknown as Kysely<unknown>);
  const was = await snapshotTables(before.db as unknown as Kysely<unknown>, columns);
  expect(was['pins']).toHaveLength(3);
  expect(was['users']).toHaveLength(1);
  await before.close();
  const after = await open();
  expect(await snapshotTables(after.db as unknown as Kysely<unknown>, columns)).toEqual(was);
  return createStorage(after, { seed: seedData });
}

async function expectBudgetWorks(storage: Storage): Promise<void> {
  const [consultation] = await storage.listConsultations();
  const budget = storage.consultation(consultation!.id).budget();
  await budget.putSettings(SETTINGS, AT);
  await budget.putProject(project('a', 5), AT);
  await budget.castBallot('voter', ['a'], 'device', AT);
  expect(await budget.getSettings()).toEqual(SETTINGS);
  expect(await budget.listBallots()).toEqual([['a']]);
}

describe('upgrading a SQLite database at 0004 to budgets', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coplan-upgrade-budgets-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps everything and takes a budget', async () => {
    const file = path.join(dir, 'coplan.sqlite');
    const after = await expectNothingLost((upTo) => openSqliteDialect(file, upTo ? { upTo } : {}));
    try {
      await expectBudgetWorks(after);
    } finally {
      await after.close();
    }
  });
});

describe('upgrading a PostgreSQL schema at 0004 to budgets', () => {
  const db = postgresSuite('t_upgrade_budgets');
  if (!db) return;

  it('keeps everything and takes a budget', async () => {
    const schema = db.freshSchema();
    const after = await expectNothingLost((upTo) => openPostgresDialect({ connectionString: db.url, schema, ...(upTo ? { upTo } : {}) }));
    try {
      await expectBudgetWorks(after);
    } finally {
      await after.close();
    }
  });
});
