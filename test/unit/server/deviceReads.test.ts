// a device's own pins (?mine: listPins with its author hashes) cost its own rows: on SQLite every read of pins goes
// through the (consultation, author, created_at, id) index, one branch per hash, without a sort, and so does
// re-keying an old hash; on PostgreSQL the plan reads no other author's row. Also what they answer: every hash's pins once, in list order, with the other filters;
// and re-keying a device's old hash reaches its pins in every consultation.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createStorage } from '../../../src/server/storage/databaseStorage.ts';
import { openPostgresDialect } from '../../../src/server/storage/db/postgresDialect.ts';
import { openSqliteDialect } from '../../../src/server/storage/db/sqliteDialect.ts';
import type { StorageDialect } from '../../../src/server/storage/db/storageDialect.ts';
import { pinListQuery, rekeyPins } from '../../../src/server/storage/queries/pins.ts';
import { PIN_COLUMNS } from '../../../src/server/storage/pinRows.ts';
import type { PinFilter, ServerPin, Storage } from '../../../src/server/storage/storage.ts';
import { explainPlan } from '../../support/explainPlan.ts';
import { postgresSuite } from '../../support/postgresSuite.ts';
import { testConsultation, testPin } from '../../support/serverFixtures.ts';
import { seedData } from './storageSuite.ts';

const KEYED = 'me-keyed';
const LEGACY = 'me-legacy';
const OTHERS = 40;

/** 40 other devices with 100 pins each, and this device's 30 pins under its keyed hash and 10 under its old one, interleaved in time */
function pins(): { all: ServerPin[]; mine: ServerPin[] } {
  const all: ServerPin[] = [];
  for (let i = 0; i < OTHERS * 100 + 40; i++) {
    const own = i % 101 === 7 && all.filter((p) => p.properties.author === KEYED || p.properties.author === LEGACY).length < 40;
    const author = own ? (i % 4 === 0 ? LEGACY : KEYED) : `dev-${i % OTHERS}`;
    const at = new Date(Date.UTC(2030, 0, 1) + Math.floor(i / 3) * 1000).toISOString();
    const position: [number, number] = [-2.29 + ((i * 7919) % 1000) / 1000 * 0.18, 53.41 + ((i * 104729) % 1000) / 1000 * 0.08];
    all.push(testPin({ id: `p-${String(i).padStart(5, '0')}`, author, createdAt: at, updatedAt: at, kind: i % 3 ? 'asset' : 'priority', position }));
  }
  return { all, mine: all.filter((p) => p.properties.author === KEYED || p.properties.author === LEGACY) };
}

const byListOrder = (a: ServerPin, b: ServerPin) => a.properties.createdAt.localeCompare(b.properties.createdAt) || a.id.localeCompare(b.id);
const ME = [KEYED, LEGACY];
const WIDE: [number, number, number, number] = [-2.3, 53.4, -2.1, 53.5];
const NARROW: [number, number, number, number] = [-2.27, 53.4, -2.22, 53.5];
/** what a device may ask for with ?mine=true, and the pins (of its own) each should answer */
const FILTERS: [string, PinFilter, (p: ServerPin) => boolean][] = [
  ['alone', { author: ME, limit: 10_001 }, () => true],
  ['one hash', { author: KEYED }, (p) => p.properties.author === KEYED],
  ['kind', { author: ME, kind: 'priority' }, (p) => p.properties.kind === 'priority'],
  ['since', { author: ME, since: '2030-01-01T00:10:00.000Z' }, (p) => p.properties.updatedAt > '2030-01-01T00:10:00.000Z'],
  ['wide bbox', { author: ME, bbox: WIDE }, () => true],
  ['narrow bbox', { author: ME, bbox: NARROW }, ({ geometry: { coordinates: [x] } }) => x! >= -2.27 && x! <= -2.22],
  ['area', { author: ME, area: 'east' }, (p) => p.properties.area === 'east'],
];

async function filled(dialect: StorageDialect): Promise<{ storage: Storage; consultationId: string; mine: ServerPin[] }> {
  const storage = await createStorage(dialect, { seed: seedData });
  const [consultation] = await storage.listConsultations();
  const { all, mine } = pins();
  await storage.consultation(consultation!.id).bulkInsertPins(all);
  return { storage, consultationId: consultation!.id, mine };
}

function answers(open: () => Promise<StorageDialect>): void {
  it('lists every hash of a device once, in list order, after the other filters and within the limit', async () => {
    const { storage, consultationId, mine } = await filled(await open());
    try {
      const here = storage.consultation(consultationId);
      const ids = async (filter: PinFilter) => (await here.listPins(filter)).map((p) => p.id);
      for (const [name, filter, keep] of FILTERS) {
        const own = mine.filter((p) => (typeof filter.author === 'string' ? p.properties.author === filter.author : true) && keep(p));
        expect(own.length, name).toBeGreaterThan(0);
        expect(await ids(filter), name).toEqual(own.sort(byListOrder).map((p) => p.id));
      }
      expect(await ids({ author: ME, limit: 15 })).toEqual(mine.sort(byListOrder).slice(0, 15).map((p) => p.id));
      // a hash twice, or an empty one, changes nothing; no hash at all is no pin
      expect(await ids({ author: [KEYED, '', KEYED, LEGACY] })).toEqual(await ids({ author: ME }));
      expect(await ids({ author: [] })).toEqual([]);
      expect(await ids({ author: [''] })).toEqual([]);
    } finally {
      await storage.close();
    }
  });

  it('re-keys a device’s old hash in every consultation, and nobody else’s pins', async () => {
    const { storage, consultationId, mine } = await filled(await open());
    try {
      const second = await storage.createConsultation(testConsultation({ pins: [] }), 'admin');
      if (!second.ok) throw new Error('no second consultation');
      const elsewhere = storage.consultation(second.consultation.id);
      await elsewhere.bulkInsertPins([testPin({ id: 'elsewhere-old', author: LEGACY }), testPin({ id: 'elsewhere-other', author: 'dev-1' })]);
      const legacy = mine.filter((p) => p.properties.author === LEGACY).length;
      expect(await storage.adoptAuthor(LEGACY, KEYED)).toBe(legacy + 1);
      const here = storage.consultation(consultationId);
      expect((await here.listPins({ author: KEYED })).map((p) => p.id)).toEqual(mine.sort(byListOrder).map((p) => p.id));
      expect(await here.listPins({ author: LEGACY })).toEqual([]);
      expect((await elsewhere.listPins({ author: KEYED })).map((p) => p.id)).toEqual(['elsewhere-old']);
      expect((await here.listPins({ author: 'dev-1' })).length).toBe(100);
    } finally {
      await storage.close();
    }
  });
}

/** the statement the server ran before: one `author IN (…)`, which SQLite answered by walking the consultation in list order */
const before = (dialect: StorageDialect, consultationId: string) => dialect.db.selectFrom('pins').select(PIN_COLUMNS)
  .where('consultation_id', '=', consultationId).where('hidden', '=', dialect.bool(false)).where('author', 'in', [...ME, ''])
  .orderBy('created_at').orderBy('id').limit(10_001);

describe('a device’s own pins on SQLite', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coplan-device-reads-'));
  let n = 0;
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const open = () => openSqliteDialect(path.join(dir, `reads-${++n}.sqlite`));
  answers(open);

  it('reads them from the author index, one search per hash, with no sort and nothing else scanned', async () => {
    const dialect = await open();
    const { storage, consultationId } = await filled(dialect);
    try {
      for (const [name, filter] of FILTERS) {
        const hashes = typeof filter.author === 'string' ? 1 : ME.length;
        const plan = await explainPlan(dialect, (await pinListQuery(dialect, consultationId, filter))!);
        expect(plan.filter((line) => /pins/.test(line)), name).toEqual(Array(hashes).fill('SEARCH pins USING INDEX pins_consultation_author_created (consultation_id=? AND author=?)'));
        expect(plan.filter((line) => /TEMP B-TREE/.test(line)), name).toEqual([]);
      }
      // what this guards against: the same pins asked for with IN walk the whole consultation by creation time
      expect(await explainPlan(dialect, before(dialect, consultationId))).toEqual(['SEARCH pins USING INDEX pins_consultation_created (consultation_id=?)']);
      // re-keying an old hash looks the device's pins up in each consultation, and scans none
      const rekey = await explainPlan(dialect, rekeyPins(dialect.db, [consultationId, 'another'], LEGACY, KEYED));
      expect(rekey).toEqual([expect.stringMatching(/^SEARCH pins USING (COVERING )?INDEX pins_consultation_author_created \(consultation_id=\? AND author=\?\)$/)]);
    } finally {
      await storage.close();
    }
  });
});

describe('a device’s own pins on PostgreSQL', () => {
  const db = postgresSuite('t_device_reads');
  if (!db) return;
  const open = () => openPostgresDialect({ connectionString: db.url, schema: db.freshSchema() });
  answers(open);

  it('reads no other author’s row of the 4000', async () => {
    const dialect = await open();
    const { storage, consultationId, mine } = await filled(dialect);
    try {
      // what autovacuum does on a live server soon after pins arrive
      await sql`ANALYZE pins`.execute(dialect.db);
      for (const [name, filter] of FILTERS) {
        const plan = await explainPlan(dialect, (await pinListQuery(dialect, consultationId, filter))!);
        expect(plan.filter((line) => /Seq Scan on pins/.test(line)), name).toEqual([]);
        // rows taken from the table: what each scan of pins gave, and what its filters then dropped
        const read = plan.reduce((sum, line) => {
          const scanned = /(?:Index Scan|Index Only Scan|Bitmap Heap Scan) .*on pins .*actual rows=(\d+)/.exec(line);
          const dropped = /Rows Removed by (?:Filter|Index Recheck): (\d+)/.exec(line);
          return sum + Number(scanned?.[1] ?? 0) + Number(dropped?.[1] ?? 0);
        }, 0);
        expect(read, `${name}: ${plan.join('\n')}`).toBeLessThanOrEqual(mine.length);
      }
    } finally {
      await storage.close();
    }
  });
});
