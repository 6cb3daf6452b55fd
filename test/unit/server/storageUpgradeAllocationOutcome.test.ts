// migration 2026-12-01-0010-allocation-outcome: a database at 0009 (pins, answers, comments, quotes, budgets with a
// workshop allocation, layers, accounts) upgrades with nothing lost (every row of every table, column by column); the
// old allocation reads back with no outcome or session name, and a new one keeps both.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createStorage } from '../../../src/server/storage/databaseStorage.ts';
import { openPostgresDialect } from '../../../src/server/storage/db/postgresDialect.ts';
import { openSqliteDialect } from '../../../src/server/storage/db/sqliteDialect.ts';
import type { StorageDialect } from '../../../src/server/storage/db/storageDialect.ts';
import type { Storage } from '../../../src/server/storage/storage.ts';
import { testPin } from '../../support/serverFixtures.ts';
import { postgresSuite } from '../../support/postgresSuite.ts';
import { snapshotTables, tableColumns } from '../../support/tableSnapshot.ts';
import { SETTINGS, project } from './budgetSuite.ts';
import { layer } from './layerSuite.ts';
import { seedData } from './storageSuite.ts';

const BEFORE = '2026-12-01-0009-featured-quotes';
const AT = '2030-01-01T00:00:00.000Z';

/** writes one of everything 0009 knows; the allocation with plain SQL, as 0009's table has no outcome column */
async function fill(storage: Storage, db: Kysely<unknown>): Promise<string> {
  const [consultation] = await storage.listConsultations();
  const here = storage.consultation(consultation!.id);
  const pin = testPin({ id: 'old-pin', author: 'author-1', note: 'Keep the old oak' });
  await here.createPin(pin, { key: 'k1', fingerprint: 'f1' });
  await here.supportPin(pin.id, 'supporter-1', AT, 'addr-1');
  await here.answerPin(pin.id, { status: 'planned', text: 'Next spring', at: AT, actor: 'Pat', userId: 'u1' });
  await here.featureQuote(pin.id, { featured: true, actor: 'Pat', at: AT });
  const comment = await here.addComment({ id: 'c1', pinId: pin.id, parentId: null, author: 'dev', text: 'Agreed', createdAt: AT });
  if (!comment.ok) throw new Error('no comment');
  await here.budget().putSettings(SETTINGS, AT);
  await here.budget().putProject(project('a', 5), AT);
  await here.budget().castBallot('device:voter-1', ['a'], 'device', AT);
  await (db as Kysely<{ workshop_allocations: { consultation_id: string; session_id: string | null; allocation: string; created_at: string } }>)
    .insertInto('workshop_allocations').values({ consultation_id: consultation!.id, session_id: 'old-session', allocation: '{"a":10}', created_at: AT }).execute();
  await here.layers().createLayer(layer('assets-1'));
  const user = await storage.createUser({ email: 'ann@example.org', name: 'Ann', role: 'staff', passwordHash: 'hash' });
  if (!user.ok) throw new Error('no user');
  await storage.setMembership({ consultationId: consultation!.id, userId: user.user.id, role: 'planner' }, 'admin');
  return consultation!.id;
}

async function expectNothingLost(open: (upTo?: string) => Promise<StorageDialect>): Promise<{ storage: Storage; consultationId: string }> {
  const before = await open(BEFORE);
  const db = before.db as unknown as Kysely<unknown>;
  const consultationId = await fill(await createStorage(before, { seed: seedData }), db);
  const columns = await tableColumns(db);
  expect(columns['workshop_allocations']).not.toContain('outcome');
  expect(columns['workshop_allocations']).not.toContain('session_name');
  const was = await snapshotTables(db, columns);
  expect(was['workshop_allocations']).toHaveLength(1);
  expect(was['budget_ballots']).toHaveLength(1);
  await before.close();
  const after = await open();
  expect(await snapshotTables(after.db as unknown as Kysely<unknown>, columns)).toEqual(was);
  return { storage: await createStorage(after, { seed: seedData }), consultationId };
}

async function expectOutcomesKept(storage: Storage, consultationId: string): Promise<void> {
  const budget = storage.consultation(consultationId).budget();
  const [old] = await budget.listAllocations();
  expect(old).toMatchObject({ sessionId: 'old-session', sessionName: null, allocation: { a: 10 }, createdAt: AT, outcome: null });
  const outcome = { ballots: 1, greedy: { selected: ['a'], spent: 5 }, equalShares: { selected: ['a'], spent: 5 } };
  await budget.recordAllocation('new-session', { a: 5 }, '2031-01-01T00:00:00.000Z', { outcome, sessionName: 'Library' });
  expect((await budget.listAllocations()).map((a) => [a.sessionId, a.sessionName, a.outcome])).toEqual([['old-session', null, null], ['new-session', 'Library', outcome]]);
  expect(await budget.listBallots()).toEqual([['a']]);
}

describe('upgrading a SQLite database at 0009 to allocation outcomes', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coplan-upgrade-outcome-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps everything and keeps outcomes from now on', async () => {
    const file = path.join(dir, 'coplan.sqlite');
    const { storage, consultationId } = await expectNothingLost((upTo) => openSqliteDialect(file, upTo ? { upTo } : {}));
    try {
      await expectOutcomesKept(storage, consultationId);
    } finally {
      await storage.close();
    }
  });
});

describe('upgrading a PostgreSQL schema at 0009 to allocation outcomes', () => {
  const db = postgresSuite('t_upgrade_outcome');
  if (!db) return;

  it('keeps everything and keeps outcomes from now on', async () => {
    const schema = db.freshSchema();
    const { storage, consultationId } = await expectNothingLost((upTo) => openPostgresDialect({ connectionString: db.url, schema, ...(upTo ? { upTo } : {}) }));
    try {
      await expectOutcomesKept(storage, consultationId);
    } finally {
      await storage.close();
    }
  });
});
