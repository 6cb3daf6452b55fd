// the request log: what it keeps of a request. Client addresses only when asked for (LOG_ADDRESSES=1): privacy by default.
import type { FastifyRequest } from 'fastify';

/**
 * Fastify logger options: method, URL (without the query, which can carry search terms), and the address only if `withAddresses`.
 * @example
 * Fastify({ logger: requestLogger(false) })
 */
export function requestLogger(withAddresses: boolean) {
  return {
    serializers: {
      req(request: FastifyRequest) {
        const url = (request.url ?? '').split('?')[0];
        return withAddresses ? { method: request.method, url, remoteAddress: request.ip } : { method: request.method, url };
      },
    },
  };
}
