// the event log's contract (ids, replay, pruning), run against SQLite and PostgreSQL by the serverStorage*.test.ts files.
import { expect, it } from 'vitest';
import type { LoggedEvent } from '../../../src/server/storage/storage.ts';
import { testPin, testThemes } from '../../support/serverFixtures.ts';
import { openDefault } from './storageSuite.ts';
import type { OpenStorage } from './storageSuite.ts';

/** what a replay holds after `afterId` (PostgreSQL may add a few events at or before it, see REPLAY_OVERLAP) */
const after = (afterId: number, logged: LoggedEvent[] | null) => logged?.filter((e) => e.id > afterId) ?? null;
const summary = (logged: LoggedEvent[] | null) => logged?.map(({ event }) => (event ? [event.type, 'pin' in event ? event.pin.properties.title : 'id' in event ? event.id : ''] : null)) ?? null;

export function eventLogContract(open: OpenStorage): void {
  it('logs each change with an id in order, announces it with that id, and gives back what came after an id', async () => {
    const { storage, here } = await openDefault(open, true);
    try {
      expect(await here.latestEventId()).toBeNull();
      const seen: [string, number][] = [];
      const stop = here.subscribe((e, id) => seen.push([e.type, id]));
      const pin = testPin({ title: 'Logged' });
      await here.createPin(pin);
      await here.updatePin(pin.id, { title: 'Logged again' }, '2031-01-01T00:00:00.000Z');
      await here.supportPin(pin.id, 'dev-1', '2031-01-01T00:00:01.000Z');
      await here.replaceThemes(testThemes(), 'planner');
      await here.deletePin(pin.id);
      // changes that change nothing log nothing
      await here.deletePin(pin.id);
      await here.updatePin('missing', { title: 'x' }, '2031-01-01T00:00:00.000Z');
      await expect.poll(() => seen.length, { timeout: 3000 }).toBe(5);
      stop();
      const ids = seen.map(([, id]) => id);
      expect([...ids].sort((a, b) => a - b)).toEqual(ids);
      expect(new Set(ids).size).toBe(5);
      expect(await here.latestEventId()).toBe(ids[4]);
      const replay = after(ids[0]!, await here.eventsAfter(ids[0]!, 1000));
      expect(replay?.map((e) => e.id)).toEqual(ids.slice(1));
      // the pin is deleted now: its content is not sent again, its deletion is
      expect(summary(replay)).toEqual([null, null, ['themes-replaced', ''], ['pin-deleted', pin.id]]);
      expect(after(ids[4]!, await here.eventsAfter(ids[4]!, 1000))).toEqual([]);
    } finally {
      await storage.close();
    }
  });

  it('never replays a hidden pin\'s text, and refuses ids it does not know and gaps too long to replay', async () => {
    const { storage, here } = await openDefault(open, true);
    try {
      const first = testPin({ title: 'Before' });
      await here.createPin(first);
      const from = (await here.latestEventId())!;
      const visible = testPin({ title: 'Still visible' });
      const hidden = testPin({ title: 'Names a neighbour' });
      await here.createPin(visible);
      await here.createPin(hidden);
      await here.updatePin(hidden.id, { title: 'Names a neighbour twice' }, '2031-01-01T00:00:00.000Z');
      await here.moderatePin(hidden.id, { hidden: true, reason: 'personal data', actor: 'planner', at: '2031-01-01T00:00:01.000Z' });
      const replay = after(from, await here.eventsAfter(from, 1000));
      expect(summary(replay)).toEqual([['pin-created', 'Still visible'], null, null, ['pin-hidden', hidden.id]]);
      expect(JSON.stringify(replay)).not.toContain('neighbour');
      // restored: its events may be replayed again, the restore with its text last
      await here.moderatePin(hidden.id, { hidden: false, reason: 'edited', actor: 'planner', at: '2031-01-01T00:00:02.000Z' });
      expect(summary(after(from, await here.eventsAfter(from, 1000)))?.at(-1)).toEqual(['pin-restored', 'Names a neighbour twice']);

      const latest = (await here.latestEventId())!;
      expect(await here.eventsAfter(latest + 1, 1000)).toBeNull();
      expect(await here.eventsAfter(latest + 1000, 1000)).toBeNull();
      // five events came after `from`: a limit of four is too short, five is enough
      expect(await here.eventsAfter(from, 4)).toBeNull();
      expect(after(from, await here.eventsAfter(from, 5))).toHaveLength(5);
    } finally {
      await storage.close();
    }
  });

  it('replays from 0, the start of the log, until the log is pruned', async () => {
    const { storage, here } = await openDefault(open, true, { eventLog: { keep: 2, maxAgeMs: 3_600_000, pruneEveryMs: 0 } });
    try {
      // what GET /api/pins reports before any event: a stream from there is replayed everything that follows
      expect(await here.eventsAfter(0, 10)).toEqual([]);
      await here.createPin(testPin({ title: 'One' }));
      expect(summary(after(0, await here.eventsAfter(0, 10)))).toEqual([['pin-created', 'One']]);
      await here.createPin(testPin({ title: 'Two' }));
      await here.createPin(testPin({ title: 'Three' }));
      // two kept: the first event is gone, so a stream from 0 must re-read everything instead
      await expect.poll(() => here.eventsAfter(0, 10), { timeout: 3000 }).toBeNull();
    } finally {
      await storage.close();
    }
  });

  it('keeps only the newest events and those younger than the age limit, so an id that was pruned asks for a re-sync', async () => {
    let now = 1_000_000;
    const { storage, here } = await openDefault(open, true, { eventLog: { keep: 3, maxAgeMs: 60_000, pruneEveryMs: 0, clock: () => now } });
    try {
      const pin = testPin({ title: 'Busy' });
      await here.createPin(pin);
      for (let i = 0; i < 5; i++) await here.updatePin(pin.id, { title: `Busy ${i}` }, `2031-01-01T00:00:0${i}.000Z`);
      const latest = (await here.latestEventId())!;
      // 6 events, 3 kept: the last three ids still resume, older ones do not
      await expect.poll(() => here.eventsAfter(latest - 3, 10), { timeout: 3000 }).toBeNull();
      expect(after(latest - 2, await here.eventsAfter(latest - 2, 10))?.map((e) => e.id)).toEqual([latest - 1, latest]);
      // long after, one more change: everything older than the age limit goes, but never the newest
      now += 10 * 60_000;
      await here.supportPin(pin.id, 'dev-1', '2031-01-01T00:01:00.000Z');
      const newest = (await here.latestEventId())!;
      await expect.poll(() => here.eventsAfter(latest, 10), { timeout: 3000 }).toBeNull();
      expect(after(newest, await here.eventsAfter(newest, 10))).toEqual([]);
    } finally {
      await storage.close();
    }
  });
}
