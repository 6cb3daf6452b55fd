// live changes from the server over Server-Sent Events (GET /api/events), with reconnection and a re-sync signal.
import { z } from 'zod';
import { toRemotePin } from './httpRepository.ts';
import type { RemotePin } from './httpRepository.ts';

export type LiveStatus = 'connecting' | 'open' | 'reconnecting';

export interface LiveEventHandlers {
  /** someone created, edited or restored a pin */
  pinChanged(remote: RemotePin): void;
  /** a pin was deleted or hidden by a moderator */
  pinRemoved(id: string): void;
  catalogChanged(what: 'areas' | 'themes'): void;
  statusChanged(status: LiveStatus): void;
  /** the stream is open again after a drop: events in between are lost, so the caller should re-read the pins */
  reconnected(): void;
}

export interface LiveEventsOptions {
  url?: string;
  /** EventSource constructor; tests pass a fake */
  EventSource?: typeof EventSource;
  /** first wait before re-creating a stream the browser gave up on; doubles up to maxRetryMs */
  retryMs?: number;
  maxRetryMs?: number;
}

export interface LiveConnection {
  close(): void;
  /** re-creates the stream now, e.g. when the browser says it is back online */
  reconnect(): void;
}

const pinData = z.object({ pin: z.unknown() });
const idData = z.object({ id: z.string().min(1) });

/**
 * Subscribes to the server's live events. EventSource retries dropped streams by itself; a stream it closed for good
 * (server down, error status) is re-created here with back-off.
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

  function parse<T>(schema: z.ZodType<T>, event: MessageEvent): T | null {
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
    const data = parse(pinData, event);
    if (!data) return;
    try {
      handlers.pinChanged(toRemotePin(data.pin, ''));
    } catch (error) {
      console.warn(`coplan: ignored a live pin: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  function onRemoved(event: MessageEvent) {
    const data = parse(idData, event);
    if (data) handlers.pinRemoved(data.id);
  }

  function open() {
    if (closed) return;
    handlers.statusChanged(everOpened ? 'reconnecting' : 'connecting');
    const es = new Source(url);
    source = es;
    es.addEventListener('open', () => {
      wait = firstRetry;
      handlers.statusChanged('open');
      if (everOpened && dropped) handlers.reconnected();
      everOpened = true;
      dropped = false;
    });
    es.addEventListener('error', () => {
      if (closed || source !== es) return;
      dropped = true;
      handlers.statusChanged('reconnecting');
      if (es.readyState === es.CLOSED || es.readyState === 2) {
        // the browser will not retry this one: make a new stream later
        es.close();
        schedule();
      }
    });
    for (const type of ['pin-created', 'pin-updated', 'pin-restored']) es.addEventListener(type, onPin as EventListener);
    for (const type of ['pin-deleted', 'pin-hidden']) es.addEventListener(type, onRemoved as EventListener);
    es.addEventListener('areas-replaced', () => handlers.catalogChanged('areas'));
    es.addEventListener('themes-replaced', () => handlers.catalogChanged('themes'));
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
      dropped = true;
      open();
    },
  };
}
