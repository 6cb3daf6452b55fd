// a device's own comments: the minutes left to change them, and the store's edit kept in the loaded thread.
import { describe, expect, it, vi } from 'vitest';
import type { PinRepository } from '../../src/persistence/pinRepository.ts';
import { createAppStore } from '../../src/store/appStore.ts';
import { minutesLeft } from '../../src/ui/dialogue/OwnCommentActions.tsx';

describe('minutesLeft', () => {
  const at = '2026-12-01T12:00:00.000Z';
  it('counts whole minutes up, and is 0 once the 15 minutes are over', () => {
    expect(minutesLeft(at, Date.parse(at))).toBe(15);
    expect(minutesLeft(at, Date.parse('2026-12-01T12:14:01.000Z'))).toBe(1);
    expect(minutesLeft(at, Date.parse('2026-12-01T12:15:00.000Z'))).toBe(0);
    expect(minutesLeft(at, Date.parse('2026-12-01T13:00:00.000Z'))).toBe(0);
  });
});

describe('the store edits an own comment', () => {
  it('sends PATCH with the text and puts the edited comment in the thread, still "mine"; a refusal comes back as a result', async () => {
    const original = { id: 'c1', pinId: 'p1', parentId: null, text: 'old', createdAt: '2026-12-01T12:00:00.000Z', editedAt: null, mine: true };
    let refuse = false;
    const send = vi.fn(async (method: string) => {
      if (refuse) throw Object.assign(new Error('late'), { name: 'x' });
      return { status: 200, headers: new Headers(), text: '', json: method === 'GET' ? { comments: [original] } : { ...original, text: 'new', editedAt: '2026-12-01T12:05:00.000Z' } };
    });
    const sync = { api: { consultationBase: '/api/consultations/x', send } } as never;
    const store = createAppStore({ repository: {} as PinRepository, deviceToken: 'd', sync, storage: { getItem: () => null, setItem: () => undefined } });
    await store.getState().commentsRequested('p1');
    expect(await store.getState().commentEdited('p1', 'c1', 'new')).toEqual({ ok: true });
    expect(send).toHaveBeenLastCalledWith('PATCH', '/api/consultations/x/pins/p1/comments/c1', { body: { text: 'new' } });
    expect(store.getState().commentsByPin.get('p1')!.map((c) => [c.text, c.editedAt, c.mine])).toEqual([['new', '2026-12-01T12:05:00.000Z', true]]);
    refuse = true;
    expect((await store.getState().commentEdited('p1', 'c1', 'again')).ok).toBe(false);
    expect(store.getState().commentsByPin.get('p1')![0]!.text).toBe('new');
  });
});
