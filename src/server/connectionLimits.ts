// bounds on what a client can hold open: live-event streams per address and in total, and connections in total.
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { ApiError } from './apiError.ts';
import type { ConnectionLimits } from './buildServer.ts';

export interface StreamLimits {
  /** takes a stream slot for `address`, or throws 429 (this address has too many) / 503 (the server has too many); call the result when it closes */
  open(address: string): () => void;
  /** how many are open now (tests) */
  count(): number;
}

/**
 * Counts open live-event streams in this process.
 * WARNING: per process: behind a load balancer with N processes an address may hold up to N times `streamsPerAddress`.
 * @example
 * const streams = createStreamLimits({ streamsPerAddress: 2, streamsTotal: 10 }); const release = streams.open('10.0.0.1');
 */
export function createStreamLimits(limits: Pick<ConnectionLimits, 'streamsPerAddress' | 'streamsTotal'>): StreamLimits {
  const perAddress = new Map<string, number>();
  let total = 0;
  return {
    open(address) {
      const mine = perAddress.get(address) ?? 0;
      if (mine >= limits.streamsPerAddress) {
        throw new ApiError(429, 'too-many-streams', `This address already has ${mine} live streams open; close one (another tab) first.`, { retryAfterSeconds: 30 });
      }
      if (total >= limits.streamsTotal) throw new ApiError(503, 'server-busy', 'The server has as many live streams open as it can serve; try again in a minute.');
      perAddress.set(address, mine + 1);
      total += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        total -= 1;
        const left = (perAddress.get(address) ?? 1) - 1;
        if (left > 0) perAddress.set(address, left);
        else perAddress.delete(address);
      };
    },
    count: () => total,
  };
}

const BUSY_BODY = JSON.stringify({ error: { code: 'server-busy', message: 'The server has too many connections; try again.' } });
const BUSY = `HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nConnection: close\r\nRetry-After: 10\r\nContent-Length: ${Buffer.byteLength(BUSY_BODY)}\r\n\r\n${BUSY_BODY}`;

/**
 * Over `max` open connections, a new one is answered `503` and closed at once, before its request is read, so a flood
 * of connections cannot run the process out of file descriptors or memory.
 */
export function limitConnections(app: FastifyInstance, max: number): void {
  if (max <= 0) return;
  let open = 0;
  app.server.prependListener('connection', (socket: Socket) => {
    if (open >= max) {
      socket.end(BUSY);
      socket.destroySoon();
      return;
    }
    open += 1;
    socket.once('close', () => {
      open -= 1;
    });
  });
}
