// composes the fastify app: JSON API under /api plus the built browser app; no env reading here (main.ts does that).
import fastifyCompress from '@fastify/compress';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { errorBody, handleError } from './apiError.ts';
import fastifyCookie from '@fastify/cookie';
import type { Theme } from '../core/types.ts';
import crypto from 'node:crypto';
import { createStreamLimits, limitConnections } from './connectionLimits.ts';
import { requestLogger } from './requestLog.ts';
import { deviceRoutes } from './routes/deviceRoutes.ts';
import { createRuntimes, scopeConsultation } from './consultationScope.ts';
import { createMemoryRateCounter, createRateLimiter } from './rateLimiter.ts';
import { registerApp } from './registerApp.ts';
import { aggregateRoutes } from './routes/aggregateRoutes.ts';
import { basemapRoutes } from './routes/basemapRoutes.ts';
import type { TileArchive } from './basemap/openBasemap.ts';
import { rasterOrNone, VECTOR_TILE_PATH } from '../core/basemapConfig.ts';
import type { Basemap } from '../core/basemapConfig.ts';
import { budgetRoutes } from './routes/budgetRoutes.ts';
import { layerRoutes } from './routes/layerRoutes.ts';
import { catalogRoutes } from './routes/catalogRoutes.ts';
import { consultationListRoutes, consultationRoutes } from './routes/consultationRoutes.ts';
import { eventRoutes } from './routes/eventRoutes.ts';
import { pinRoutes } from './routes/pinRoutes.ts';
import { exportRoutes } from './routes/exportRoutes.ts';
import { plannerRoutes } from './routes/plannerRoutes.ts';
import { explorerRoutes } from './routes/explorerRoutes.ts';
import { nearRoutes } from './routes/nearRoutes.ts';
import { staffRoutes } from './routes/staffRoutes.ts';
import { commentRoutes } from './routes/commentRoutes.ts';
import { feedRoutes } from './routes/feedRoutes.ts';
import { moderationRoutes } from './routes/moderationRoutes.ts';
import { quoteRoutes } from './routes/quoteRoutes.ts';
import { responseRoutes } from './routes/responseRoutes.ts';
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
  /** failed sign-ins of one account from all addresses per 15 minutes, after which each address that failed for it waits out the window (0 = no limit) */
  signInFailuresPerAccount: number;
  /** new device tokens per client address per minute (0 = no limit) */
  devicesPerAddressPerMinute: number;
  /** supports per device, and per address, per minute (0 = no limit) */
  supportsPerDevicePerMinute: number;
  supportsPerAddressPerMinute: number;
  /** edits, deletes and withdrawn supports per device, and per address, per minute (0 = no limit) */
  writesPerDevicePerMinute: number;
  writesPerAddressPerMinute: number;
  /** resident writes of every kind in one consultation per minute, so a flood cannot fill the event log (0 = no limit) */
  writesPerConsultationPerMinute: number;
  /** moderation actions per staff account per minute (0 = no limit) */
  staffWritesPerMinute: number;
}

export interface ConnectionLimits {
  /** open live-event streams per client address; over it `429` */
  streamsPerAddress: number;
  /** open live-event streams in total; over it `503` */
  streamsTotal: number;
  /** open connections in total; over it a new connection gets `503` and is closed */
  connections: number;
  /** ms a client may take to send a whole request (headers and body); slower gets `408` */
  requestTimeoutMs: number;
  /** ms an idle keep-alive connection stays open */
  keepAliveTimeoutMs: number;
  /** requests served on one connection before it is closed (0 = no limit) */
  maxRequestsPerSocket: number;
}

export interface ServerOptions {
  storage: Storage;
  /** folder with the built app (vite's dist/); null serves the API only */
  distDir: string | null;
  /** basemap tile URL template; '' means no basemap */
  tileUrl: string;
  tileAttribution: string;
  /** a vector basemap file (BASEMAP), served from /tiles; when given it is the basemap, and tileUrl is not used */
  vectorBasemap?: TileArchive;
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
  /** the server secret (COPLAN_SECRET); absent, the one stored in the database (made at first start) */
  secret?: string;
  connectionLimits?: Partial<ConnectionLimits>;
  logger?: boolean;
  /** keep client addresses in the request log (LOG_ADDRESSES=1); off by default */
  logAddresses?: boolean;
  /** the planner engine is rebuilt at most once per this many ms while pins keep changing (default 1000) */
  aggregateRebuildMs?: number;
  /** 'rebuild' keeps the old full-rebuild planner engine (COPLAN_PLANNER_ENGINE=rebuild), only so benchmarks can compare */
  plannerEngine?: 'incremental' | 'rebuild';
  /** the server clock for consultation dates and sessions (tests move it) */
  clock?: () => number;
}

export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const DEFAULT_TILE_ATTRIBUTION = '© OpenStreetMap contributors';
export const DEFAULT_BODY_LIMIT = 16 * 1024;
export const DEFAULT_AREAS_BODY_LIMIT = 10 * 1024 * 1024;
export const DEFAULT_RATE_LIMITS: RateLimitOptions = {
  pinsPerDevicePerMinute: 30,
  pinsPerAddressPerMinute: 600,
  signInFailuresPer15Minutes: 5,
  signInFailuresPerAccount: 20,
  devicesPerAddressPerMinute: 30,
  supportsPerDevicePerMinute: 30,
  supportsPerAddressPerMinute: 300,
  writesPerDevicePerMinute: 60,
  writesPerAddressPerMinute: 600,
  writesPerConsultationPerMinute: 3000,
  staffWritesPerMinute: 120,
};
export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  streamsPerAddress: 10,
  streamsTotal: 2000,
  connections: 5000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxRequestsPerSocket: 1000,
};

/**
 * Builds (but does not start) the server, so tests can use app.inject or listen on port 0. Closing the app does not close the storage.
 * @example
 * const app = await buildServer({ storage, distDir: null, tileUrl: '', tileAttribution: '' });
 * const res = await app.inject({ url: '/api/health' }); // => 200 { ok: true, storage: 'sqlite' }
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const connections = { ...DEFAULT_CONNECTION_LIMITS, ...options.connectionLimits };
  const app = Fastify({
    logger: options.logger ? requestLogger(options.logAddresses ?? false) : false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    trustProxy: fastifyTrustProxy(options.trustProxy),
    // close() ends keep-alive and long-lived connections (live streams) instead of waiting on them
    forceCloseConnections: true,
    // a slowly sent request (headers or body) is cut off with 408, so slow clients cannot hold connections open for ever
    requestTimeout: connections.requestTimeoutMs,
    connectionTimeout: 0,
    keepAliveTimeout: connections.keepAliveTimeoutMs,
    maxRequestsPerSocket: connections.maxRequestsPerSocket,
    // errors the router finds before any route runs (a bad percent-encoding, a path parameter too long): the same JSON
    // error shape as everything else, without echoing the URL back
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
      void reply.status(tooLong ? 414 : 400).send(errorBody(tooLong ? 'url-too-long' : 'bad-url', tooLong ? 'A part of the address is too long.' : 'The address is not valid (check its percent-encoding).'));
    },
    // WARNING: node applies requestTimeout only when given to http.createServer (fastify sets it afterwards, too late),
    // and checks it every connectionsCheckingInterval (default 30 s, which would let a slow body run far past it)
    http: { requestTimeout: connections.requestTimeoutMs, connectionsCheckingInterval: Math.min(1000, connections.requestTimeoutMs) },
  });
  limitConnections(app, connections.connections);
  app.setErrorHandler(handleError);
  // the API speaks JSON only; a text body is refused (415) rather than half-parsed
  app.removeContentTypeParser('text/plain');
  await registerSecurityHeaders(app, { tileUrl: options.vectorBasemap ? '' : options.tileUrl, secure: options.secureCookies ?? false });
  await app.register(fastifyCookie);
  // pins and areas are repetitive JSON: gzip or brotli (quality 4) makes a resident's first load several times smaller.
  // Live events (hijacked streams) are not touched.
  await app.register(fastifyCompress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  const limits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
  // PostgreSQL counts in the database, so processes behind one load balancer share each limit
  const counter = options.storage.rateCounter ?? createMemoryRateCounter();
  const perMinute = (name: string, max: number) => createRateLimiter(name, { max, windowMs: 60_000 }, counter);
  const ctx: ServerContext = {
    secret: options.secret ?? (await options.storage.serverSecret(() => crypto.randomBytes(32).toString('base64url'))),
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
      // backoff for one account from one address, in windows of growing length: 3 failures a minute, 10 an hour, 20 a day
      signInAccountAddress: [[3, 60_000], [10, 60 * 60_000], [20, 24 * 60 * 60_000]].map(([max, windowMs]) =>
        createRateLimiter(`sign-in-account-address-${windowMs}`, { max: limits.signInFailuresPerAccount > 0 ? max! : 0, windowMs: windowMs! }, counter)),
      signInAccountAddressFailed: createRateLimiter(`sign-in-account-address-${60 * 60_000}`, { max: limits.signInFailuresPerAccount > 0 ? 1 : 0, windowMs: 60 * 60_000 }, counter),
      signInAccount: createRateLimiter('sign-in-account', { max: limits.signInFailuresPerAccount, windowMs: 15 * 60_000 }, counter),
      devicesPerAddress: perMinute('devices-per-address', limits.devicesPerAddressPerMinute),
      supportsPerDevice: perMinute('supports-per-device', limits.supportsPerDevicePerMinute),
      supportsPerAddress: perMinute('supports-per-address', limits.supportsPerAddressPerMinute),
      writesPerDevice: perMinute('writes-per-device', limits.writesPerDevicePerMinute),
      writesPerAddress: perMinute('writes-per-address', limits.writesPerAddressPerMinute),
      writesPerConsultation: perMinute('writes-per-consultation', limits.writesPerConsultationPerMinute),
      staffWrites: perMinute('staff-writes', limits.staffWritesPerMinute),
    },
  };
  const areasBodyLimit = options.areasBodyLimit ?? DEFAULT_AREAS_BODY_LIMIT;
  const streams = createStreamLimits(connections);
  const runtimes = createRuntimes(ctx, {
    ...(options.aggregateRebuildMs !== undefined ? { minRebuildMs: options.aggregateRebuildMs } : {}),
    ...(options.plannerEngine ? { mode: options.plannerEngine } : {}),
  });
  app.addHook('onClose', async () => runtimes.stop());

  app.get('/api/health', async () => ({ ok: true, storage: options.storage.kind }));
  const vector = options.vectorBasemap;
  const basemap: Basemap = vector
    ? { kind: 'vector', url: `${VECTOR_TILE_PATH}?v=${vector.version}`, minZoom: vector.minZoom, maxZoom: vector.maxZoom, attribution: options.tileAttribution || vector.attribution }
    : rasterOrNone(options.tileUrl, options.tileAttribution);
  // tileUrl and tileAttribution stay for apps built before `basemap`: they see a vector basemap as none
  app.get('/api/config', async () => ({ tileUrl: vector ? '' : options.tileUrl, tileAttribution: vector ? '' : options.tileAttribution, basemap }));
  if (vector) basemapRoutes(app, vector);
  deviceRoutes(app, ctx);
  staffRoutes(app, ctx);
  consultationListRoutes(app, ctx, { templateBodyLimit: areasBodyLimit });
  /** what lives inside a consultation, the same under both prefixes */
  const inside = (scoped: FastifyInstance, bySlug: boolean) => {
    scopeConsultation(scoped, ctx, runtimes, bySlug);
    if (bySlug) consultationRoutes(scoped, ctx);
    if (bySlug) dialogueRoutes(scoped);
    pinRoutes(scoped, ctx);
    catalogRoutes(scoped, { areasBodyLimit });
    plannerRoutes(scoped, ctx);
    exportRoutes(scoped);
    explorerRoutes(scoped);
    nearRoutes(scoped);
    eventRoutes(scoped, ctx, streams);
    aggregateRoutes(scoped);
    // its own plugin, so the .pb text parser of its import stays inside it
    if (bySlug) void scoped.register(async (budget) => budgetRoutes(budget, ctx, { importBodyLimit: areasBodyLimit }));
    if (bySlug) layerRoutes(scoped, ctx, { bodyLimit: areasBodyLimit });
  };
  /** closing the loop (issue 13): answers, comments, moderation and the feed, under the consultation's slug only */
  const dialogueRoutes = (scoped: FastifyInstance) => {
    responseRoutes(scoped, ctx);
    commentRoutes(scoped, ctx);
    quoteRoutes(scoped, ctx);
    moderationRoutes(scoped);
    feedRoutes(scoped);
  };
  await app.register(async (scoped) => inside(scoped, true), { prefix: '/api/consultations/:slug' });
  // WARNING: deprecated: the unscoped routes of the first version answer for the default (oldest) consultation
  await app.register(async (scoped) => inside(scoped, false), { prefix: '/api' });

  await registerApp(app, options.distDir);
  return app;
}
