// migration 2026-12-01-0009-featured-quotes: a database at 0008 (pins, supports, answers, comments, budgets, layers,
// accounts) upgrades with nothing lost (every row of every table, column by column), no pin featured, and its pins can
// then be featured as quotes.
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

const BEFORE = '2026-12-01-0008-budget-intro';
const AT = '2030-01-01T00:00:00.000Z';

/** writes one of everything 0008 knows, through today's storage (whose writes name no column 0009 adds) */
async function fill(storage: Storage): Promise<string> {
  const [consultation] = await storage.listConsultations();
  const here = storage.consultation(consultation!.id);
  const pin = testPin({ id: 'old-pin', author: 'author-1', note: 'Keep the old oak' });
  await here.createPin(pin, { key: 'k1', fingerprint: 'f1' });
  await here.createPin(testPin({ id: 'old-hidden', title: 'Hidden one' }));
  await here.moderatePin('old-hidden', { hidden: true, reason: 'test', actor: 'Pat', at: AT });
  await here.supportPin(pin.id, 'supporter-1', AT, 'addr-1');
  await here.answerPin(pin.id, { status: 'planned', text: 'Next spring', at: AT, actor: 'Pat', userId: 'u1' });
  const comment = await here.addComment({ id: 'c1', pinId: pin.id, parentId: null, author: 'dev', text: 'Agreed', createdAt: AT });
  if (!comment.ok) throw new Error('no comment');
  await here.budget().putSettings(SETTINGS, AT);
  await here.budget().putProject(project('a', 5), AT);
  await here.layers().createLayer(layer('assets-1'));
  const user = await storage.createUser({ email: 'ann@example.org', name: 'Ann', role: 'staff', passwordHash: 'hash' });
  if (!user.ok) throw new Error('no user');
  await storage.setMembership({ consultationId: consultation!.id, userId: user.user.id, role: 'planner' }, 'admin');
  return consultation!.id;
}

async function expectNothingLost(open: (upTo?: string) => Promise<StorageDialect>): Promise<{ storage: Storage; consultationId: string }> {
  const before = await open(BEFORE);
  const consultationId = await fill(await createStorage(before, { seed: seedData }));
  const db = before.db as unknown as Kysely<unknown>;
  const columns = await tableColumns(db);
  const was = await snapshotTables(db, columns);
  expect(was['pins']!.length).toBeGreaterThanOrEqual(2);
  expect(was['comments']).toHaveLength(1);
  await before.close();
  const after = await open();
  expect(await snapshotTables(after.db as unknown as Kysely<unknown>, columns)).toEqual(was);
  return { storage: await createStorage(after, { seed: seedData }), consultationId };
}

async function expectQuotesWork(storage: Storage, consultationId: string): Promise<void> {
  const here = storage.consultation(consultationId);
  expect(await here.featuredQuotes()).toEqual([]);
  expect(await here.featureQuote('old-pin', { featured: true, actor: 'Pat', at: '2031-01-01T00:00:00.000Z' })).toBe('ok');
  expect(await here.featureQuote('old-hidden', { featured: true, actor: 'Pat', at: '2031-01-01T00:00:00.000Z' })).toBe('pin-hidden');
  expect(await here.featuredQuotes()).toEqual([{ pinId: 'old-pin', text: 'Keep the old oak', theme: expect.any(String), kind: expect.any(String), featuredAt: '2031-01-01T00:00:00.000Z' }]);
  // the pin itself reads as before
  expect((await here.getPin('old-pin'))?.properties).toMatchObject({ title: expect.any(String), supports: 1, response: { status: 'planned' } });
}

describe('upgrading a SQLite database at 0008 to featured quotes', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coplan-upgrade-quotes-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps everything and features quotes', async () => {
    const file = path.join(dir, 'coplan.sqlite');
    const { storage, consultationId } = await expectNothingLost((upTo) => openSqliteDialect(file, upTo ? { upTo } : {}));
    try {
      await expectQuotesWork(storage, consultationId);
    } finally {
      await storage.close();
    }
  });
});

describe('upgrading a PostgreSQL schema at 0008 to featured quotes', () => {
  const db = postgresSuite('t_upgrade_quotes');
  if (!db) return;

  it('keeps everything and features quotes', async () => {
    const schema = db.freshSchema();
    const { storage, consultationId } = await expectNothingLost((upTo) => openPostgresDialect({ connectionString: db.url, schema, ...(upTo ? { upTo } : {}) }));
    try {
      await expectQuotesWork(storage, consultationId);
    } finally {
      await storage.close();
    }
  });
});
