// GET …/events of one consultation: live changes as Server-Sent Events with ids, replaying what a reconnecting client missed (Last-Event-ID).
import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { StreamLimits } from '../connectionLimits.ts';
import { publicComment } from '../dialogueViews.ts';
import { isPlanner, publicPin } from '../serverContext.ts';
import type { ServerContext } from '../serverContext.ts';
import type { StorageEvent } from '../storage/storage.ts';

const HEARTBEAT_MS = 20_000;
/** a client that missed more than this re-reads everything instead */
export const REPLAY_LIMIT = 1000;

/** the event as a client may see it (planners also get moderation state), or null when it is not for them */
function eventData(event: StorageEvent, planner: boolean): unknown {
  const viewer = { device: null, planner };
  switch (event.type) {
    case 'pin-created':
    case 'pin-updated':
    case 'pin-restored':
    case 'pin-answered':
      return { pin: publicPin(event.pin, viewer) };
    case 'comment-created':
    case 'comment-updated':
    case 'comment-restored':
      return { comment: publicComment(event.comment, viewer) };
    case 'comment-deleted':
    case 'comment-hidden':
      return { id: event.id, pinId: event.pinId };
    case 'pin-deleted':
    case 'pin-hidden':
      return { id: event.id };
    default:
      return {};
  }
}

/**
 * Where the client wants to resume: the Last-Event-ID header (EventSource's own reconnects) or `?lastEventId=` (a new
 * EventSource made by the app, which cannot set headers). null: a fresh start; NaN: an id this server never gives.
 */
function resumeFrom(request: FastifyRequest): number | null {
  const header = request.headers['last-event-id'];
  const query = (request.query as Record<string, unknown> | undefined)?.lastEventId;
  const raw = typeof header === 'string' && header !== '' ? header : typeof query === 'string' && query !== '' ? query : null;
  if (raw === null) return null;
  return /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
}

/**
 * The stream: `id:` on every event; first either the missed events then `ready`, or `resync` when they cannot be given
 * (too many, too old, an unknown id), which tells the client to re-read everything. A fresh start gets `ready` with the
 * newest id, so even a client that saw no change yet can resume.
 */
export function eventRoutes(app: FastifyInstance, _ctx: ServerContext, streams: StreamLimits): void {
  const open = new Set<ServerResponse>();
  // end the streams on shutdown, or close() would wait for clients that never hang up
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
  });

  app.get('/events', async (request, reply) => {
    const { store } = request.scope;
    const planner = isPlanner(request.scope);
    const from = resumeFrom(request);
    // a slot per stream: an address over its share gets 429, a full server 503 (before anything is written)
    const release = streams.open(request.ip);
    const res = reply.raw;
    res.once('close', release);
    reply.hijack();
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const write = (text: string) => {
      if (!res.writableEnded && !res.destroyed) res.write(text);
    };
    const send = (id: number, event: StorageEvent) => write(`id: ${id}\nevent: ${event.type}\ndata: ${JSON.stringify(eventData(event, planner))}\n\n`);
    write(`retry: 3000\n: connected\n\n`);
    open.add(res);
    // live events wait while the log is read, so none falls between the replay and the live stream
    let held: { event: StorageEvent; id: number }[] | null = [];
    // ids replayed from the log (at most REPLAY_LIMIT): their live copy may still be on its way (PostgreSQL's NOTIFY
    // can arrive after the replay), and is not sent twice
    const sent = new Set<number>();
    const stop = store.subscribe((event, id) => {
      if (held) held.push({ event, id });
      else if (!sent.has(id)) send(id, event);
    });
    const heartbeat = setInterval(() => write(': ping\n\n'), HEARTBEAT_MS);
    request.raw.on('close', () => {
      release();
      clearInterval(heartbeat);
      stop();
      open.delete(res);
    });

    try {
      const missed = from === null || Number.isNaN(from) ? null : await store.eventsAfter(from, REPLAY_LIMIT);
      if (from !== null && !missed) {
        const latest = await store.latestEventId();
        write(`${latest === null ? '' : `id: ${latest}\n`}event: resync\ndata: {}\n\n`);
      } else if (missed) {
        let last = from!;
        for (const { id, event } of missed) {
          sent.add(id);
          last = Math.max(last, id);
          // a hidden or deleted pin's content: only the id moves on, so the client does not ask for it again
          if (event) send(id, event);
          else write(`id: ${id}\n\n`);
        }
        write(`id: ${last}\nevent: ready\ndata: ${JSON.stringify({ replayed: missed.length })}\n\n`);
      } else {
        const latest = await store.latestEventId();
        write(`${latest === null ? '' : `id: ${latest}\n`}event: ready\ndata: {"replayed":0}\n\n`);
      }
    } catch (err) {
      request.log.error({ err }, 'reading missed events failed; the client will reconnect and try again');
      res.end();
      return;
    }
    const waiting = held;
    held = null;
    for (const { event, id } of waiting) if (!sent.has(id)) send(id, event);
  });
}
