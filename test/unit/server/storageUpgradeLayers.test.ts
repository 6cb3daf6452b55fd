// migration 2026-12-01-0007-context-layers: a database at 0006 (pins, supports, answers, comments, budgets, accounts)
// upgrades with nothing lost, and its consultations then take context layers and confirmations.
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
import { layer } from './layerSuite.ts';
import { seedData } from './storageSuite.ts';

const BEFORE = '2026-12-01-0006-responses-comments';
const AT = '2030-01-01T00:00:00.000Z';

/** writes one of everything 0006 knows */
async function fill(storage: Storage): Promise<void> {
  const [consultation] = await storage.listConsultations();
  const here = storage.consultation(consultation!.id);
  const pin = testPin({ author: 'author-1', note: 'by the brook' });
  await here.createPin(pin, { key: 'k1', fingerprint: 'f1' });
  await here.supportPin(pin.id, 'supporter-1', AT, 'addr-1');
  await here.answerPin(pin.id, { status: 'planned', text: 'Next spring', at: AT, actor: 'Pat', userId: 'u1' });
  const comment = await here.addComment({ id: 'c1', pinId: pin.id, parentId: null, author: 'dev', text: 'Agreed', createdAt: AT });
  if (!comment.ok) throw new Error('no comment');
  await here.budget().putSettings(SETTINGS, AT);
  await here.budget().putProject(project('a', 5), AT);
  await here.budget().castBallot('voter', ['a'], 'device', AT);
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
    budget: [await here.budget().getSettings(), await here.budget().listProjects(), await here.budget().listBallots()],
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
    const before = await createStorage(await openSqliteDialect(file, { upTo: BEFORE }), { seed: seedData });
    await fill(before);
    const was = await snapshot(before);
    await before.close();
    const after = await openSqliteStorage({ file, seed: seedData });
    try {
      expect(await snapshot(after)).toEqual(was);
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
    const before = await createStorage(await openPostgresDialect({ connectionString: db.url, schema, upTo: BEFORE }), { seed: seedData });
    await fill(before);
    const was = await snapshot(before);
    await before.close();
    const after = await openPostgresStorage({ connectionString: db.url, schema, seed: seedData });
    try {
      expect(await snapshot(after)).toEqual(was);
      await expectLayersWork(after);
    } finally {
      await after.close();
    }
  });
});
