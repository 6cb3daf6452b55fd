// the rules of the event log (pure): each change's event is written in the change's transaction, so a client that
// reconnects can be sent what it missed instead of re-reading every pin. The queries are in queries/events.ts.
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

export interface ReplayRow {
  id: number | string;
  payload: string;
  visible: boolean | number | null;
}

/** the pin an event is about (a comment's pin for comment events), or null for catalog events */
export function eventPinId(event: StorageEvent): string | null {
  if ('comment' in event) return event.comment.pinId;
  if ('pinId' in event) return event.pinId;
  if ('pin' in event) return event.pin.id;
  if ('id' in event) return event.id;
  return null;
}

/** the comment an event is about, or null */
export function eventCommentId(event: StorageEvent): string | null {
  if ('comment' in event) return event.comment.id;
  if ('pinId' in event) return event.id;
  return null;
}

/** events that carry text (a pin's or a comment's): replayed only while what they show is still visible */
const CONTENT_EVENTS: ReadonlySet<StorageEvent['type']> = new Set(['pin-created', 'pin-updated', 'pin-restored', 'pin-answered', 'comment-created', 'comment-updated', 'comment-restored']);

/**
 * Turns replay rows into events; a content event of a pin (or comment) that is now hidden or deleted becomes null (id
 * only), so moderated text is never sent again, while the pin's own pin-hidden/pin-deleted event, always later, still is.
 * Null when more than `limit` events came after `afterId`.
 * @example
 * replayedEvents([{ id: 7, payload: '{"type":"pin-deleted","id":"p1"}', visible: false }], 6, 1000)
 * // => [{ id: 7, event: { type: 'pin-deleted', id: 'p1' } }]
 */
export function replayedEvents(rows: readonly ReplayRow[], afterId: number, limit: number): LoggedEvent[] | null {
  if (rows.filter((r) => Number(r.id) > afterId).length > limit) return null;
  return rows.map((r) => {
    const event = JSON.parse(r.payload) as StorageEvent;
    return { id: Number(r.id), event: CONTENT_EVENTS.has(event.type) && !r.visible ? null : event };
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
