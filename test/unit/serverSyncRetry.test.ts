// the sync engine's retries of waiting changes: growing waits while nothing goes through, a short one after progress.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HttpRepository } from '../../src/persistence/httpRepository.ts';
import type { FlushResult, Outbox } from '../../src/persistence/outbox.ts';
import { createServerSync } from '../../src/persistence/serverSync.ts';

function scriptedOutbox(results: FlushResult[]): Outbox & { flushedAt: number[] } {
  const flushedAt: number[] = [];
  return {
    flushedAt,
    flush: async () => {
      flushedAt.push(Date.now());
      return results.shift() ?? { done: true, sent: 0 };
    },
    enqueue: async () => {
      throw new Error('not used');
    },
    entries: async () => [],
    pendingPinIds: async () => new Set<string>(),
    exclusive: (run) => run(),
    subscribe: () => () => {},
    close: () => {},
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('retrying waiting changes', () => {
  it('waits longer after each failure, and only 2 s after a try that sent something', async () => {
    vi.useFakeTimers({ now: 0 });
    const offline = { done: false, sent: 0, reason: 'network' } as const;
    const outbox = scriptedOutbox([offline, offline, offline, offline, { done: false, sent: 1, reason: 'network' }, { done: true, sent: 1 }]);
    const noop = () => {};
    const sync = createServerSync({
      api: {} as HttpRepository,
      outbox,
      cache: { listPins: async () => [], loadAreas: async () => null, saveAreas: async () => {} },
      window: { navigator: { onLine: true }, addEventListener: noop, removeEventListener: noop },
      live: () => ({ close: noop, reconnect: noop }),
    });
    const stop = sync.start({
      pinsReloaded: noop, remotePinChanged: noop, remotePinRemoved: noop, changeRefused: noop,
      pendingChanged: noop, connectionChanged: noop, catalogReloaded: noop,
    });
    await vi.advanceTimersByTimeAsync(120_000);
    stop();
    const gaps = outbox.flushedAt.slice(1).map((t, i) => t - outbox.flushedAt[i]!);
    // 2, 4, 8, 16 s while nothing goes through; then one change is sent and the rest goes 2 s later
    expect(gaps).toEqual([2000, 4000, 8000, 16000, 2000]);
  });
});
