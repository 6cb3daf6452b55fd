// who is asking: anonymous residents by device token, planners by a signed session from the operator's passphrase.
import crypto from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/** header carrying the resident's device token (kept by the browser in local storage) */
export const DEVICE_HEADER = 'x-device-token';
export const SESSION_COOKIE = 'coplan_session';
const DEVICE_TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

/** a fresh random device token for a first visit */
export function newDeviceToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

export type DeviceToken = { ok: true; token: string | null } | { ok: false; message: string };

/** reads X-Device-Token; absent is fine (read-only visitor), malformed is an error */
export function readDeviceToken(request: FastifyRequest): DeviceToken {
  const raw = request.headers[DEVICE_HEADER];
  if (raw === undefined) return { ok: true, token: null };
  if (typeof raw !== 'string' || !DEVICE_TOKEN.test(raw)) {
    return { ok: false, message: 'X-Device-Token must be 16-128 characters of A-Z, a-z, 0-9, "-" or "_"; get one from POST /api/device' };
  }
  return { ok: true, token: raw };
}

/**
 * What is stored as a pin's author: a one-way hash, so a database dump or export never reveals tokens that could edit pins.
 * @example
 * authorOf('abcdefghijklmnop1234') // => 32 hex characters, the same every time
 */
export function authorOf(deviceToken: string): string {
  return crypto.createHash('sha256').update(`coplan-device:${deviceToken}`).digest('hex').slice(0, 32);
}

export function passphraseMatches(given: string, expected: string): boolean {
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

/**
 * Sessions are stateless HMAC-signed tokens keyed on the passphrase, so any process behind a load balancer can check them
 * and changing the passphrase signs everyone out.
 * WARNING: signing out only clears the cookie; a copied token stays valid until it expires.
 */
export function createSessionToken(passphrase: string, expiresAt: number): string {
  const payload = Buffer.from(JSON.stringify({ role: 'planner', exp: expiresAt })).toString('base64url');
  return `${payload}.${sign(passphrase, payload)}`;
}

export function verifySessionToken(passphrase: string, token: string, now: number): boolean {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return false;
  const expected = Buffer.from(sign(passphrase, payload));
  const actual = Buffer.from(signature);
  if (expected.length !== actual.length || !crypto.timingSafeEqual(expected, actual)) return false;
  try {
    const { exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof exp === 'number' && exp > now;
  } catch {
    return false;
  }
}

function sign(passphrase: string, payload: string): string {
  const key = crypto.createHash('sha256').update(`coplan-session:${passphrase}`).digest();
  return crypto.createHmac('sha256', key).update(payload).digest('base64url');
}

/** the session token from `Authorization: Bearer …` or the httpOnly cookie */
export function readSessionToken(request: FastifyRequest): string | null {
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  const cookies = request.headers.cookie ?? '';
  for (const part of cookies.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return null;
}

export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return `${SESSION_COOKIE}=${encodeURIComponent(token)}; Path=/api; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`;
}
