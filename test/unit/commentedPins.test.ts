// the pins a device commented on: remembered per consultation across visits, so "answered" shows on them too.
import { describe, expect, it, vi } from 'vitest';
import { commentedPins } from '../../src/persistence/commentedPins.ts';
import type { PinRepository } from '../../src/persistence/pinRepository.ts';
import { createAppStore } from '../../src/store/appStore.ts';

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), items };
}
const comment = { id: 'c1', pinId: 'p1', parentId: null, text: 'hi', createdAt: '2026-01-01T00:00:00Z', editedAt: null };

describe('commentedPins', () => {
  it('remembers pins per consultation and survives a new visit', () => {
    const storage = memoryStorage();
    expect([...commentedPins('/api/consultations/a', storage).add(['p1', 'p2', 'p1'])]).toEqual(['p1', 'p2']);
    expect([...commentedPins('/api/consultations/a', storage).read()]).toEqual(['p1', 'p2']);
    expect(commentedPins('/api/consultations/b', storage).read().size).toBe(0);
  });
  it('starts empty from unreadable storage and still works in memory', () => {
    const storage = memoryStorage();
    storage.setItem('coplan.commented:/x', '{not json');
    const commented = commentedPins('/x', storage);
    expect(commented.read().size).toBe(0);
    expect(commented.add(['p9']).has('p9')).toBe(true);
    const blocked = { getItem: () => { throw new Error('blocked'); }, setItem: () => { throw new Error('blocked'); } };
    expect(commentedPins('/x', blocked).add(['p1']).has('p1')).toBe(true);
  });
});

describe('the store and commented pins', () => {
  it('adds a pin when this device comments on it or finds its own comment there, and reads them back next visit', async () => {
    const storage = memoryStorage();
    const send = vi.fn(async (method: string, path: string) => ({
      status: 200, headers: new Headers(), text: '',
      json: method === 'POST' ? { ...comment, pinId: 'p1', mine: true } : { comments: path.includes('/p2/') ? [{ ...comment, id: 'c2', pinId: 'p2', mine: true }] : [{ ...comment, pinId: 'p3' }] },
    }));
    const sync = { api: { consultationBase: '/api/consultations/x', send } } as never;
    const store = createAppStore({ repository: {} as PinRepository, deviceToken: 'd', sync, storage });
    expect(store.getState().commentedIds.size).toBe(0);
    expect(await store.getState().commentPosted('p1', 'hi', null)).toEqual({ ok: true });
    await store.getState().commentsRequested('p2');
    await store.getState().commentsRequested('p3');
    expect([...store.getState().commentedIds]).toEqual(['p1', 'p2']);
    const again = createAppStore({ repository: {} as PinRepository, deviceToken: 'd', sync, storage });
    expect([...again.getState().commentedIds]).toEqual(['p1', 'p2']);
  });
});
