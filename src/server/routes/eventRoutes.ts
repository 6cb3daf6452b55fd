// GET /api/events: live changes as Server-Sent Events (EventSource reconnects by itself; clients re-sync with ?since=).
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { isPlanner, publicPin } from '../serverContext.ts';
import type { ServerContext } from '../serverContext.ts';
import type { StorageEvent } from '../storage/storage.ts';

const HEARTBEAT_MS = 20_000;

/** the event as a client may see it (planners also get moderation state), or null when it is not for them */
function eventData(event: StorageEvent, planner: boolean): unknown {
  const viewer = { author: null, planner };
  switch (event.type) {
    case 'pin-created':
    case 'pin-updated':
    case 'pin-restored':
      return { pin: publicPin(event.pin, viewer) };
    case 'pin-deleted':
    case 'pin-hidden':
      return { id: event.id };
    default:
      return {};
  }
}

export function eventRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const open = new Set<ServerResponse>();
  // end the streams on shutdown, or close() would wait for clients that never hang up
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
  });

  app.get('/api/events', async (request, reply) => {
    const planner = isPlanner(ctx, request);
    const res = reply.raw;
    reply.hijack();
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(`retry: 3000\n: connected\n\n`);
    open.add(res);
    const stop = ctx.storage.subscribe((event) => {
      res.write(`event: ${event.type}\ndata: ${JSON.stringify(eventData(event, planner))}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    request.raw.on('close', () => {
      clearInterval(heartbeat);
      stop();
      open.delete(res);
    });
  });
}
