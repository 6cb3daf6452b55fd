// migration 2026-12-01-0005-budgets: a database at 0004 (consultations, pins, supports, accounts, the secret) upgrades
// with nothing lost, and its consultations then take a budget.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStorage } from '../../../src/server/storage/databaseStorage.ts';
import { openPostgresDialect } from '../../../src/server/storage/db/postgresDialect.ts';
import { openSqliteDialect } from '../../../src/server/storage/db/sqliteDialect.ts';
import { openPostgresStorage, openSqliteStorage } from '../../../src/server/storage/openStorage.ts';
import type { Storage } from '../../../src/server/storage/storage.ts';
import { testPin } from '../../support/serverFixtures.ts';
import { postgresSuite } from '../../support/postgresSuite.ts';
import { SETTINGS, project } from './budgetSuite.ts';
import { seedData } from './storageSuite.ts';

const BEFORE = '2026-12-01-0004-server-secret';
const AT = '2030-01-01T00:00:00.000Z';

/** writes one of everything 0004 knows, and returns what it reads back */
async function fill(storage: Storage): Promise<void> {
  const [consultation] = await storage.listConsultations();
  const here = storage.consultation(consultation!.id);
  const pin = testPin({ author: 'author-1', note: 'by the brook' });
  await here.createPin(pin, { key: 'k1', fingerprint: 'f1' });
  await here.supportPin(pin.id, 'supporter-1', AT, 'addr-1');
  await here.moderatePin(pin.id, { hidden: true, reason: 'test', actor: 'Ann', at: AT });
  const user = await storage.createUser({ email: 'ann@example.org', name: 'Ann', role: 'staff', passwordHash: 'hash' });
  if (!user.ok) throw new Error('no user');
  await storage.setMembership({ consultationId: consultation!.id, userId: user.user.id, role: 'planner' }, 'admin');
  await storage.serverSecret(() => 'the-old-secret-that-must-stay-the-same');
}

async function snapshot(storage: Storage): Promise<unknown> {
  const consultations = await storage.listConsultations();
  const here = storage.consultation(consultations[0]!.id);
  const pins = await here.listPins({ includeHidden: true });
  return {
    consultations,
    pins,
    reports: await Promise.all(pins.map((p) => here.supportReport(p.id))),
    audit: await here.listAudit(),
    users: await storage.listUsers(),
    members: (await storage.membersOf(consultations[0]!.id)).map((m) => m.role),
    secret: await storage.serverSecret(() => 'a-new-secret'),
    areas: await here.getAreas(),
    themes: await here.getThemes(),
  };
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
    const before = await createStorage(await openSqliteDialect(file, { upTo: BEFORE }), { seed: seedData });
    await fill(before);
    const was = await snapshot(before);
    await before.close();
    const after = await openSqliteStorage({ file, seed: seedData });
    try {
      expect(await snapshot(after)).toEqual(was);
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
    const before = await createStorage(await openPostgresDialect({ connectionString: db.url, schema, upTo: BEFORE }), { seed: seedData });
    await fill(before);
    const was = await snapshot(before);
    await before.close();
    const after = await openPostgresStorage({ connectionString: db.url, schema, seed: seedData });
    try {
      expect(await snapshot(after)).toEqual(was);
      await expectBudgetWorks(after);
    } finally {
      await after.close();
    }
  });
});
