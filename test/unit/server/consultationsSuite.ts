// the storage contract for what spans consultations: isolation between them, consultations themselves, staff
// accounts. Run against SQLite and PostgreSQL by the serverStorage*.test.ts files.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ConsultationStorage, Storage, StorageEvent } from '../../../src/server/storage/storage.ts';
import { testAreas, testConsultation, testPin } from '../../support/serverFixtures.ts';
import type { OpenStorage } from './storageSuite.ts';

const AT = '2031-01-01T00:00:00.000Z';

export function consultationsContract(open: OpenStorage): void {
  let storage: Storage;
  let one: ConsultationStorage;
  let two: ConsultationStorage;
  beforeEach(async () => {
    storage = await open(true);
    const [seeded] = await storage.listConsultations();
    const created = await storage.createConsultation(testConsultation({ slug: 'second', title: 'Second' }), 'admin');
    if (!created.ok) throw new Error('could not create a second consultation');
    one = storage.consultation(seeded!.id);
    two = storage.consultation(created.consultation.id);
  });
  afterEach(async () => {
    await storage.close();
  });

  it('lists consultations oldest first with their visible pin counts, and finds them by slug and id', async () => {
    await two.createPin(testPin({ title: 'In two' }));
    const hidden = testPin();
    await two.createPin(hidden);
    await two.moderatePin(hidden.id, { hidden: true, reason: 'spam', actor: 'p', at: AT });
    const list = await storage.listConsultations();
    expect(list.map((c) => [c.id, c.pins])).toEqual([[one.consultationId, 1], [two.consultationId, 1]]);
    const second = list[1]!;
    expect(second).toMatchObject({ slug: 'second', title: 'Second', status: 'open', opensAt: null, settings: {} });
    expect(second.statusChangedAt).toBe(second.createdAt);
    const { pins: _count, ...withoutCount } = second;
    expect(await storage.getConsultation('second')).toEqual(withoutCount);
    expect(await storage.getConsultationById(second.id)).toEqual(await storage.getConsultation('second'));
    expect(await storage.getConsultation('nope')).toBeNull();
    expect(await storage.getConsultationById('00000000-0000-0000-0000-000000000000')).toBeNull();
    expect((await two.listAudit()).map((e) => [e.action, e.actor])).toEqual([['hide', 'p'], ['create-consultation', 'admin']]);
  });

  it('refuses a slug that is taken, storing nothing', async () => {
    const before = await storage.listConsultations();
    expect(await storage.createConsultation(testConsultation({ slug: 'second', title: 'Again' }), 'admin')).toEqual({ ok: false, code: 'slug-taken' });
    expect(await storage.listConsultations()).toEqual(before);
  });

  it('keeps pins, supports, moderation, audit and counts of one consultation out of the other', async () => {
    const mine = testPin({ title: 'Only in one', author: 'me' });
    const theirs = testPin({ title: 'Only in two', author: 'me' });
    await one.createPin(mine);
    await two.createPin(theirs);
    expect(await one.getPin(theirs.id)).toBeNull();
    expect(await two.getPin(mine.id)).toBeNull();
    expect((await one.listPins({ author: 'me' })).map((p) => p.id)).toEqual([mine.id]);
    expect((await two.listPins({ includeHidden: true })).map((p) => p.id)).toEqual([theirs.id]);
    expect([await one.countPins(), await two.countPins()]).toEqual([2, 1]);
    // changes through the wrong consultation find nothing and change nothing
    expect(await two.updatePin(mine.id, { title: 'Hijacked' }, AT)).toBeNull();
    expect(await two.supportPin(mine.id, 'dev-1', AT)).toBeNull();
    expect(await two.unsupportPin(mine.id, 'dev-1', AT)).toBeNull();
    expect(await two.moderatePin(mine.id, { hidden: true, reason: 'x', actor: 'p', at: AT })).toBeNull();
    expect(await two.deletePin(mine.id)).toBe(false);
    expect(await one.getPin(mine.id)).toEqual(mine);
    await one.supportPin(mine.id, 'dev-1', AT);
    await one.moderatePin(mine.id, { hidden: true, reason: 'spam', actor: 'planner', at: AT });
    expect((await one.listAudit()).map((e) => e.pinId)).toEqual([mine.id]);
    expect((await two.listAudit()).map((e) => e.action)).toEqual(['create-consultation']);
  });

  it('replaces the areas and themes of one consultation only, judging only its own pins', async () => {
    const east = testPin({ position: [-2.15, 53.45] });
    await two.createPin(east);
    const westOnly = { ...testAreas(), features: testAreas().features.slice(0, 1) };
    // consultation one has only a west pin: the east pin in two does not stop it, nor is it re-assigned
    expect(await one.replaceAreas(westOnly, () => 'west', 'planner')).toEqual({ ok: true, reassigned: 1 });
    expect((await one.getAreas()).features.map((f) => f.id)).toEqual(['west']);
    expect((await two.getAreas()).features.map((f) => f.id)).toEqual(['west', 'east']);
    expect(await two.getPin(east.id)).toEqual(east);
    // and the other way round: two refuses for its own pin
    expect(await two.replaceAreas(westOnly, () => null, 'planner')).toMatchObject({ ok: false, code: 'pins-outside-areas', sample: [east.id] });
    // themes: two's pins use 'green', which one may drop
    expect((await one.replaceThemes([{ id: 'safety', label: 'Safety', colour: '#c62828', icon: 'shield' }], 'planner')).ok).toBe(false);
    await one.deletePin('seeded-1');
    expect((await one.replaceThemes([{ id: 'safety', label: 'Safety', colour: '#c62828', icon: 'shield' }], 'planner')).ok).toBe(true);
    expect((await two.getThemes()).map((t) => t.id)).toEqual(['green', 'safety']);
  });

  it('takes a pin id once across all consultations', async () => {
    const pin = testPin();
    expect((await one.createPin(pin)).status).toBe('created');
    expect(await two.createPin({ ...pin, properties: { ...pin.properties, title: 'Same id' } })).toEqual({ status: 'id-taken' });
    expect(await one.createPin(pin)).toEqual({ status: 'id-taken' });
    // a key the author used in one consultation does not replay a pin of the other
    const keyed = testPin({ author: 'dev-k' });
    expect((await one.createPin(keyed, { key: 'k', fingerprint: 'f' })).status).toBe('created');
    expect(await two.createPin({ ...keyed, id: 'other-id' }, { key: 'k', fingerprint: 'f' })).toMatchObject({ status: 'created', pin: { id: 'other-id' } });
    expect(await two.getPin(pin.id)).toBeNull();
  });

  it('announces and replays each consultation its own events, on one sequence of ids', async () => {
    const seenOne: string[] = [];
    const seenAll: [string, string][] = [];
    const stopOne = one.subscribe((e) => seenOne.push(e.type));
    const stopAll = storage.subscribe((e, _id, consultationId) => seenAll.push([e.type, consultationId]));
    const start = (await one.latestEventId()) ?? 0;
    const a = testPin({ title: 'A in one' });
    const b = testPin({ title: 'B in two' });
    await one.createPin(a);
    await two.createPin(b);
    await two.updatePin(b.id, { title: 'B again' }, AT);
    await one.deletePin(a.id);
    await expect.poll(() => seenAll.length, { timeout: 3000 }).toBe(4);
    expect(seenAll).toEqual([['pin-created', one.consultationId], ['pin-created', two.consultationId], ['pin-updated', two.consultationId], ['pin-deleted', one.consultationId]]);
    expect(seenOne).toEqual(['pin-created', 'pin-deleted']);
    stopOne();
    stopAll();
    const latest = (await two.latestEventId())!;
    expect(await one.latestEventId()).toBe(latest);
    const types = async (c: ConsultationStorage) => (await c.eventsAfter(start, 100))?.filter((e) => e.id > start).map((e) => e.event?.type ?? null);
    expect(await types(one)).toEqual([null, 'pin-deleted']);
    expect(await types(two)).toEqual(['pin-created', 'pin-updated']);
    // an id of the other consultation's event is still a good cursor
    const lastOfTwo = (await two.eventsAfter(start, 100))!.at(-1)!.id;
    expect((await one.eventsAfter(lastOfTwo, 100))?.filter((e) => e.id > lastOfTwo).map((e) => e.event?.type)).toEqual(['pin-deleted']);
  });

  it('changes a consultation, moving statusChangedAt only with a status, with an audit entry and an event', async () => {
    const seen: StorageEvent[] = [];
    const stop = two.subscribe((e) => seen.push(e));
    const at1 = '2031-02-01T00:00:00.000Z';
    const renamed = await storage.updateConsultation(two.consultationId, { title: 'Renamed', settings: { smallCountK: 5 } }, 'planner', at1);
    expect(renamed).toMatchObject({ title: 'Renamed', settings: { smallCountK: 5 }, status: 'open', updatedAt: at1 });
    expect(renamed!.statusChangedAt).not.toBe(at1);
    const at2 = '2031-03-01T00:00:00.000Z';
    const closed = await storage.updateConsultation(two.consultationId, { status: 'closed', closesAt: at2 }, 'planner', at2);
    expect(closed).toMatchObject({ title: 'Renamed', status: 'closed', closesAt: at2, statusChangedAt: at2, updatedAt: at2 });
    expect(await storage.getConsultationById(two.consultationId)).toEqual(closed);
    expect(await storage.updateConsultation('00000000-0000-0000-0000-000000000000', { title: 'x' }, 'planner', at2)).toBeNull();
    await expect.poll(() => seen.map((e) => e.type), { timeout: 3000 }).toEqual(['consultation-updated', 'consultation-updated']);
    stop();
    expect((await two.listAudit()).slice(0, 2).map((e) => [e.action, e.actor, e.at])).toEqual([['update-consultation', 'planner', at2], ['update-consultation', 'planner', at1]]);
    expect((await storage.getConsultationById(one.consultationId))?.title).toBe('Test consultation');
  });

  it('a consultation id that does not exist sees nothing', async () => {
    const none = storage.consultation('00000000-0000-0000-0000-000000000000');
    expect(await none.getAreas()).toEqual({ type: 'FeatureCollection', features: [] });
    expect(await none.getThemes()).toEqual([]);
    expect(await none.listPins({ includeHidden: true })).toEqual([]);
    expect(await none.countPins()).toBe(0);
    expect(await none.getPin('seeded-1')).toBeNull();
    expect(await none.listAudit()).toEqual([]);
  });
}
