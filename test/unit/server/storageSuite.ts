// the storage contract, run against every adapter (SQLite and PostgreSQL) by the *.test.ts files beside it.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { EventLogOptions } from '../../../src/server/storage/eventLog.ts';
import type { ConsultationStorage, SeedData, Storage, StorageEvent } from '../../../src/server/storage/storage.ts';
import { locateTestArea, testAreas, testConsultation, testPin, testThemes } from '../../support/serverFixtures.ts';

/** fresh=true opens a new empty database; fresh=false opens the most recent one again */
export type OpenStorage = (fresh: boolean, options?: { eventLog?: EventLogOptions }) => Promise<Storage>;


/** the storage and its default (oldest) consultation, the one the seed made */
export async function openDefault(open: OpenStorage, fresh: boolean, options?: { eventLog?: EventLogOptions }): Promise<{ storage: Storage; here: ConsultationStorage }> {
  const storage = await open(fresh, options);
  const [oldest] = await storage.listConsultations();
  return { storage, here: storage.consultation(oldest!.id) };
}

export function storageContract(open: OpenStorage): void {
  let storage: Storage;
  let here: ConsultationStorage;
  beforeEach(async () => {
    ({ storage, here } = await openDefault(open, true));
  });
  afterEach(async () => {
    await storage.close();
  });

  it('is seeded with areas, themes and pins once', async () => {
    expect((await here.getAreas()).features.map((f) => f.id)).toEqual(['west', 'east']);
    expect((await here.getThemes()).map((t) => t.id)).toEqual(['green', 'safety']);
    expect(await here.countPins()).toBe(1);
    // reopening the same database must not seed again
    const again = await openDefault(open, false);
    expect(await again.here.countPins()).toBe(1);
    expect(await again.storage.listConsultations()).toHaveLength(1);
    await again.storage.close();
  });

  it('stores a pin and gives it back unchanged, without mutating the input', async () => {
    const pin = testPin({ note: 'by the pond', sentiment: 'positive', author: 'a1', sessionId: 's1' });
    const before = structuredClone(pin);
    const result = await here.createPin(pin);
    expect(result.status).toBe('created');
    expect(pin).toEqual(before);
    expect(await here.getPin(pin.id)).toEqual(pin);
    expect(await here.getPin('no-such-pin')).toBeNull();
  });

  it('filters pins by kind, theme, area, bbox, since and author', async () => {
    const a = testPin({ kind: 'priority', theme: 'safety', position: [-2.15, 53.45], author: 'x', updatedAt: '2030-01-01T00:00:00.000Z' });
    const b = testPin({ kind: 'asset', theme: 'green', position: [-2.25, 53.41], author: 'y' });
    await here.createPin(a);
    await here.createPin(b);
    const ids = async (f: Parameters<ConsultationStorage['listPins']>[0]) => (await here.listPins(f)).map((p) => p.id).filter((id) => id === a.id || id === b.id);
    expect(await ids({ kind: 'priority' })).toEqual([a.id]);
    expect(await ids({ theme: 'green' })).toEqual([b.id]);
    expect(await ids({ area: 'east' })).toEqual([a.id]);
    expect(await ids({ bbox: [-2.3, 53.4, -2.2, 53.42] })).toEqual([b.id]);
    expect(await ids({ since: '2029-12-31T00:00:00.000Z' })).toEqual([a.id]);
    expect(await ids({ author: 'y' })).toEqual([b.id]);
    expect((await ids({})).sort()).toEqual([a.id, b.id].sort());
  });

  it('gives at most `limit` pins, the first by creation time then id, after the other filters', async () => {
    const at = (second: number) => new Date(Date.UTC(2030, 0, 1, 0, 0, second)).toISOString();
    const [third, first, second] = [3, 1, 2].map((s) => testPin({ createdAt: at(s), updatedAt: at(s), author: 'lim' }));
    // the same creation time as `first`: the id orders them ('zz' after 'pin-')
    const tie = testPin({ id: 'zz-tie', createdAt: at(1), updatedAt: at(1), author: 'lim' });
    for (const pin of [third!, first!, second!, tie]) await here.createPin(pin);
    const ids = async (f: Parameters<ConsultationStorage['listPins']>[0]) => (await here.listPins(f)).map((p) => p.id);
    expect(await ids({ limit: 2 })).toEqual(['seeded-1', first!.id]);
    expect(await ids({ limit: 100 })).toEqual(['seeded-1', first!.id, tie.id, second!.id, third!.id]);
    expect(await ids({ author: 'lim', limit: 3 })).toEqual([first!.id, tie.id, second!.id]);
    // hidden pins are left out before counting
    await here.moderatePin(first!.id, { hidden: true, reason: 'spam', actor: 'p', at: at(9) });
    expect(await ids({ author: 'lim', limit: 2 })).toEqual([tie.id, second!.id]);
    expect(await ids({ author: 'lim', limit: 2, includeHidden: true })).toEqual([first!.id, tie.id]);
  });

  it('combines author with bbox, for views narrow and wide', async () => {
    const mineWest = testPin({ author: 'me', position: [-2.25, 53.45] });
    const mineEast = testPin({ author: 'me', position: [-2.15, 53.45] });
    const otherWest = testPin({ author: 'other', position: [-2.2501, 53.4501] });
    for (const pin of [mineWest, mineEast, otherWest]) await here.createPin(pin);
    const ids = async (f: Parameters<ConsultationStorage['listPins']>[0]) => (await here.listPins(f)).map((p) => p.id).sort();
    // a street-sized view and one spanning every pin (SQLite reads them through its index, or scans)
    expect(await ids({ author: 'me', bbox: [-2.26, 53.44, -2.24, 53.46] })).toEqual([mineWest.id]);
    expect(await ids({ bbox: [-2.26, 53.44, -2.24, 53.46] })).toEqual(['seeded-1', mineWest.id, otherWest.id].sort());
    expect(await ids({ author: 'me', bbox: [-2.3, 53.4, -2.1, 53.5] })).toEqual([mineWest.id, mineEast.id].sort());
    expect(await ids({ author: 'me', bbox: [-2.2, 53.4, -2.1, 53.5], kind: 'asset', limit: 5 })).toEqual([mineEast.id]);
    expect(await ids({ author: 'nobody', bbox: [-2.3, 53.4, -2.1, 53.5] })).toEqual([]);
  });

  it('stores a pin once per idempotency key, even when the key arrives concurrently', async () => {
    const key = { key: 'k-1', fingerprint: 'f-1' };
    const attempts = Array.from({ length: 12 }, () => testPin({ author: 'dev-a' }));
    const results = await Promise.all(attempts.map((p) => here.createPin(p, key)));
    expect(results.filter((r) => r.status === 'created')).toHaveLength(1);
    expect(new Set(results.map((r) => ('pin' in r ? r.pin.id : r.status))).size).toBe(1);
    expect(results.filter((r) => r.status === 'replayed')).toHaveLength(11);
    expect((await here.listPins({ author: 'dev-a' })).length).toBe(1);
    // the same key with a different body is reported, not stored
    const reused = await here.createPin(testPin({ author: 'dev-a' }), { key: 'k-1', fingerprint: 'other' });
    expect(reused.status).toBe('key-reused');
    // another device may use the same key for its own pin
    expect((await here.createPin(testPin({ author: 'dev-b' }), key)).status).toBe('created');
  });

  it('updates fields, removes optional ones with null, and reports missing pins', async () => {
    const pin = testPin({ note: 'old', sentiment: 'negative' });
    await here.createPin(pin);
    const updated = await here.updatePin(pin.id, { title: 'New title', note: null, sentiment: null, position: [-2.15, 53.45], area: 'east' }, '2031-01-01T00:00:00.000Z');
    expect(updated?.properties).toMatchObject({ title: 'New title', area: 'east', updatedAt: '2031-01-01T00:00:00.000Z' });
    expect(updated?.properties.note).toBeUndefined();
    expect(updated?.properties.sentiment).toBeUndefined();
    expect(await here.getPin(pin.id)).toEqual(updated);
    expect(await here.updatePin('missing', { title: 'x' }, '2031-01-01T00:00:00.000Z')).toBeNull();
  });

  it('deletes pins', async () => {
    const pin = testPin();
    await here.createPin(pin);
    expect(await here.deletePin(pin.id)).toBe(true);
    expect(await here.deletePin(pin.id)).toBe(false);
    expect(await here.getPin(pin.id)).toBeNull();
  });

  it('counts support once per supporter', async () => {
    const pin = testPin();
    await here.createPin(pin);
    const first = await here.supportPin(pin.id, 'dev-1', '2031-01-01T00:00:00.000Z');
    const twice = await here.supportPin(pin.id, 'dev-1', '2031-01-01T00:00:01.000Z');
    const other = await here.supportPin(pin.id, 'dev-2', '2031-01-01T00:00:02.000Z');
    expect([first?.added, twice?.added, other?.added]).toEqual([true, false, true]);
    expect(other?.pin.properties.supports).toBe(2);
    expect(await here.supportPin('missing', 'dev-1', '2031-01-01T00:00:00.000Z')).toBeNull();
  });

  it('withdraws a support once, only the supporter\'s own, and announces only a real change', async () => {
    const pin = testPin();
    await here.createPin(pin);
    const seen: StorageEvent[] = [];
    const stop = here.subscribe((e) => seen.push(e));
    await here.supportPin(pin.id, 'dev-1', '2031-01-01T00:00:00.000Z');
    await here.supportPin(pin.id, 'dev-2', '2031-01-01T00:00:01.000Z');
    const notMine = await here.unsupportPin(pin.id, 'dev-3', '2031-01-01T00:00:02.000Z');
    expect(notMine).toMatchObject({ removed: false, pin: { properties: { supports: 2 } } });
    const withdrawn = await here.unsupportPin(pin.id, 'dev-1', '2031-01-01T00:00:03.000Z');
    expect(withdrawn).toMatchObject({ removed: true, pin: { properties: { supports: 1, updatedAt: '2031-01-01T00:00:03.000Z' } } });
    const twice = await here.unsupportPin(pin.id, 'dev-1', '2031-01-01T00:00:04.000Z');
    expect(twice).toMatchObject({ removed: false, pin: { properties: { supports: 1 } } });
    expect((await here.getPin(pin.id))?.properties.supports).toBe(1);
    // supporting again after withdrawing counts again
    expect((await here.supportPin(pin.id, 'dev-1', '2031-01-01T00:00:05.000Z'))?.added).toBe(true);
    expect(await here.unsupportPin('missing', 'dev-1', '2031-01-01T00:00:00.000Z')).toBeNull();
    // two supports, one withdrawal, one support again: four updates, none for the calls that changed nothing
    // (on PostgreSQL the pin's own creation can arrive after subscribing, through LISTEN)
    const updates = () => seen.flatMap((e) => (e.type === 'pin-updated' ? [e.pin.properties.supports] : []));
    await expect.poll(updates, { timeout: 3000 }).toEqual([1, 2, 1, 2]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(updates()).toHaveLength(4);
    stop();
  });

  it('takes back only supports it holds, and keeps the count equal to the supports under concurrent toggles', async () => {
    // a pin seeded with a count but no support rows (like the demo data): a withdrawal there changes nothing
    const imported = testPin({ supports: 3 });
    await here.createPin(imported);
    expect(await here.unsupportPin(imported.id, 'dev-1', '2031-01-01T00:00:00.000Z')).toMatchObject({ removed: false, pin: { properties: { supports: 3 } } });
    const pin = testPin();
    await here.createPin(pin);
    const at = '2031-01-01T00:00:00.000Z';
    const toggles = Array.from({ length: 16 }, (_, i) => (i % 2 === 0 ? here.supportPin(pin.id, `dev-${i % 4}`, at) : here.unsupportPin(pin.id, `dev-${(i - 1) % 4}`, at)));
    const results = await Promise.all(toggles);
    const added = results.filter((r) => r && 'added' in r && r.added).length;
    const removed = results.filter((r) => r && 'removed' in r && r.removed).length;
    expect((await here.getPin(pin.id))?.properties.supports).toBe(added - removed);
    expect(added - removed).toBeGreaterThanOrEqual(0);
  });

  it('hides and restores pins with a reason, keeping an audit log', async () => {
    const pin = testPin();
    await here.createPin(pin);
    const hidden = await here.moderatePin(pin.id, { hidden: true, reason: 'personal data', actor: 'planner', at: '2031-01-01T00:00:00.000Z' });
    expect(hidden?.properties).toMatchObject({ hidden: true, hiddenReason: 'personal data' });
    expect((await here.listPins()).some((p) => p.id === pin.id)).toBe(false);
    expect((await here.listPins({ includeHidden: true })).some((p) => p.id === pin.id)).toBe(true);
    const restored = await here.moderatePin(pin.id, { hidden: false, reason: 'edited by author', actor: 'planner', at: '2031-01-01T00:00:01.000Z' });
    expect(restored?.properties.hidden).toBe(false);
    expect(restored?.properties.hiddenReason).toBeUndefined();
    const log = await here.listAudit();
    expect(log.slice(0, 2).map((e) => [e.action, e.pinId, e.reason])).toEqual([
      ['restore', pin.id, 'edited by author'],
      ['hide', pin.id, 'personal data'],
    ]);
    expect(await here.moderatePin('missing', { hidden: true, reason: 'x', actor: 'p', at: '2031-01-01T00:00:00.000Z' })).toBeNull();
  });

  it('replaces areas all-or-nothing, refusing when a pin would fall outside', async () => {
    const pin = testPin({ position: [-2.15, 53.45] });
    await here.createPin(pin);
    const westOnly = { ...testAreas(), features: testAreas().features.slice(0, 1) };
    const refused = await here.replaceAreas(westOnly, (p) => (locateTestArea(p) === 'west' ? 'west' : null), 'planner');
    expect(refused).toMatchObject({ ok: false, code: 'pins-outside-areas' });
    expect((await here.getAreas()).features).toHaveLength(2);
    expect((await here.getPin(pin.id))?.properties.area).toBe('east');

    const merged = { ...testAreas(), features: [{ ...testAreas().features[0]!, id: 'all', properties: { id: 'all', name: 'All' } }] };
    const ok = await here.replaceAreas(merged, () => 'all', 'planner');
    expect(ok).toMatchObject({ ok: true });
    expect((await here.getAreas()).features.map((f) => f.id)).toEqual(['all']);
    expect((await here.getPin(pin.id))?.properties.area).toBe('all');
    expect((await here.listAudit())[0]?.action).toBe('replace-areas');
  });

  it('refuses to drop a theme that pins still use', async () => {
    await here.createPin(testPin({ theme: 'safety' }));
    const refused = await here.replaceThemes(testThemes().filter((t) => t.id !== 'safety'), 'planner');
    expect(refused).toMatchObject({ ok: false, code: 'themes-in-use' });
    expect((await here.getThemes()).map((t) => t.id)).toContain('safety');
    const added = await here.replaceThemes([...testThemes(), { id: 'play', label: 'Play', colour: '#123456', icon: 'ball' }], 'planner');
    expect(added.ok).toBe(true);
    expect((await here.getThemes()).map((t) => t.id)).toEqual(['green', 'safety', 'play']);
  });

  it('announces changes to subscribers, hidden pins by id only', async () => {
    const seen: StorageEvent[] = [];
    const stop = here.subscribe((e) => seen.push(e));
    const pin = testPin();
    await here.createPin(pin);
    await here.updatePin(pin.id, { title: 'Changed' }, '2031-01-01T00:00:00.000Z');
    await here.moderatePin(pin.id, { hidden: true, reason: 'spam', actor: 'p', at: '2031-01-01T00:00:01.000Z' });
    await here.deletePin(pin.id);
    await expect.poll(() => seen.map((e) => e.type), { timeout: 3000 }).toEqual(['pin-created', 'pin-updated', 'pin-hidden', 'pin-deleted']);
    expect(JSON.stringify(seen[2])).not.toContain('Changed');
    stop();
  });
}

export const seedData = (): SeedData => ({ consultations: [testConsultation({ pins: [testPin({ id: 'seeded-1' })] })] });
