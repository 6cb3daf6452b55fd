// entry point of `npm start`: reads the environment, opens storage, builds the server and listens.
//
// environment (all optional except COPLAN_PASSPHRASE in production):
//   PORT               port to listen on (default 8080)
//   HOST               address to bind (default 127.0.0.1, loopback only; set HOST=0.0.0.0 behind a load balancer or in a container)
//   DATA_DIR           folder for the SQLite file (default .data, gitignored)
//   DIST_DIR           the built app to serve (default dist)
//   DATABASE_URL       postgres://… to store everything in PostgreSQL instead of SQLite
//   COPLAN_PASSPHRASE  planners' passphrase (or COPLAN_PASSPHRASE_FILE, a file holding it); without one, a one-off
//                      passphrase is printed at start, and NODE_ENV=production refuses to start
//   TILE_URL, TILE_ATTRIBUTION  basemap for the browser (TILE_URL='' means no basemap)
//   PIN_RATE_LIMIT     new pins per device per minute (default 30; 0 = off, e.g. for load tests)
//   PIN_RATE_LIMIT_PER_ADDRESS  new pins per client address per minute (default 600; 0 = off)
//   SIGNIN_RATE_LIMIT  wrong passphrases per address per 15 minutes (default 5)
//   TRUST_PROXY        proxies whose X-Forwarded-For entries are believed: a hop count (1 = one load balancer) or a
//                      comma-separated list of their addresses/CIDRs (default: none, the socket's peer is the client)
//   SECURE_COOKIES=1   Secure session cookie (default on when NODE_ENV=production)
//   LOG=0              no request log
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer, DEFAULT_RATE_LIMITS, DEFAULT_TILE_ATTRIBUTION, DEFAULT_TILE_URL } from './buildServer.ts';
import { loadSeed } from './loadSeed.ts';
import { parseTrustProxy } from './security/trustProxy.ts';
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

function passphrase(production: boolean): string {
  if (env.COPLAN_PASSPHRASE) return env.COPLAN_PASSPHRASE;
  if (env.COPLAN_PASSPHRASE_FILE) {
    const text = fs.readFileSync(env.COPLAN_PASSPHRASE_FILE, 'utf8').trim();
    if (!text) throw new Error(`COPLAN_PASSPHRASE_FILE ${env.COPLAN_PASSPHRASE_FILE} is empty`);
    return text;
  }
  if (production) throw new Error('NODE_ENV=production needs a planner passphrase: set COPLAN_PASSPHRASE or COPLAN_PASSPHRASE_FILE');
  const oneOff = crypto.randomBytes(9).toString('base64url');
  console.warn(`no COPLAN_PASSPHRASE set; planners can sign in during this run with the passphrase: ${oneOff}`);
  return oneOff;
}

async function main(): Promise<void> {
  const production = env.NODE_ENV === 'production';
  const secret = passphrase(production);
  const port = wholeNumber('PORT', 8080, 65535);
  const host = env.HOST ?? '127.0.0.1';
  const trustProxy = parseTrustProxy(env.TRUST_PROXY);
  const storage = await openStorage({
    databaseUrl: env.DATABASE_URL,
    databaseSchema: env.DATABASE_SCHEMA,
    dataDir: path.resolve(env.DATA_DIR ?? path.join(repoRoot, '.data')),
    seed: () => loadSeed(path.join(repoRoot, 'data')),
  });
  const app = await buildServer({
    storage,
    passphrase: secret,
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
  const address = await app.listen({ port, host });
  console.log(`coplan listening on ${address} (storage: ${storage.kind})`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void app.close().then(() => storage.close()).then(() => process.exit(0));
    });
  }
}

main().catch((err: unknown) => {
  console.error(`coplan did not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
