// entry point of `npm start`: reads the environment, opens storage, builds the server and listens.
//
// environment (all optional):
//   PORT               port to listen on (default 8080)
//   HOST               address to bind (default 127.0.0.1, loopback only; set HOST=0.0.0.0 behind a load balancer or in a container)
//   DATA_DIR           folder for the SQLite file (default .data, gitignored)
//   DIST_DIR           the built app to serve (default dist)
//   DATABASE_URL       postgres://… to store everything in PostgreSQL instead of SQLite
//   COPLAN_ADMIN_EMAIL, COPLAN_ADMIN_PASSWORD  the first admin, made at start when the server has none (for automation);
//                      without them a one-time setup link is printed instead. Never a default password.
//   BASEMAP            the basemap: a .pmtiles or .mbtiles vector-tile file served by Coplan itself (default, outside
//                      production and without TILE_URL: the demo town's .data/basemap/millbrook.pmtiles, which
//                      `npm start` builds), `raster` for TILE_URL, or `none`
//   TILE_URL, TILE_ATTRIBUTION  raster basemap for the browser (TILE_URL='' means no basemap); TILE_ATTRIBUTION also
//                      overrides the attribution a BASEMAP file carries
//   PIN_RATE_LIMIT     new pins per device per minute (default 30; 0 = off, e.g. for load tests)
//   PIN_RATE_LIMIT_PER_ADDRESS  new pins per client address per minute (default 600; 0 = off)
//   SIGNIN_RATE_LIMIT  failed sign-ins per address per 15 minutes (default 5)
//   TRUST_PROXY        proxies whose X-Forwarded-For entries are believed: a hop count (1 = one load balancer) or a
//                      comma-separated list of their addresses/CIDRs (default: none, the socket's peer is the client)
//   COPLAN_SECRET, COPLAN_SECRET_FILE  the server secret (signs device tokens, keys hashes); default: made once, kept in the database
//   DEVICE_RATE_LIMIT, SUPPORT_RATE_LIMIT, SUPPORT_RATE_LIMIT_PER_ADDRESS, WRITE_RATE_LIMIT, WRITE_RATE_LIMIT_PER_ADDRESS,
//   CONSULTATION_WRITE_LIMIT, SIGNIN_ACCOUNT_LIMIT  per minute (sign-in: per 15 minutes); 0 = off
//   STREAMS_PER_ADDRESS, STREAMS_TOTAL, MAX_CONNECTIONS  open live streams and connections
//   KEEP_ALIVE_TIMEOUT_MS  how long an idle keep-alive connection stays open (default 5000, at most 600000)
//   LOG_ADDRESSES=1    keep client addresses in the request log (off: privacy by default)
//   SECURE_COOKIES=1   Secure session cookie (default on when NODE_ENV=production)
//   LOG=0              no request log
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer, DEFAULT_CONNECTION_LIMITS, DEFAULT_RATE_LIMITS, DEFAULT_TILE_ATTRIBUTION, DEFAULT_TILE_URL } from './buildServer.ts';
import { readDefaultThemes } from './defaultThemes.ts';
import { loadSeed } from './loadSeed.ts';
import { parseTrustProxy } from './security/trustProxy.ts';
import { ensureFirstAdmin } from './staff/firstAdmin.ts';
import fs from 'node:fs';
import { startupProblem } from './startupErrors.ts';
import { openStorage } from './storage/openStorage.ts';
import { openBasemap } from './basemap/openBasemap.ts';
import type { TileArchive } from './basemap/openBasemap.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const env = process.env;

function wholeNumber(name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > max) throw new Error(`${name} must be a whole number from 0 to ${max}, got "${raw}"`);
  return n;
}

function secretFromEnv(): string | undefined {
  const file = env.COPLAN_SECRET_FILE;
  const secret = file ? fs.readFileSync(file, 'utf8').trim() : env.COPLAN_SECRET;
  if (secret === undefined || secret === '') return undefined;
  if (secret.length < 32) throw new Error(`${file ? 'COPLAN_SECRET_FILE' : 'COPLAN_SECRET'} must be at least 32 characters (e.g. openssl rand -base64 32)`);
  return secret;
}

const dataDir = path.resolve(env.DATA_DIR ?? path.join(repoRoot, '.data'));
/** written by `npm run build:basemap` (src/cli/buildBasemap.ts), never committed */
const DEMO_BASEMAP_FILE = path.join(repoRoot, '.data', 'basemap', 'millbrook.pmtiles');

/** The vector basemap BASEMAP names (or the demo's by default), undefined for a raster TILE_URL or none. */
async function vectorBasemap(production: boolean): Promise<TileArchive | undefined> {
  const setting = env.BASEMAP?.trim();
  if (setting === 'none' || setting === 'raster') return undefined;
  if (setting) return openBasemap(path.resolve(setting));
  if (env.TILE_URL !== undefined || production) return undefined;
  // the default, not a choice: without the built demo file (main.ts run directly, not through `npm start`) the
  // server starts as it did before it had a basemap of its own, and says how to get one
  if (!fs.existsSync(DEMO_BASEMAP_FILE)) {
    console.warn(`coplan: no demo basemap at ${path.relative(repoRoot, DEMO_BASEMAP_FILE)} (run \`npm run build:basemap\`); drawing ${DEFAULT_TILE_URL} instead`);
    return undefined;
  }
  return openBasemap(DEMO_BASEMAP_FILE);
}

async function main(): Promise<void> {
  const production = env.NODE_ENV === 'production';
  const secret = secretFromEnv();
  const port = wholeNumber('PORT', 8080, 65535);
  const host = env.HOST ?? '127.0.0.1';
  const trustProxy = parseTrustProxy(env.TRUST_PROXY);
  // before the database, so a bad basemap file stops the start at once
  const basemap = await vectorBasemap(production);
  const storage = await openStorage({
    databaseUrl: env.DATABASE_URL,
    databaseSchema: env.DATABASE_SCHEMA,
    dataDir,
    groupCommit: env.GROUP_COMMIT !== 'off',
    // production starts empty: an admin creates the consultations
    seed: () => loadSeed(path.join(repoRoot, 'data'), { demo: !production }),
  });
  const app = await buildServer({
    storage,
    defaultThemes: readDefaultThemes(path.join(repoRoot, 'data', 'themes.json')),
    distDir: path.resolve(env.DIST_DIR ?? path.join(repoRoot, 'dist')),
    tileUrl: env.BASEMAP?.trim() === 'none' ? '' : (env.TILE_URL ?? DEFAULT_TILE_URL),
    tileAttribution: env.TILE_ATTRIBUTION ?? (basemap ? '' : DEFAULT_TILE_ATTRIBUTION),
    ...(basemap ? { vectorBasemap: basemap } : {}),
    rateLimits: {
      pinsPerDevicePerMinute: wholeNumber('PIN_RATE_LIMIT', DEFAULT_RATE_LIMITS.pinsPerDevicePerMinute),
      pinsPerAddressPerMinute: wholeNumber('PIN_RATE_LIMIT_PER_ADDRESS', DEFAULT_RATE_LIMITS.pinsPerAddressPerMinute),
      signInFailuresPer15Minutes: wholeNumber('SIGNIN_RATE_LIMIT', DEFAULT_RATE_LIMITS.signInFailuresPer15Minutes),
      signInFailuresPerAccount: wholeNumber('SIGNIN_ACCOUNT_LIMIT', DEFAULT_RATE_LIMITS.signInFailuresPerAccount),
      devicesPerAddressPerMinute: wholeNumber('DEVICE_RATE_LIMIT', DEFAULT_RATE_LIMITS.devicesPerAddressPerMinute),
      supportsPerDevicePerMinute: wholeNumber('SUPPORT_RATE_LIMIT', DEFAULT_RATE_LIMITS.supportsPerDevicePerMinute),
      supportsPerAddressPerMinute: wholeNumber('SUPPORT_RATE_LIMIT_PER_ADDRESS', DEFAULT_RATE_LIMITS.supportsPerAddressPerMinute),
      writesPerDevicePerMinute: wholeNumber('WRITE_RATE_LIMIT', DEFAULT_RATE_LIMITS.writesPerDevicePerMinute),
      writesPerAddressPerMinute: wholeNumber('WRITE_RATE_LIMIT_PER_ADDRESS', DEFAULT_RATE_LIMITS.writesPerAddressPerMinute),
      writesPerConsultationPerMinute: wholeNumber('CONSULTATION_WRITE_LIMIT', DEFAULT_RATE_LIMITS.writesPerConsultationPerMinute),
    },
    connectionLimits: {
      streamsPerAddress: wholeNumber('STREAMS_PER_ADDRESS', DEFAULT_CONNECTION_LIMITS.streamsPerAddress),
      streamsTotal: wholeNumber('STREAMS_TOTAL', DEFAULT_CONNECTION_LIMITS.streamsTotal),
      connections: wholeNumber('MAX_CONNECTIONS', DEFAULT_CONNECTION_LIMITS.connections),
      keepAliveTimeoutMs: wholeNumber('KEEP_ALIVE_TIMEOUT_MS', DEFAULT_CONNECTION_LIMITS.keepAliveTimeoutMs, 600_000),
    },
    ...(secret ? { secret } : {}),
    logAddresses: env.LOG_ADDRESSES === '1',
    trustProxy,
    secureCookies: env.SECURE_COOKIES ? env.SECURE_COOKIES === '1' : production,
    logger: env.LOG !== '0',
    ...(env.COPLAN_PLANNER_ENGINE === 'rebuild' ? { plannerEngine: 'rebuild' as const } : {}),
  });
  const admin = await ensureFirstAdmin(storage, { email: env.COPLAN_ADMIN_EMAIL, password: env.COPLAN_ADMIN_PASSWORD });
  const address = await app.listen({ port, host });
  console.log(`coplan listening on ${address} (storage: ${storage.kind})`);
  if (admin.kind === 'created') console.log(`made the first admin account, ${admin.email}`);
  if (admin.kind === 'setup-link') console.log(`no admin account yet: open ${address}${admin.path} before ${admin.expiresAt} to make the first one (one use only)`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      // a shutdown that hangs (a request that never ends) must not keep the port and the database for ever
      setTimeout(() => {
        console.error('coplan: shutting down took more than 10 s; exiting anyway');
        process.exit(1);
      }, 10_000).unref();
      void app.close().then(() => storage.close()).then(() => basemap?.close()).then(() => process.exit(0));
    });
  }
}

main().catch((err: unknown) => {
  console.error(`coplan did not start: ${startupProblem(err, { dataDir, databaseUrl: env.DATABASE_URL })}`);
  process.exit(1);
});
