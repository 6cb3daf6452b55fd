// migration 2026-12-01-0011-per-device-reads: a database at 0010 (pins of several devices, supports, answers,
// comments, budgets, layers with verdicts, accounts) upgrades with nothing lost (every row of every table, column by
// column); afterwards the author index keeps the list order, the old one is gone, and a device's verdicts have theirs.
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
import { snapshotTables, tableColumns } from '../../support/tableSnapshot.ts';
import { SETTINGS, project } from './budgetSuite.ts';
import { layer } from './layerSuite.ts';
import { seedData } from './storageSuite.ts';

const BEFORE = '2026-12-01-0010-allocation-outcome';
const AT = '2030-01-01T00:00:00.000Z';

/** writes one of everything 0010 knows, and pins of two devices (one under an old hash) */
async function fill(storage: Storage): Promise<string> {
  const [consultation] = await storage.listConsultations();
  const here = storage.consultation(consultation!.id);
  const at = (second: number) => new Date(Date.UTC(2029, 0, 1, 0, 0, second)).toISOString();
  const pin = testPin({ id: 'old-pin', author: 'author-1', note: 'Keep the old oak', createdAt: at(3), updatedAt: at(3) });
  await here.createPin(pin, { key: 'k1', fingerprint: 'f1' });
  await here.bulkInsertPins([testPin({ id: 'old-2', author: 'author-1', createdAt: at(1), updatedAt: at(1) }), testPin({ id: 'old-3', author: 'legacy-1', createdAt: at(2), updatedAt: at(2) }),
    testPin({ id: 'old-4', author: 'author-2' })]);
  await here.supportPin(pin.id, 'supporter-1', AT, 'addr-1');
  await here.answerPin(pin.id, { status: 'planned', text: 'Next spring', at: AT, actor: 'Pat', userId: 'u1' });
  await here.featureQuote(pin.id, { featured: true, actor: 'Pat', at: AT });
  const comment = await here.addComment({ id: 'c1', pinId: pin.id, parentId: null, author: 'dev', text: 'Agreed', createdAt: AT });
  if (!comment.ok) throw new Error('no comment');
  await here.budget().putSettings(SETTINGS, AT);
  await here.budget().putProject(project('a', 5), AT);
  await here.budget().castBallot('device:voter-1', ['a'], 'device', AT);
  await here.layers().createLayer(layer('assets-1'));
  await here.layers().confirm('assets-1', '1', 'author-1', 'valued', AT);
  const user = await storage.createUser({ email: 'ann@example.org', name: 'Ann', role: 'staff', passwordHash: 'hash' });
  if (!user.ok) throw new Error('no user');
  await storage.setMembership({ consultationId: consultation!.id, userId: user.user.id, role: 'planner' }, 'admin');
  return consultation!.id;
}

async function indexesOf(dialect: StorageDialect, table: string): Promise<string[]> {
  const { rows } = dialect.kind === 'sqlite'
    ? await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ${table} AND sql IS NOT NULL`.execute(dialect.db)
    : await sql<{ name: string }>`SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ${table}`.execute(dialect.db);
  return rows.map((r) => r.name);
}

async function expectUpgraded(open: (upTo?: string) => Promise<StorageDialect>): Promise<void> {
  const before = await open(BEFORE);
  const db = before.db as unknown as Kysely<unknown>;
  const consultationId = await fill(await createStorage(before, { seed: seedData }));
  expect(await indexesOf(before, 'pins')).toContain('pins_consultation_author');
  const columns = await tableColumns(db);
  const was = await snapshotTables(db, columns);
  expect(was['pins']).toHaveLength(5);
  expect(was['asset_confirmations']).toHaveLength(1);
  await before.close();

  const after = await open();
  const storage = await createStorage(after, { seed: seedData });
  try {
    expect(await snapshotTables(after.db as unknown as Kysely<unknown>, columns)).toEqual(was);
    const pinIndexes = await indexesOf(after, 'pins');
    expect(pinIndexes).toContain('pins_consultation_author_created');
    expect(pinIndexes).not.toContain('pins_consultation_author');
    expect(await indexesOf(after, 'asset_confirmations')).toContain('asset_confirmations_device');
    // the old pins read back through the new index: a device's, under both its hashes, in list order
    const here = storage.consultation(consultationId);
    expect((await here.listPins({ author: ['author-1', 'legacy-1'] })).map((p) => p.id)).toEqual(['old-2', 'old-3', 'old-pin']);
    expect(await here.layers().verdictsOf('assets-1', 'author-1')).toEqual({ 1: 'valued' });
  } finally {
    await storage.close();
  }
}

describe('upgrading a SQLite database at 0010 to the per-device indexes', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coplan-upgrade-device-reads-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps everything and reads a device’s pins and verdicts through their own indexes', async () => {
    const file = path.join(dir, 'coplan.sqlite');
    await expectUpgraded((upTo) => openSqliteDialect(file, upTo ? { upTo } : {}));
  });
});

describe('upgrading a PostgreSQL schema at 0010 to the per-device indexes', () => {
  const db = postgresSuite('t_upgrade_device_reads');
  if (!db) return;

  it('keeps everything and reads a device’s pins and verdicts through their own indexes', async () => {
    const schema = db.freshSchema();
    await expectUpgraded((upTo) => openPostgresDialect({ connectionString: db.url, schema, ...(upTo ? { upTo } : {}) }));
  });
});
