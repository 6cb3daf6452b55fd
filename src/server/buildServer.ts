// composes the fastify app: JSON API under /api plus the built browser app; no env reading here (main.ts does that).
import fastifyCompress from '@fastify/compress';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { handleError } from './apiError.ts';
import fastifyCookie from '@fastify/cookie';
import type { Theme } from '../core/types.ts';
import { newDeviceToken } from './auth.ts';
import { createRuntimes, scopeConsultation } from './consultationScope.ts';
import { createMemoryRateCounter, createRateLimiter } from './rateLimiter.ts';
import { registerApp } from './registerApp.ts';
import { aggregateRoutes } from './routes/aggregateRoutes.ts';
import { catalogRoutes } from './routes/catalogRoutes.ts';
import { consultationListRoutes, consultationRoutes } from './routes/consultationRoutes.ts';
import { eventRoutes } from './routes/eventRoutes.ts';
import { pinRoutes } from './routes/pinRoutes.ts';
import { exportRoutes } from './routes/exportRoutes.ts';
import { plannerRoutes } from './routes/plannerRoutes.ts';
import { staffRoutes } from './routes/staffRoutes.ts';
import { registerSecurityHeaders } from './security/securityHeaders.ts';
import { fastifyTrustProxy } from './security/trustProxy.ts';
import type { TrustProxy } from './security/trustProxy.ts';
import type { ServerContext } from './serverContext.ts';
import type { Storage } from './storage/storage.ts';

export interface RateLimitOptions {
  /** new pins per device token per minute (0 = no limit) */
  pinsPerDevicePerMinute: number;
  /** new pins per client address per minute (0 = no limit); higher, as a workshop shares one address */
  pinsPerAddressPerMinute: number;
  /** failed sign-ins per client address per 15 minutes before sign-in is refused (0 = no limit) */
  signInFailuresPer15Minutes: number;
}

export interface ServerOptions {
  storage: Storage;
  /** folder with the built app (vite's dist/); null serves the API only */
  distDir: string | null;
  /** basemap tile URL template; '' means no basemap */
  tileUrl: string;
  tileAttribution: string;
  /** themes a new consultation starts with when no template is given (data/themes.json) */
  defaultThemes?: Theme[];
  /** largest accepted request body in bytes */
  bodyLimit?: number;
  areasBodyLimit?: number;
  rateLimits?: Partial<RateLimitOptions>;
  sessionTtlMs?: number;
  /** how long an invitation link stays usable (default 7 days) */
  invitationTtlMs?: number;
  /** behind HTTPS: mark the session cookie Secure, send HSTS and upgrade-insecure-requests */
  secureCookies?: boolean;
  /** which proxies' X-Forwarded-For entries to believe, so rate limits see the real client (see security/trustProxy.ts) */
  trustProxy?: TrustProxy;
  logger?: boolean;
  /** the planner engine is rebuilt at most once per this many ms while pins keep changing (default 1000) */
  aggregateRebuildMs?: number;
  /** the server clock for consultation dates and sessions (tests move it) */
  clock?: () => number;
}

export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const DEFAULT_TILE_ATTRIBUTION = '© OpenStreetMap contributors';
export const DEFAULT_BODY_LIMIT = 16 * 1024;
export const DEFAULT_AREAS_BODY_LIMIT = 10 * 1024 * 1024;
export const DEFAULT_RATE_LIMITS: RateLimitOptions = { pinsPerDevicePerMinute: 30, pinsPerAddressPerMinute: 600, signInFailuresPer15Minutes: 5 };

/**
 * Builds (but does not start) the server, so tests can use app.inject or listen on port 0. Closing the app does not close the storage.
 * @example
 * const app = await buildServer({ storage, distDir: null, tileUrl: '', tileAttribution: '' });
 * const res = await app.inject({ url: '/api/health' }); // => 200 { ok: true, storage: 'sqlite' }
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  // forceCloseConnections: close() ends keep-alive and long-lived connections (live streams) instead of waiting on them
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT, trustProxy: fastifyTrustProxy(options.trustProxy), forceCloseConnections: true });
  app.setErrorHandler(handleError);
  // the API speaks JSON only; a text body is refused (415) rather than half-parsed
  app.removeContentTypeParser('text/plain');
  await registerSecurityHeaders(app, { tileUrl: options.tileUrl, secure: options.secureCookies ?? false });
  await app.register(fastifyCookie);
  // pins and areas are repetitive JSON: gzip or brotli (quality 4) makes a resident's first load several times smaller.
  // Live events (hijacked streams) are not touched.
  await app.register(fastifyCompress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  const limits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
  // PostgreSQL counts in the database, so processes behind one load balancer share each limit
  const counter = options.storage.rateCounter ?? createMemoryRateCounter();
  const ctx: ServerContext = {
    storage: options.storage,
    sessionTtlMs: options.sessionTtlMs ?? 12 * 60 * 60 * 1000,
    invitationTtlMs: options.invitationTtlMs ?? 7 * 24 * 60 * 60 * 1000,
    secureCookies: options.secureCookies ?? false,
    defaultThemes: options.defaultThemes ?? [],
    clock: options.clock ?? Date.now,
    limits: {
      pinsPerDevice: createRateLimiter('pins-per-device', { max: limits.pinsPerDevicePerMinute, windowMs: 60_000 }, counter),
      pinsPerAddress: createRateLimiter('pins-per-address', { max: limits.pinsPerAddressPerMinute, windowMs: 60_000 }, counter),
      signInFailures: createRateLimiter('sign-in-failures', { max: limits.signInFailuresPer15Minutes, windowMs: 15 * 60_000 }, counter),
    },
  };
  const areasBodyLimit = options.areasBodyLimit ?? DEFAULT_AREAS_BODY_LIMIT;
  const runtimes = createRuntimes(ctx, options.aggregateRebuildMs !== undefined ? { minRebuildMs: options.aggregateRebuildMs } : {});
  app.addHook('onClose', async () => runtimes.stop());

  app.get('/api/health', async () => ({ ok: true, storage: options.storage.kind }));
  app.get('/api/config', async () => ({ tileUrl: options.tileUrl, tileAttribution: options.tileAttribution }));
  app.post('/api/device', async (_request, reply) => reply.status(201).send({ token: newDeviceToken() }));
  staffRoutes(app, ctx);
  consultationListRoutes(app, ctx, { templateBodyLimit: areasBodyLimit });
  /** what lives inside a consultation, the same under both prefixes */
  const inside = (scoped: FastifyInstance, bySlug: boolean) => {
    scopeConsultation(scoped, ctx, runtimes, bySlug);
    if (bySlug) consultationRoutes(scoped, ctx);
    pinRoutes(scoped, ctx);
    catalogRoutes(scoped, { areasBodyLimit });
    plannerRoutes(scoped);
    exportRoutes(scoped);
    eventRoutes(scoped);
    aggregateRoutes(scoped);
  };
  await app.register(async (scoped) => inside(scoped, true), { prefix: '/api/consultations/:slug' });
  // WARNING: deprecated: the unscoped routes of the first version answer for the default (oldest) consultation
  await app.register(async (scoped) => inside(scoped, false), { prefix: '/api' });

  await registerApp(app, options.distDir);
  return app;
}
