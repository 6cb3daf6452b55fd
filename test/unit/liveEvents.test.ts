// the live-events client over a fake EventSource: resumes after a drop from the last id seen, re-reads only when told to.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectLiveEvents } from '../../src/persistence/liveEvents.ts';
import type { LiveEventHandlers } from '../../src/persistence/liveEvents.ts';

class FakeEventSource {
  static made: FakeEventSource[] = [];
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSED = 2;
  readyState = 0;
  private readonly listeners = new Map<string, ((event: unknown) => void)[]>();
  constructor(readonly url: string) {
    FakeEventSource.made.push(this);
  }
  addEventListener(type: string, listener: (event: unknown) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.readyState = 2;
  }
  private fire(type: string, event: unknown) {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
  opened() {
    this.readyState = 1;
    this.fire('open', { type: 'open' });
  }
  /** the connection broke; forGood: the browser will not retry it */
  dropped(forGood = false) {
    this.readyState = forGood ? 2 : 0;
    this.fire('error', { type: 'error' });
  }
  /** an event as EventSource dispatches it: lastEventId is the stream's last id so far */
  message(type: string, data: unknown, lastEventId: string) {
    this.fire(type, { type, data: JSON.stringify(data), lastEventId });
  }
}

const pin = (id: string) => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates: [-2.25, 53.45] },
  properties: { id, kind: 'asset', theme: 'green', title: id, area: 'west', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', supports: 0 },
});

function connect(options: { retryMs?: number } = {}) {
  FakeEventSource.made = [];
  const handlers = {
    pinChanged: vi.fn(),
    pinRemoved: vi.fn(),
    catalogChanged: vi.fn(),
    statusChanged: vi.fn(),
    reconnected: vi.fn(),
    resumed: vi.fn(),
  } satisfies LiveEventHandlers;
  const live = connectLiveEvents(handlers, { url: '/api/events', EventSource: FakeEventSource as unknown as typeof EventSource, ...options });
  const current = () => FakeEventSource.made.at(-1)!;
  return { handlers, live, current };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('connectLiveEvents', () => {
  it('after the browser reconnects by itself and the server replays, applies what was missed and re-reads nothing', () => {
    const { handlers, current } = connect();
    current().opened();
    current().message('ready', { replayed: 0 }, '5');
    current().message('pin-created', { pin: pin('a') }, '6');
    current().dropped();
    expect(handlers.statusChanged).toHaveBeenLastCalledWith('reconnecting');
    current().opened();
    current().message('pin-updated', { pin: pin('b') }, '7');
    current().message('pin-deleted', { id: 'a' }, '8');
    current().message('ready', { replayed: 2 }, '8');
    expect(handlers.pinChanged.mock.calls.map(([remote]) => remote.pin.id)).toEqual(['a', 'b']);
    expect(handlers.pinRemoved).toHaveBeenCalledWith('a');
    expect(handlers.resumed).toHaveBeenCalledTimes(1);
    expect(handlers.reconnected).not.toHaveBeenCalled();
    // the browser's own reconnect sends Last-Event-ID itself: no new stream was made
    expect(FakeEventSource.made).toHaveLength(1);
  });

  it('re-reads when the server says resync, and when the stream dropped before any id was seen', () => {
    const resync = connect();
    resync.current().opened();
    resync.current().message('ready', { replayed: 0 }, '5');
    resync.current().dropped();
    resync.current().opened();
    resync.current().message('resync', {}, '4000');
    expect(resync.handlers.reconnected).toHaveBeenCalledTimes(1);
    expect(resync.handlers.resumed).not.toHaveBeenCalled();

    const noId = connect();
    noId.current().opened();
    // a new database: ready without an id
    noId.current().message('ready', { replayed: 0 }, '');
    noId.current().dropped();
    noId.current().opened();
    noId.current().message('ready', { replayed: 0 }, '');
    expect(noId.handlers.reconnected).toHaveBeenCalledTimes(1);
    expect(noId.handlers.resumed).not.toHaveBeenCalled();
  });

  it('passes the last id seen as ?lastEventId= to a stream it makes anew, after a failure or when back online', () => {
    vi.useFakeTimers();
    const { handlers, live, current } = connect({ retryMs: 100 });
    expect(current().url).toBe('/api/events');
    current().opened();
    current().message('ready', { replayed: 0 }, '5');
    current().message('areas-replaced', {}, '9');
    expect(handlers.catalogChanged).toHaveBeenCalledWith('areas');
    current().dropped(true);
    vi.advanceTimersByTime(100);
    expect(FakeEventSource.made.map((es) => es.url)).toEqual(['/api/events', '/api/events?lastEventId=9']);
    current().opened();
    current().message('ready', { replayed: 0 }, '9');
    expect(handlers.resumed).toHaveBeenCalledTimes(1);

    current().message('pin-hidden', { id: 'x' }, '12');
    current().dropped(true);
    live.reconnect();
    expect(current().url).toBe('/api/events?lastEventId=12');
    current().opened();
    current().message('resync', {}, '3000');
    expect(handlers.reconnected).toHaveBeenCalledTimes(1);
    live.close();
  });
});
