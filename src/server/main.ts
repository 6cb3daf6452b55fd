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
//   TILE_URL, TILE_ATTRIBUTION  basemap for the browser (TILE_URL='' means no basemap)
//   PIN_RATE_LIMIT     new pins per device per minute (default 30; 0 = off, e.g. for load tests)
//   PIN_RATE_LIMIT_PER_ADDRESS  new pins per client address per minute (default 600; 0 = off)
//   SIGNIN_RATE_LIMIT  failed sign-ins per address per 15 minutes (default 5)
//   TRUST_PROXY        proxies whose X-Forwarded-For entries are believed: a hop count (1 = one load balancer) or a
//                      comma-separated list of their addresses/CIDRs (default: none, the socket's peer is the client)
//   SECURE_COOKIES=1   Secure session cookie (default on when NODE_ENV=production)
//   LOG=0              no request log
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer, DEFAULT_RATE_LIMITS, DEFAULT_TILE_ATTRIBUTION, DEFAULT_TILE_URL } from './buildServer.ts';
import { readDefaultThemes } from './defaultThemes.ts';
import { loadSeed } from './loadSeed.ts';
import { parseTrustProxy } from './security/trustProxy.ts';
import { ensureFirstAdmin } from './staff/firstAdmin.ts';
import { openStorage } from './storage/openStorage.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const env = process.env;

function wholeNumber(name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > max) throw new Error(`${name} must be a whole number from 0 to ${max}, got "${raw}"`);
  return n;
}

async function main(): Promise<void> {
  const production = env.NODE_ENV === 'production';
  const port = wholeNumber('PORT', 8080, 65535);
  const host = env.HOST ?? '127.0.0.1';
  const trustProxy = parseTrustProxy(env.TRUST_PROXY);
  const storage = await openStorage({
    databaseUrl: env.DATABASE_URL,
    databaseSchema: env.DATABASE_SCHEMA,
    dataDir: path.resolve(env.DATA_DIR ?? path.join(repoRoot, '.data')),
    // production starts empty: an admin creates the consultations
    seed: () => loadSeed(path.join(repoRoot, 'data'), { demo: !production }),
  });
  const app = await buildServer({
    storage,
    defaultThemes: readDefaultThemes(path.join(repoRoot, 'data', 'themes.json')),
    distDir: path.resolve(env.DIST_DIR ?? path.join(repoRoot, 'dist')),
    tileUrl: env.TILE_URL ?? DEFAULT_TILE_URL,
    tileAttribution: env.TILE_ATTRIBUTION ?? DEFAULT_TILE_ATTRIBUTION,
    rateLimits: {
      pinsPerDevicePerMinute: wholeNumber('PIN_RATE_LIMIT', DEFAULT_RATE_LIMITS.pinsPerDevicePerMinute),
      pinsPerAddressPerMinute: wholeNumber('PIN_RATE_LIMIT_PER_ADDRESS', DEFAULT_RATE_LIMITS.pinsPerAddressPerMinute),
      signInFailuresPer15Minutes: wholeNumber('SIGNIN_RATE_LIMIT', DEFAULT_RATE_LIMITS.signInFailuresPer15Minutes),
    },
    trustProxy,
    secureCookies: env.SECURE_COOKIES ? env.SECURE_COOKIES === '1' : production,
    logger: env.LOG !== '0',
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
      void app.close().then(() => storage.close()).then(() => process.exit(0));
    });
  }
}

main().catch((err: unknown) => {
  console.error(`coplan did not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
