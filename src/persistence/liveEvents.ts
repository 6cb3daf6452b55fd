// live changes from the server over Server-Sent Events (GET /api/events): reconnects, resumes where it left off, or says to re-sync.
import '../core/zodJitless.ts';
import { z } from 'zod/mini';
import { toRemotePin } from './httpRepository.ts';
import type { RemotePin } from './httpRepository.ts';
import type { PinComment } from '../core/dialogue/comments.ts';
import { toComment } from './commentWire.ts';

export type LiveStatus = 'connecting' | 'open' | 'reconnecting';

export interface LiveEventHandlers {
  /** someone created, edited or restored a pin */
  pinChanged(remote: RemotePin): void;
  /** a pin was deleted or hidden by a moderator */
  pinRemoved(id: string): void;
  catalogChanged(what: 'areas' | 'themes'): void;
  statusChanged(status: LiveStatus): void;
  /** the stream is open again after a drop, but what happened meanwhile could not be replayed: re-read everything */
  reconnected(): void;
  /** the stream is open again after a drop and the server replayed what was missed: nothing to re-read */
  resumed?(): void;
  /** someone commented, edited a comment, or a planner restored one */
  commentChanged?(comment: PinComment): void;
  /** a comment was deleted by its author or hidden by a planner */
  commentRemoved?(id: string, pinId: string): void;
}

export interface LiveEventsOptions {
  url?: string;
  /** EventSource constructor; tests pass a fake */
  EventSource?: typeof EventSource;
  /** first wait before re-creating a stream the browser gave up on; doubles up to maxRetryMs */
  retryMs?: number;
  maxRetryMs?: number;
  /** the event id the pins on screen were read at (the X-Last-Event-Id of GET /api/pins): the first stream starts there,
   * so a change made between that read and the stream opening is replayed, not lost */
  lastEventId?: string;
}

export interface LiveConnection {
  close(): void;
  /** re-creates the stream now, e.g. when the browser says it is back online */
  reconnect(): void;
}

/** the last event id seen, sent back on reconnect (EventSource does it with a header, a new EventSource with this parameter) */
const RESUME_PARAM = 'lastEventId';
const pinData = z.object({ pin: z.unknown() });
const idData = z.object({ id: z.string().check(z.minLength(1)) });
const commentData = z.object({ comment: z.unknown() });
const commentIdData = z.object({ id: z.string().check(z.minLength(1)), pinId: z.string().check(z.minLength(1)) });

/**
 * Subscribes to the server's live events. EventSource retries dropped streams by itself, sending the last event id it saw
 * as Last-Event-ID; a stream it closed for good (server down, error status) is re-created here with back-off, passing
 * that id as ?lastEventId=. Either way the server replays what was missed, then says `ready`, or says `resync` when it
 * cannot. Replayed events may repeat ones already seen; they are idempotent per pin id.
 * @example
 * const live = connectLiveEvents({ pinChanged: (r) => store.getState().remotePinChanged(r.pin), … });
 * live.close();
 */
export function connectLiveEvents(handlers: LiveEventHandlers, options: LiveEventsOptions = {}): LiveConnection {
  const Source = options.EventSource ?? globalThis.EventSource;
  const url = options.url ?? '/api/events';
  const firstRetry = options.retryMs ?? 2000;
  const maxRetry = options.maxRetryMs ?? 30_000;
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let wait = firstRetry;
  let everOpened = false;
  let dropped = false;
  let closed = false;
  let lastEventId = options.lastEventId ?? '';
  /** the id the current stream resumes from ('' for none), taken when it was dropped */
  let resumingFrom = '';

  // every event, also `ready` and `resync`, carries the stream's last id (including ids of events sent with no data)
  function track(event: MessageEvent) {
    if (event.lastEventId) lastEventId = event.lastEventId;
  }
  function streamReady(replayed: boolean) {
    if (!dropped) return;
    dropped = false;
    if (replayed) handlers.resumed?.();
    else handlers.reconnected();
  }
  function parse<T>(schema: z.ZodMiniType<T>, event: MessageEvent): T | null {
    try {
      const parsed = schema.safeParse(JSON.parse(String(event.data)));
      if (parsed.success) return parsed.data;
    } catch {
      // fall through
    }
    console.warn(`coplan: ignored a malformed "${event.type}" live event`);
    return null;
  }
  function onPin(event: MessageEvent) {
    track(event);
    const data = parse(pinData, event);
    if (!data) return;
    try {
      handlers.pinChanged(toRemotePin(data.pin, ''));
    } catch (error) {
      console.warn(`coplan: ignored a live pin: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  function onRemoved(event: MessageEvent) {
    track(event);
    const data = parse(idData, event);
    if (data) handlers.pinRemoved(data.id);
  }

  function onComment(event: MessageEvent) {
    track(event);
    const data = parse(commentData, event);
    if (!data) return;
    try {
      handlers.commentChanged?.(toComment(data.comment));
    } catch (error) {
      console.warn(`coplan: ignored a live comment: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  function onCommentRemoved(event: MessageEvent) {
    track(event);
    const data = parse(commentIdData, event);
    if (data) handlers.commentRemoved?.(data.id, data.pinId);
  }

  function open() {
    if (closed) return;
    handlers.statusChanged(everOpened ? 'reconnecting' : 'connecting');
    // a new EventSource starts with no last id, so it is passed in the URL
    const es = new Source(lastEventId ? `${url}${url.includes('?') ? '&' : '?'}${RESUME_PARAM}=${encodeURIComponent(lastEventId)}` : url);
    source = es;
    es.addEventListener('open', () => {
      wait = firstRetry;
      handlers.statusChanged('open');
      everOpened = true;
    });
    es.addEventListener('error', () => {
      if (closed || source !== es) return;
      if (!dropped) resumingFrom = lastEventId;
      dropped = true;
      handlers.statusChanged('reconnecting');
      if (es.readyState === es.CLOSED || es.readyState === 2) {
        // the browser will not retry this one: make a new stream later
        es.close();
        schedule();
      }
    });
    for (const type of ['pin-created', 'pin-updated', 'pin-restored', 'pin-answered']) es.addEventListener(type, onPin as EventListener);
    for (const type of ['comment-created', 'comment-updated', 'comment-restored']) es.addEventListener(type, onComment as EventListener);
    for (const type of ['comment-deleted', 'comment-hidden']) es.addEventListener(type, onCommentRemoved as EventListener);
    for (const type of ['pin-deleted', 'pin-hidden']) es.addEventListener(type, onRemoved as EventListener);
    es.addEventListener('areas-replaced', ((event: MessageEvent) => {
      track(event);
      handlers.catalogChanged('areas');
    }) as EventListener);
    es.addEventListener('themes-replaced', ((event: MessageEvent) => {
      track(event);
      handlers.catalogChanged('themes');
    }) as EventListener);
    // after a drop: `ready` once the missed events are through (a stream that had no id to resume from missed some anyway)
    es.addEventListener('ready', ((event: MessageEvent) => {
      track(event);
      streamReady(resumingFrom !== '');
    }) as EventListener);
    es.addEventListener('resync', ((event: MessageEvent) => {
      track(event);
      // also on a first stream: the server found the id it was given unknown
      dropped = true;
      streamReady(false);
    }) as EventListener);
  }
  function schedule() {
    if (timer || closed) return;
    timer = setTimeout(() => {
      timer = null;
      open();
    }, wait);
    wait = Math.min(wait * 2, maxRetry);
  }

  open();
  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      source?.close();
    },
    reconnect() {
      if (closed || source?.readyState === 1) return;
      if (timer) clearTimeout(timer);
      timer = null;
      wait = firstRetry;
      source?.close();
      if (!dropped) resumingFrom = lastEventId;
      dropped = true;
      open();
    },
  };
}
