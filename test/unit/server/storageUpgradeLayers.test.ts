// migration 2026-12-01-0007-context-layers: a database at 0006 (pins, supports, answers, comments, budgets, accounts)
// upgrades with nothing lost, and its consultations then take context layers and confirmations.
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
import { layer } from './layerSuite.ts';
import { seedData } from './storageSuite.ts';
import { snapshotTables, tableColumns } from '../../support/tableSnapshot.ts';

const BEFORE = '2026-12-01-0006-responses-comments';
const AT = '2030-01-01T00:00:00.000Z';

const BUDGET_TABLES = ['budgets', 'budget_projects', 'budget_ballots'];

/** the budget tables' rows with only the columns 0006 had: today's budget reads name columns a later migration adds */
async function budgetRows(dialect: StorageDialect, columns: Record<string, string[]>): Promise<unknown> {
  return snapshotTables(dialect.db as unknown as Kysely<unknown>, Object.fromEntries(BUDGET_TABLES.map((t) => [t, columns[t]!])));
}

/** writes one of everything 0006 knows (the budget with plain SQL, in 0006's own columns) */
async function fill(storage: Storage, dialect: StorageDialect): Promise<void> {
  const [consultation] = await storage.listConsultations();
  const here = storage.consultation(consultation!.id);
  const pin = testPin({ author: 'author-1', note: 'by the brook' });
  await here.createPin(pin, { key: 'k1', fingerprint: 'f1' });
  await here.supportPin(pin.id, 'supporter-1', AT, 'addr-1');
  await here.answerPin(pin.id, { status: 'planned', text: 'Next spring', at: AT, actor: 'Pat', userId: 'u1' });
  const comment = await here.addComment({ id: 'c1', pinId: pin.id, parentId: null, author: 'dev', text: 'Agreed', createdAt: AT });
  if (!comment.ok) throw new Error('no comment');
  const id = consultation!.id;
  await sql`INSERT INTO budgets (consultation_id, amount, currency, rule, opens_at, closes_at, min_projects, max_projects, updated_at)
    VALUES (${id}, 3000000000, 'PLN', 'equal-shares', NULL, '2030-02-01T00:00:00.000Z', 1, 3, ${AT})`.execute(dialect.db);
  await sql`INSERT INTO budget_projects (consultation_id, id, position, title, description, cost, theme, location, pin_ids, created_at, updated_at)
    VALUES (${id}, 'a', 0, 'Project a', '', 5, NULL, 'null', '[]', ${AT}, ${AT})`.execute(dialect.db);
  await sql`INSERT INTO budget_ballots (consultation_id, voter, projects, source, created_at, updated_at) VALUES (${id}, 'voter', '["a"]', 'device', ${AT}, ${AT})`.execute(dialect.db);
  const user = await storage.createUser({ email: 'ann@example.org', name: 'Ann', role: 'staff', passwordHash: 'hash' });
  if (!user.ok) throw new Error('no user');
  await storage.setMembership({ consultationId: consultation!.id, userId: user.user.id, role: 'planner' }, 'admin');
}

async function snapshot(storage: Storage): Promise<unknown> {
  const consultations = await storage.listConsultations();
  const here = storage.consultation(consultations[0]!.id);
  const pins = await here.listPins({ includeHidden: true });
  return {
    consultations,
    pins,
    comments: await Promise.all(pins.map((p) => here.listComments(p.id, { includeHidden: true }))),
    audit: await here.listAudit(),
    users: await storage.listUsers(),
    members: (await storage.membersOf(consultations[0]!.id)).map((m) => m.role),
  };
}

async function expectLayersWork(storage: Storage): Promise<void> {
  const [consultation] = await storage.listConsultations();
  const layers = storage.consultation(consultation!.id).layers();
  await layers.createLayer(layer('assets-1'));
  expect(await layers.confirm('assets-1', '1', 'dev', 'valued', AT)).toEqual({ created: true });
  expect(await layers.confirmationCounts('assets-1')).toEqual({ 1: { valued: 1, missing: 0, closed: 0 } });
}

describe('upgrading a SQLite database at 0006 to context layers', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coplan-upgrade-layers-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps everything and takes layers', async () => {
    const file = path.join(dir, 'coplan.sqlite');
    const old = await openSqliteDialect(file, { upTo: BEFORE });
    const before = await createStorage(old, { seed: seedData });
    await fill(before, old);
    const columns = await tableColumns(old.db as unknown as Kysely<unknown>);
    const was = { storage: await snapshot(before), budget: await budgetRows(old, columns) };
    expect((was.budget as Record<string, unknown[]>)['budgets']).toHaveLength(1);
    await before.close();
    const upgraded = await openSqliteDialect(file);
    const after = await createStorage(upgraded, { seed: seedData });
    try {
      expect({ storage: await snapshot(after), budget: await budgetRows(upgraded, columns) }).toEqual(was);
      await expectLayersWork(after);
    } finally {
      await after.close();
    }
  });
});

describe('upgrading a PostgreSQL schema at 0006 to context layers', () => {
  const db = postgresSuite('t_upgrade_layers');
  if (!db) return;

  it('keeps everything and takes layers', async () => {
    const schema = db.freshSchema();
    const old = await openPostgresDialect({ connectionString: db.url, schema, upTo: BEFORE });
    const before = await createStorage(old, { seed: seedData });
    await fill(before, old);
    const columns = await tableColumns(old.db as unknown as Kysely<unknown>);
    const was = { storage: await snapshot(before), budget: await budgetRows(old, columns) };
    expect((was.budget as Record<string, unknown[]>)['budgets']).toHaveLength(1);
    await before.close();
    const upgraded = await openPostgresDialect({ connectionString: db.url, schema });
    const after = await createStorage(upgraded, { seed: seedData });
    try {
      expect({ storage: await snapshot(after), budget: await budgetRows(upgraded, columns) }).toEqual(was);
      await expectLayersWork(after);
    } finally {
      await after.close();
    }
  });
});
