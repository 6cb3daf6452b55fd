// the event log both adapters keep: each change's event is written in the change's transaction, so a client that
// reconnects can be sent what it missed instead of re-reading every pin.
import type { LoggedEvent, StorageEvent } from './storage.ts';

export interface EventLogOptions {
  /** at most this many of the newest events are kept (default 10 000)… */
  keep?: number;
  /** …and none older than this (default 24 h), except the newest event, which always stays */
  maxAgeMs?: number;
  /** old events are deleted at most this often, while changes keep coming (default one minute) */
  pruneEveryMs?: number;
  clock?: () => number;
}

export const EVENT_LOG_DEFAULTS = { keep: 10_000, maxAgeMs: 24 * 60 * 60 * 1000, pruneEveryMs: 60_000 };

/** `at` is ms since the epoch; `pin_id` lets a replay see whether the pin is still visible */
export const EVENTS_TABLE_SQLITE = `CREATE TABLE IF NOT EXISTS events (
  id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, type TEXT NOT NULL, pin_id TEXT, payload TEXT NOT NULL)`;
export const EVENTS_TABLE_POSTGRES = `CREATE TABLE IF NOT EXISTS events (
  id BIGSERIAL PRIMARY KEY, at BIGINT NOT NULL, type TEXT NOT NULL, pin_id TEXT, payload TEXT NOT NULL)`;

/**
 * Deletes old events as a prefix by id (never the newest), so "event N is still kept" means "nothing after N was deleted".
 * Parameters: the age cut-off (ms since the epoch), then how many of the newest events to keep.
 */
export const PRUNE_EVENTS_SQL = `DELETE FROM events WHERE id < (SELECT max(id) FROM events)
  AND id <= (SELECT max(id) FROM events WHERE at < ? OR id <= (SELECT max(id) FROM events) - ?)`;

/** the replay read: events after an id, each with whether its pin is still there and visible */
export const REPLAY_EVENTS_SQL = `SELECT e.id, e.payload, (p.id IS NOT NULL AND NOT p.hidden) AS visible
  FROM events e LEFT JOIN pins p ON p.id = e.pin_id WHERE e.id > ? ORDER BY e.id LIMIT ?`;

export interface ReplayRow {
  id: number | string;
  payload: string;
  visible: boolean | number | null;
}

/** the pin an event is about, or null for catalog events */
export function eventPinId(event: StorageEvent): string | null {
  if ('pin' in event) return event.pin.id;
  if ('id' in event) return event.id;
  return null;
}

/**
 * Turns replay rows into events; a content event of a pin that is now hidden or deleted becomes null (id only), so a
 * moderated pin's text is never sent again, while the pin's own pin-hidden/pin-deleted event, always later, still is.
 * Null when more than `limit` events came after `afterId`.
 * @example
 * replayedEvents([{ id: 7, payload: '{"type":"pin-deleted","id":"p1"}', visible: false }], 6, 1000)
 * // => [{ id: 7, event: { type: 'pin-deleted', id: 'p1' } }]
 */
export function replayedEvents(rows: readonly ReplayRow[], afterId: number, limit: number): LoggedEvent[] | null {
  if (rows.filter((r) => Number(r.id) > afterId).length > limit) return null;
  return rows.map((r) => {
    const event = JSON.parse(r.payload) as StorageEvent;
    const content = event.type === 'pin-created' || event.type === 'pin-updated' || event.type === 'pin-restored';
    return { id: Number(r.id), event: content && !r.visible ? null : event };
  });
}

/** calls `run` at most once per `everyMs` */
export function throttled(everyMs: number, clock: () => number, run: () => void): () => void {
  let last = -Infinity;
  return () => {
    const now = clock();
    if (now - last < everyMs) return;
    last = now;
    run();
  };
}

/** the SQL above with PostgreSQL's numbered placeholders */
export function numberedPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
