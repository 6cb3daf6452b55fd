// "what changed since your last visit": the visit record on the device, and the changes on the followed pins.
import { describe, expect, it } from 'vitest';
import { changesSince, followedPinIds } from '../../src/core/dialogue/changesSince.ts';
import type { FollowablePin } from '../../src/core/dialogue/changesSince.ts';
import { VISIT_GAP_MS, visitChangesDismissed, visitOpened } from '../../src/persistence/lastVisit.ts';

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
}

describe('visitOpened', () => {
  it('gives no last visit the first time, the last visit\'s start on a later one, and keeps it across reloads within a visit', () => {
    const storage = memoryStorage();
    const t0 = new Date('2026-12-01T10:00:00.000Z');
    expect(visitOpened('park', t0, storage)).toEqual({ previous: null, dismissed: false });
    // a reload ten minutes later is the same visit
    expect(visitOpened('park', new Date(t0.getTime() + 10 * 60_000), storage)).toEqual({ previous: null, dismissed: false });
    const t1 = new Date(t0.getTime() + 10 * 60_000 + VISIT_GAP_MS);
    expect(visitOpened('park', t1, storage)).toEqual({ previous: t0.toISOString(), dismissed: false });
    visitChangesDismissed('park', storage);
    expect(visitOpened('park', new Date(t1.getTime() + 60_000), storage)).toEqual({ previous: t0.toISOString(), dismissed: true });
    // the next visit shows again, since the one before
    expect(visitOpened('park', new Date(t1.getTime() + 2 * VISIT_GAP_MS), storage)).toEqual({ previous: t1.toISOString(), dismissed: false });
    // another consultation keeps its own
    expect(visitOpened('other', t1, storage).previous).toBeNull();
  });
  it('treats unreadable storage as a first visit', () => {
    const storage = memoryStorage();
    storage.setItem('coplan.visit:park', '{"start":5}');
    expect(visitOpened('park', new Date(), storage).previous).toBeNull();
    expect(visitOpened('park', new Date(), undefined)).toEqual({ previous: null, dismissed: false });
  });
});

describe('changesSince', () => {
  const pin = (id: string, author?: string, at?: string): FollowablePin => ({
    id, properties: { title: `Pin ${id}`, ...(author ? { author } : {}), ...(at ? { response: { status: 'planned' as const, at } } : {}) },
  });
  const pins = [pin('own', 'me', '2026-12-02T10:00:00Z'), pin('supported', 'x', '2026-11-01T00:00:00Z'), pin('commented', 'y', '2026-12-03T00:00:00Z'), pin('other', 'z', '2026-12-02T00:00:00Z'), pin('quiet', 'me')];
  const following = { deviceToken: 'me', supportedIds: new Set(['supported']), commentedIds: new Set(['commented']) };
  it('follows own, supported and commented pins only', () => {
    expect(followedPinIds(pins, following)).toEqual(['own', 'supported', 'commented', 'quiet']);
  });
  it('lists answers after the time, newest first, comments most first, and the answered count', () => {
    const summary = changesSince(pins, following, '2026-12-01T00:00:00Z', { own: 1, quiet: 3, other: 9 });
    expect(summary.answers.map((a) => a.id)).toEqual(['commented', 'own']);
    expect(summary.comments).toEqual([{ id: 'quiet', title: 'Pin quiet', count: 3 }, { id: 'own', title: 'Pin own', count: 1 }]);
    expect([summary.answered, summary.followed]).toEqual([3, 4]);
  });
});
