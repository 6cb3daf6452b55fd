// group commit on both databases: writes that come together share one transaction, a bad one fails alone, and the
// idempotency rules (same id: id-taken; same key: replayed) hold inside a batch as across batches.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createStorage } from '../../../src/server/storage/databaseStorage.ts';
import type { StorageOptions } from '../../../src/server/storage/databaseStorage.ts';
import type { Database } from '../../../src/server/storage/db/database.ts';
import { openPostgresDialect } from '../../../src/server/storage/db/postgresDialect.ts';
import { openSqliteDialect } from '../../../src/server/storage/db/sqliteDialect.ts';
import type { StorageDialect } from '../../../src/server/storage/db/storageDialect.ts';
import { createGroupCommit } from '../../../src/server/storage/groupCommit.ts';
import type { Storage, StorageEvent } from '../../../src/server/storage/storage.ts';
import { postgresSuite } from '../../support/postgresSuite.ts';
import { testPin } from '../../support/serverFixtures.ts';
import { seedData } from './storageSuite.ts';

type OpenDialect = () => Promise<StorageDialect>;

function groupCommitContract(openDialect: OpenDialect): void {
  let storage: Storage | null = null;
  afterEach(async () => {
    await storage?.close();
    storage = null;
  });
  /** storage over a fresh database, with every committed batch's size in `batches` */
  const open = async (options: Partial<StorageOptions> = {}) => {
    const dialect = await openDialect();
    const batches: number[] = [];
    storage = await createStorage(dialect, { seed: seedData, groupCommit: { onBatch: (n) => batches.push(n) }, ...options });
    const [oldest] = await storage.listConsultations();
    return { dialect, batches, here: storage.consultation(oldest!.id), storage };
  };

  it('runs two pins posted together in one transaction, and answers each once it committed', async () => {
    const { dialect, batches, here } = await open();
    const [a, b] = [testPin(), testPin()];
    const results = await Promise.all([here.createPin(a), here.createPin(b)]);
    expect(results.map((r) => r.status)).toEqual(['created', 'created']);
    expect(batches).toEqual([2]);
    expect(await here.getPin(a.id)).toEqual(a);
    expect(await here.getPin(b.id)).toEqual(b);
    if (dialect.kind === 'postgres') {
      // the database's own word: rows written by one transaction carry its id
      const rows = await sql<{ xmin: string }>`SELECT xmin::text AS xmin FROM pins WHERE id IN (${a.id}, ${b.id})`.execute(dialect.db);
      expect(new Set(rows.rows.map((r) => r.xmin)).size).toBe(1);
    }
  });

  it('gives each pin its own transaction with group commit off', async () => {
    const { dialect, here } = await open({ groupCommit: false });
    const [a, b] = [testPin(), testPin()];
    expect((await Promise.all([here.createPin(a), here.createPin(b)])).map((r) => r.status)).toEqual(['created', 'created']);
    if (dialect.kind === 'postgres') {
      const rows = await sql<{ xmin: string }>`SELECT xmin::text AS xmin FROM pins WHERE id IN (${a.id}, ${b.id})`.execute(dialect.db);
      expect(new Set(rows.rows.map((r) => r.xmin)).size).toBe(2);
    }
  });

  it('fails a bad write alone: the others of its batch are stored and announced once', async () => {
    const { batches, dialect, here, storage: opened } = await open();
    const events: StorageEvent[] = [];
    opened.subscribe((event) => events.push(event));
    // a consultation that does not exist: its pin breaks the foreign key, in the middle of the batch
    const nowhere = opened.consultation('no-such-consultation');
    const [a, bad, c] = [testPin(), testPin(), testPin()];
    const results = await Promise.allSettled([here.createPin(a), nowhere.createPin(bad), here.createPin(c)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await here.getPin(a.id)).toEqual(a);
    expect(await here.getPin(c.id)).toEqual(c);
    expect(await nowhere.getPin(bad.id)).toBeNull();
    expect(await here.getPin(bad.id)).toBeNull();
    // the first run rolled back, the second (without the bad pin) committed
    expect(batches).toEqual([2]);
    expect(events.filter((e) => e.type === 'pin-created').map((e) => 'pin' in e && e.pin.id)).toEqual([a.id, c.id]);
    const logged = await dialect.db.selectFrom('events').select('pin_id').orderBy('id').execute();
    expect(logged.map((e) => e.pin_id)).toEqual([a.id, c.id]);
  });

  it('keeps the idempotency rules inside one batch: the same id is taken, the same key replays', async () => {
    const { batches, here } = await open();
    const pin = testPin({ author: 'device-a' });
    const sameId = await Promise.all([here.createPin(pin), here.createPin({ ...pin, properties: { ...pin.properties, title: 'other' } })]);
    expect(sameId.map((r) => r.status)).toEqual(['created', 'id-taken']);
    const keyed = [testPin({ author: 'device-a' }), testPin({ author: 'device-a' })];
    const idem = { key: 'k-1', fingerprint: 'f-1' };
    const sameKey = await Promise.all(keyed.map((p) => here.createPin(p, idem)));
    expect(sameKey.map((r) => r.status)).toEqual(['created', 'replayed']);
    expect(sameKey[1]!.status === 'replayed' && sameKey[1]!.pin.id).toBe(keyed[0]!.id);
    expect(await here.getPin(keyed[1]!.id)).toBeNull();
    expect(batches).toEqual([2, 2]);
    expect(await here.countPins()).toBe(3);
  });

  it('batches edits and supports with creations', async () => {
    const { batches, here } = await open();
    const pin = testPin({ author: 'device-a' });
    await here.createPin(pin);
    const other = testPin();
    const [, updated, supported] = await Promise.all([
      here.createPin(other),
      here.updatePin(pin.id, { title: 'renamed' }, '2030-01-01T00:00:00.000Z'),
      here.supportPin(pin.id, 'supporter-1', '2030-01-01T00:00:01.000Z'),
    ]);
    expect(batches).toEqual([1, 3]);
    expect(updated!.properties.title).toBe('renamed');
    expect(supported!.added).toBe(true);
    expect((await here.getPin(pin.id))!.properties).toMatchObject({ title: 'renamed', supports: 1 });
  });
}

describe('group commit', () => {
  describe('the batcher', () => {
    it('rolls back a job that throws and runs the rest again, so nothing of the bad one is stored', async () => {
      const dialect = await openSqliteDialect(':memory:');
      try {
        await sql`CREATE TABLE t (v TEXT)`.execute(dialect.db);
        const runs: string[] = [];
        const sizes: number[] = [];
        const group = createGroupCommit<string>(dialect.db, () => undefined, { onBatch: (n) => sizes.push(n) });
        const job = (v: string, fail = false) => group.submit(async (trx) => {
          runs.push(v);
          await sql`INSERT INTO t (v) VALUES (${v})`.execute(trx);
          if (fail) throw new Error(`bad ${v}`);
          return v;
        });
        const results = await Promise.allSettled([job('a'), job('b', true), job('c')]);
        expect(results).toEqual([{ status: 'fulfilled', value: 'a' }, { status: 'rejected', reason: new Error('bad b') }, { status: 'fulfilled', value: 'c' }]);
        expect((await sql<{ v: string }>`SELECT v FROM t ORDER BY v`.execute(dialect.db)).rows.map((r) => r.v)).toEqual(['a', 'c']);
        expect(runs).toEqual(['a', 'b', 'a', 'c']);
        expect(sizes).toEqual([2]);
      } finally {
        await dialect.close();
      }
    });

    it('runs neighbouring writes of one kind as one call, and one by one again when that call throws', async () => {
      const dialect = await openSqliteDialect(':memory:');
      try {
        await sql`CREATE TABLE t (v TEXT NOT NULL)`.execute(dialect.db);
        const calls: string[][] = [];
        const runAll = async (trx: Transaction<Database>, inputs: (string | null)[]) => {
          calls.push(inputs.map(String));
          for (const v of inputs) await sql`INSERT INTO t (v) VALUES (${v})`.execute(trx);
          return inputs.map((v) => `stored ${v}`);
        };
        const group = createGroupCommit<string>(dialect.db, () => undefined);
        const put = (v: string | null) => group.submitCombinable({ kind: 'put', input: v, runAll });
        const good = await Promise.all([put('a'), put('b'), group.submit(async () => 'between'), put('c')]);
        expect(good).toEqual(['stored a', 'stored b', 'between', 'stored c']);
        expect(calls).toEqual([['a', 'b'], ['c']]);
        calls.length = 0;
        // null breaks NOT NULL: the run of three fails, runs again write by write, and only the null one fails
        const results = await Promise.allSettled([put('d'), put(null), put('e')]);
        expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
        expect(calls).toEqual([['d', 'null', 'e'], ['d'], ['null'], ['d'], ['e']]);
        expect((await sql<{ v: string }>`SELECT v FROM t ORDER BY v`.execute(dialect.db)).rows.map((r) => r.v)).toEqual(['a', 'b', 'c', 'd', 'e']);
      } finally {
        await dialect.close();
      }
    });

    it('takes at most maxBatch writes per transaction', async () => {
      const dialect = await openSqliteDialect(':memory:');
      try {
        const sizes: number[] = [];
        const group = createGroupCommit<number>(dialect.db, () => undefined, { maxBatch: 3, onBatch: (n) => sizes.push(n) });
        const values = await Promise.all(Array.from({ length: 7 }, (_, i) => group.submit(async () => i)));
        expect(values).toEqual([0, 1, 2, 3, 4, 5, 6]);
        expect(sizes).toEqual([3, 3, 1]);
      } finally {
        await dialect.close();
      }
    });
  });

  describe('on SQLite', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coplan-group-'));
    let n = 0;
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
    groupCommitContract(() => openSqliteDialect(path.join(dir, `g-${++n}.sqlite`)));
  });

  describe('on PostgreSQL', () => {
    const db = postgresSuite('t_group');
    if (!db) return;
    groupCommitContract(() => openPostgresDialect({ connectionString: db.url, schema: db.freshSchema(), poolSize: 4 }));
  });
});
