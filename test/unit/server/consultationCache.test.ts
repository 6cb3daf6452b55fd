// the consultation every request reads is kept for a second at most: a change made here is seen at once, one made by
// another process as soon as its NOTIFY arrives, and a read that raced a change never brings the old row back.
import { describe, expect, it } from 'vitest';
import { CONSULTATION_CACHE_MS, createConsultationCache } from '../../../src/server/storage/consultationCache.ts';
import { openPostgresStorage } from '../../../src/server/storage/openStorage.ts';
import type { Consultation } from '../../../src/server/storage/storage.ts';
import { postgresSuite } from '../../support/postgresSuite.ts';
import { seed } from '../../support/serverHarness.ts';

const consultation = (title: string) => ({ id: 'c1', slug: 'parks', title }) as Consultation;

describe('the consultation cache', () => {
  it('reads once per CONSULTATION_CACHE_MS, by slug and by id apart, and keeps no miss', async () => {
    let now = 0;
    const cache = createConsultationCache(() => now);
    let reads = 0;
    const read = (found: Consultation | null) => async () => {
      reads++;
      return found;
    };
    expect((await cache.get({ slug: 'parks' }, read(consultation('A'))))?.title).toBe('A');
    expect((await cache.get({ slug: 'parks' }, read(consultation('B'))))?.title).toBe('A');
    expect(reads).toBe(1);
    await cache.get({ id: 'c1' }, read(consultation('A')));
    expect(reads).toBe(2);
    now += CONSULTATION_CACHE_MS;
    expect((await cache.get({ slug: 'parks' }, read(consultation('B'))))?.title).toBe('B');
    // a slug that does not exist yet is asked again every time: it exists the moment it is made
    await cache.get({ slug: 'new' }, read(null));
    expect((await cache.get({ slug: 'new' }, read(consultation('New'))))?.title).toBe('New');
    expect(reads).toBe(5);
  });

  it('empties on an event that changes a consultation row, and only on one', async () => {
    const cache = createConsultationCache(() => 0);
    await cache.get({ slug: 'parks' }, async () => consultation('A'));
    cache.heard('pin-created');
    expect((await cache.get({ slug: 'parks' }, async () => consultation('B')))?.title).toBe('A');
    for (const type of ['consultation-updated', 'areas-replaced', 'themes-replaced'] as const) {
      cache.heard(type);
      expect((await cache.get({ slug: 'parks' }, async () => consultation(type)))?.title).toBe(type);
    }
  });

  it('does not keep a row read while a change came in', async () => {
    const cache = createConsultationCache(() => 0);
    let release!: () => void;
    const slow = cache.get({ slug: 'parks' }, () => new Promise<Consultation>((resolve) => (release = () => resolve(consultation('old')))));
    cache.heard('consultation-updated');
    release();
    expect((await slow)?.title).toBe('old');
    expect((await cache.get({ slug: 'parks' }, async () => consultation('new')))?.title).toBe('new');
  });
});

describe('the consultation cache on PostgreSQL, two processes', () => {
  const db = postgresSuite('t_consultation_cache');
  if (!db) return;

  it('sees a change made here at once, and one made by the other process by NOTIFY, well within the second', async () => {
    const schema = db.freshSchema();
    const here = await openPostgresStorage({ connectionString: db.url, schema, seed });
    const there = await openPostgresStorage({ connectionString: db.url, schema, seed });
    try {
      const [first] = await here.listConsultations();
      const slug = first!.slug;
      // both have read (and kept) it
      expect((await here.getConsultation(slug))?.title).toBe(first!.title);
      expect((await there.getConsultation(slug))?.title).toBe(first!.title);
      await here.updateConsultation(first!.id, { title: 'Renamed here' }, 'admin', new Date().toISOString());
      expect((await here.getConsultation(slug))?.title).toBe('Renamed here');
      expect((await here.getConsultationById(first!.id))?.title).toBe('Renamed here');
      const started = Date.now();
      await expect.poll(async () => (await there.getConsultation(slug))?.title, { interval: 20, timeout: 5000 }).toBe('Renamed here');
      // by its NOTIFY, not by the cache running out
      expect(Date.now() - started).toBeLessThan(CONSULTATION_CACHE_MS);
    } finally {
      await here.close();
      await there.close();
    }
  });
});
