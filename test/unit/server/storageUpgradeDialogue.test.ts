// migration 2026-12-01-0006-responses-comments: a database from before it keeps its pins, supports and events as they
// were, and its pins can then be answered and commented on, with the old events still replayed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createStorage } from '../../../src/server/storage/databaseStorage.ts';
import { openPostgresDialect } from '../../../src/server/storage/db/postgresDialect.ts';
import { openSqliteDialect } from '../../../src/server/storage/db/sqliteDialect.ts';
import { openPostgresStorage, openSqliteStorage } from '../../../src/server/storage/openStorage.ts';
import type { StorageDialect } from '../../../src/server/storage/db/storageDialect.ts';
import type { Storage } from '../../../src/server/storage/storage.ts';
import { testPin } from '../../support/serverFixtures.ts';
import { postgresSuite } from '../../support/postgresSuite.ts';
import { seedData } from './storageSuite.ts';

const BEFORE = '2026-12-01-0004-server-secret';

/** writes with the old schema's own columns (today's pin reads name the new ones): two pins, their events, a support */
async function writeBefore(dialect: StorageDialect): Promise<{ consultationId: string; firstEvent: number }> {
  const before = await createStorage(dialect, { seed: seedData });
  const [consultation] = await before.listConsultations();
  const { db } = dialect;
  for (const id of ['old-visible', 'old-second']) {
    const pin = testPin({ id, title: id === 'old-visible' ? 'Old visible pin' : 'Old second pin' });
    const [lng, lat] = pin.geometry.coordinates;
    const p = pin.properties;
    await sql`INSERT INTO pins (id, consultation_id, kind, theme, title, area, lng, lat, created_at, updated_at, supports, hidden)
      VALUES (${id}, ${consultation!.id}, ${p.kind}, ${p.theme}, ${p.title}, ${p.area}, ${lng}, ${lat}, ${p.createdAt}, ${p.updatedAt}, 0, ${dialect.bool(false)})`.execute(db);
    await sql`INSERT INTO events (consultation_id, at, type, pin_id, payload) VALUES (${consultation!.id}, ${Date.now()}, 'pin-created', ${id}, ${JSON.stringify({ type: 'pin-created', pin })})`.execute(db);
  }
  await sql`INSERT INTO supports (pin_id, supporter, at) VALUES ('old-visible', 'old-supporter', '2030-01-01T00:00:00.000Z')`.execute(db);
  await sql`UPDATE pins SET supports = 1 WHERE id = 'old-visible'`.execute(db);
  const first = await sql<{ id: number | string }>`SELECT min(id) AS id FROM events`.execute(db);
  await before.close();
  return { consultationId: consultation!.id, firstEvent: Number(first.rows[0]!.id) };
}

async function expectUpgraded(after: Storage, { consultationId, firstEvent }: { consultationId: string; firstEvent: number }): Promise<void> {
  const here = after.consultation(consultationId);
  const pins = await here.listPins();
  expect(pins.map((p) => [p.id, p.properties.title, p.properties.supports, p.properties.response]).sort()).toEqual([
    ['old-second', 'Old second pin', 0, undefined], ['old-visible', 'Old visible pin', 1, undefined], ['seeded-1', 'Pin seeded-1', 0, undefined],
  ]);
  // the old events are still replayed, with their text
  const replay = (await here.eventsAfter(firstEvent, 1000))?.filter((e) => e.id > firstEvent);
  expect(replay?.map((e) => e.event?.type)).toEqual(['pin-created']);
  expect(JSON.stringify(replay)).toContain('Old second pin');
  const answered = await here.answerPin('old-visible', { status: 'done', text: 'Fixed', at: '2031-01-01T00:00:00.000Z', actor: 'Pat', userId: 'u1' });
  expect(answered?.properties).toMatchObject({ title: 'Old visible pin', supports: 1, response: { status: 'done', text: 'Fixed' } });
  expect((await here.addComment({ id: 'c1', pinId: 'old-second', parentId: null, author: 'dev', text: 'Agreed', createdAt: '2031-01-01T00:00:00.000Z' })).ok).toBe(true);
  expect((await here.eventsAfter(firstEvent, 1000))?.map((e) => e.event?.type).slice(-2)).toEqual(['pin-answered', 'comment-created']);
}

describe('upgrading a SQLite database made before answers and comments', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coplan-upgrade-dialogue-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps its pins, supports and events, and can then answer and comment', async () => {
    const file = path.join(dir, 'coplan.sqlite');
    const ids = await writeBefore(await openSqliteDialect(file, { upTo: BEFORE }));
    const after = await openSqliteStorage({ file, seed: seedData });
    try {
      await expectUpgraded(after, ids);
    } finally {
      await after.close();
    }
  });
});

describe('upgrading a PostgreSQL schema made before answers and comments', () => {
  const db = postgresSuite('t_upgrade_dialogue');
  if (!db) return;

  it('keeps its pins, supports and events, and can then answer and comment', async () => {
    const schema = db.freshSchema();
    const ids = await writeBefore(await openPostgresDialect({ connectionString: db.url, schema, upTo: BEFORE }));
    const after = await openPostgresStorage({ connectionString: db.url, schema, seed: seedData });
    try {
      await expectUpgraded(after, ids);
    } finally {
      await after.close();
    }
  });
});
