// the dialogue on the client: live answers and comments over a fake EventSource, the list's answer sort and filter,
// and the store's comment threads kept in step with live events.
import { describe, expect, it, vi } from 'vitest';
import { connectLiveEvents } from '../../src/persistence/liveEvents.ts';
import { createAppStore } from '../../src/store/appStore.ts';
import type { PinRepository } from '../../src/persistence/pinRepository.ts';
import { matchesAnswerFilter } from '../../src/ui/dialogue/AnswerFilterSelect.tsx';
import { sortPins } from '../../src/ui/sortPins.ts';
import type { PinFeature } from '../../src/core/types.ts';

class FakeEventSource {
  static made: FakeEventSource[] = [];
  readonly CLOSED = 2;
  readyState = 1;
  private readonly listeners = new Map<string, ((event: unknown) => void)[]>();
  constructor(readonly url: string) {
    FakeEventSource.made.push(this);
  }
  addEventListener(type: string, listener: (event: unknown) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {}
  message(type: string, data: unknown) {
    for (const l of this.listeners.get(type) ?? []) l({ type, data: JSON.stringify(data), lastEventId: '7' });
  }
}

const wirePin = (id: string, response?: unknown) => ({
  type: 'Feature', id, geometry: { type: 'Point', coordinates: [-2.25, 53.45] },
  properties: { id, kind: 'asset', theme: 'green', title: id, area: 'west', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', supports: 0, ...(response ? { response } : {}) },
});
const comment = { id: 'c1', pinId: 'p1', parentId: null, text: '<b>hi</b>', createdAt: '2026-01-01T00:00:00Z', editedAt: null };

describe('live answers and comments', () => {
  it('passes an answered pin with its response, and comments to their handlers', () => {
    FakeEventSource.made = [];
    const handlers = { pinChanged: vi.fn(), pinRemoved: vi.fn(), catalogChanged: vi.fn(), statusChanged: vi.fn(), reconnected: vi.fn(), commentChanged: vi.fn(), commentRemoved: vi.fn() };
    connectLiveEvents(handlers, { url: '/x', EventSource: FakeEventSource as unknown as typeof EventSource });
    const es = FakeEventSource.made[0]!;
    es.message('pin-answered', { pin: wirePin('p1', { status: 'planned', text: 'May', at: '2026-02-01T00:00:00Z' }) });
    expect(handlers.pinChanged.mock.calls[0]![0].pin.properties.response).toEqual({ status: 'planned', text: 'May', at: '2026-02-01T00:00:00Z' });
    es.message('comment-created', { comment });
    expect(handlers.commentChanged).toHaveBeenCalledWith(comment);
    es.message('comment-hidden', { id: 'c1', pinId: 'p1' });
    expect(handlers.commentRemoved).toHaveBeenCalledWith('c1', 'p1');
    // a malformed one is ignored, never thrown
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    es.message('comment-created', { comment: { id: 3 } });
    expect(handlers.commentChanged).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});

describe('the list by answer', () => {
  const pin = (id: string, status?: 'received' | 'done'): PinFeature => ({
    type: 'Feature', id, geometry: { type: 'Point', coordinates: [0, 0] },
    properties: { id, kind: 'asset', theme: 't', title: id, area: 'a', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', ...(status ? { response: { status, text: '', at: '2026-01-02T00:00:00Z' } } : {}) },
  });
  const pins = [pin('c', 'done'), pin('a'), pin('b', 'received')];
  it('sorts in the answers\' own order, unanswered first', () => {
    expect(sortPins(pins, { key: 'response', direction: 'ascending' }, (_k, id) => id, 'en').map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(sortPins(pins, { key: 'response', direction: 'descending' }, (_k, id) => id, 'en').map((p) => p.id)).toEqual(['c', 'b', 'a']);
  });
  it('filters by answer', () => {
    expect(pins.filter((p) => matchesAnswerFilter(p, 'unanswered')).map((p) => p.id)).toEqual(['a']);
    expect(pins.filter((p) => matchesAnswerFilter(p, 'done')).map((p) => p.id)).toEqual(['c']);
    expect(pins.filter((p) => matchesAnswerFilter(p, 'all'))).toHaveLength(3);
  });
});

describe('the store\'s comment threads', () => {
  it('follows live comments only for pins whose comments are loaded, keeping "mine", and drops replies with their comment', async () => {
    const send = vi.fn(async () => ({ status: 200, headers: new Headers(), json: { comments: [{ ...comment, mine: true }] }, text: '' }));
    const api = { consultationBase: '/api/consultations/x', send } as never;
    const sync = { api } as never;
    const store = createAppStore({ repository: {} as PinRepository, deviceToken: 'd', sync });
    const s = store.getState;
    expect(s().dialogueAvailable).toBe(true);
    s().remoteCommentChanged({ ...comment, id: 'elsewhere', pinId: 'p2' });
    expect(s().commentsByPin.has('p2')).toBe(false);
    expect(await s().commentsRequested('p1')).toEqual({ ok: true });
    s().remoteCommentChanged({ ...comment, text: 'edited' });
    s().remoteCommentChanged({ ...comment, id: 'r1', parentId: 'c1', createdAt: '2026-01-01T00:01:00Z' });
    expect(s().commentsByPin.get('p1')!.map((c) => [c.id, c.text, c.mine ?? false])).toEqual([['c1', 'edited', true], ['r1', '<b>hi</b>', false]]);
    s().remoteCommentRemoved('c1', 'p1');
    expect(s().commentsByPin.get('p1')).toEqual([]);
  });
});
