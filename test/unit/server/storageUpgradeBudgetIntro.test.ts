// migration 2026-12-01-0008-budget-intro: a database at 0007 with a budget, its projects (with the pins they answer),
// a ballot and a voter code upgrades with nothing lost (every row of every table, column by column), its budget reads
// back with no introduction, and then takes one.
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
import { postgresSuite } from '../../support/postgresSuite.ts';
import { snapshotTables, tableColumns } from '../../support/tableSnapshot.ts';
import { seedData } from './storageSuite.ts';

const BEFORE = '2026-12-01-0007-context-layers';
const AT = '2030-01-01T00:00:00.000Z';

/** a budget as 0007 stored it, written with the old schema's own columns (today's storage code names `intro`) */
async function fill(dialect: StorageDialect): Promise<void> {
  const storage = await createStorage(dialect, { seed: seedData });
  const [consultation] = await storage.listConsultations();
  const id = consultation!.id;
  const { db } = dialect;
  await sql`INSERT INTO budgets (consultation_id, amount, currency, rule, opens_at, closes_at, min_projects, max_projects, updated_at)
    VALUES (${id}, 3000000000, 'PLN', 'equal-shares', NULL, '2030-02-01T00:00:00.000Z', 1, 3, ${AT})`.execute(db);
  await sql`INSERT INTO budget_projects (consultation_id, id, position, title, description, cost, theme, location, pin_ids, created_at, updated_at)
    VALUES (${id}, 'benches', 0, 'Benches', 'By the brook', 4000, NULL, ${JSON.stringify({ point: [-2.1, 53.4] })}, ${JSON.stringify(['seeded-1'])}, ${AT}, ${AT})`.execute(db);
  await sql`INSERT INTO budget_ballots (consultation_id, voter, projects, source, created_at, updated_at)
    VALUES (${id}, 'device:someone', ${JSON.stringify(['benches'])}, 'device', ${AT}, ${AT})`.execute(db);
  await sql`INSERT INTO voter_codes (code_hash, consultation_id, created_at, used_at) VALUES ('hash-1', ${id}, ${AT}, NULL)`.execute(db);
}

async function expectNothingLost(open: (upTo?: string) => Promise<StorageDialect>): Promise<Storage> {
  const before = await open(BEFORE);
  await fill(before);
  const columns = await tableColumns(before.db as unknown as Kysely<unknown>);
  expect(columns['budgets']).not.toContain('intro');
  const was = await snapshotTables(before.db as unknown as Kysely<unknown>, columns);
  expect(was['budgets']).toHaveLength(1);
  expect(was['budget_projects']).toHaveLength(1);
  expect(was['budget_ballots']).toHaveLength(1);
  await before.close();
  const after = await open();
  expect(await snapshotTables(after.db as unknown as Kysely<unknown>, columns)).toEqual(was);
  return createStorage(after, { seed: seedData });
}

async function expectIntroWorks(storage: Storage): Promise<void> {
  const [consultation] = await storage.listConsultations();
  const budget = storage.consultation(consultation!.id).budget();
  const settings = await budget.getSettings();
  expect(settings).toEqual({ amount: 3_000_000_000, currency: 'PLN', rule: 'equal-shares', opensAt: null, closesAt: '2030-02-01T00:00:00.000Z', minProjects: 1, maxProjects: 3, intro: '' });
  expect((await budget.listProjects())[0]).toMatchObject({ id: 'benches', pinIds: ['seeded-1'], location: { point: [-2.1, 53.4] } });
  await budget.putSettings({ ...settings!, intro: 'For the square <b>and</b> the park.' }, AT);
  expect((await budget.getSettings())?.intro).toBe('For the square <b>and</b> the park.');
  expect(await budget.listBallots()).toEqual([['benches']]);
}

describe('upgrading a SQLite database at 0007 to budget introductions', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coplan-upgrade-budget-intro-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps everything, reads the budget with no introduction, and takes one', async () => {
    const file = path.join(dir, 'coplan.sqlite');
    const after = await expectNothingLost((upTo) => openSqliteDialect(file, upTo ? { upTo } : {}));
    try {
      await expectIntroWorks(after);
    } finally {
      await after.close();
    }
  });
});

describe('upgrading a PostgreSQL schema at 0007 to budget introductions', () => {
  const db = postgresSuite('t_upgrade_budget_intro');
  if (!db) return;

  it('keeps everything, reads the budget with no introduction, and takes one', async () => {
    const schema = db.freshSchema();
    const after = await expectNothingLost((upTo) => openPostgresDialect({ connectionString: db.url, schema, ...(upTo ? { upTo } : {}) }));
    try {
      await expectIntroWorks(after);
    } finally {
      await after.close();
    }
  });
});
