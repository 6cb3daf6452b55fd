// who is asking, as a resident: an anonymous device token, issued and signed by the server (staff: see staff/viewer.ts).
//
// A token is `<id>.<signature>`: `id` 16-128 characters of A-Za-z0-9_-, `signature` an HMAC-SHA256 of it with the
// server secret, so any process that knows the secret checks a token without a database lookup. Only the id matters
// for authorship: the stored author is a keyed hash of it. Tokens made by browsers before tokens were signed are a bare
// `<id>` ("unsigned"): see `DeviceIdentity.signed`.
import crypto from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/** header carrying the resident's device token (kept by the browser in local storage) */
export const DEVICE_HEADER = 'x-device-token';
export const DEVICE_ID = /^[A-Za-z0-9_-]{16,128}$/;
const SIGNED = /^([A-Za-z0-9_-]{16,128})\.([A-Za-z0-9_-]{43})$/;

const hmac = (secret: string, purpose: string, value: string) => crypto.createHmac('sha256', secret).update(`${purpose}:${value}`).digest();

/**
 * Signs a device id: the token the server hands out.
 * @example
 * signDeviceId('abcdefghijklmnop1234', secret) // => 'abcdefghijklmnop1234.<43 characters>'
 */
export function signDeviceId(id: string, secret: string): string {
  return `${id}.${hmac(secret, 'device', id).toString('base64url')}`;
}

/** a fresh random device token for a first visit */
export function newDeviceToken(secret: string): string {
  return signDeviceId(crypto.randomBytes(24).toString('base64url'), secret);
}

/** the hashes a device's pins and supports are stored under */
export interface DeviceIdentity {
  /** the keyed author hash (HMAC with the server secret): what new pins and supports are stored with */
  author: string;
  /** the unkeyed hash older versions stored; pins made before the upgrade carry it until the device is adopted */
  legacy: string;
  /** false for an old bare token: it may read, make and change its own pins and take supports back, but not support */
  signed: boolean;
}

export type DeviceToken = { ok: true; device: DeviceIdentity | null } | { ok: false; status: 400 | 401; code: string; message: string };

/**
 * The keyed author hash of a device id, so a database dump with the hashes but not the secret cannot be matched to tokens.
 * @example
 * authorOf('abcdefghijklmnop1234', secret) // => 32 hex characters, the same every time for this secret
 */
export function authorOf(deviceId: string, secret: string): string {
  return hmac(secret, 'author', deviceId).toString('hex').slice(0, 32);
}

/** the hash versions before keyed hashes stored as the author (kept to recognise those pins) */
export function legacyAuthorOf(deviceId: string): string {
  return crypto.createHash('sha256').update(`coplan-device:${deviceId}`).digest('hex').slice(0, 32);
}

/** a keyed hash of a client address, stored with a support: equal addresses are recognisable, the address is not */
export function addressHashOf(address: string, secret: string): string {
  return hmac(secret, 'address', address).toString('hex').slice(0, 16);
}

/** the identity a token stands for (null when it is neither a signed token nor a bare id), checking the signature */
export function deviceIdentity(token: string, secret: string): DeviceIdentity | null | 'forged' {
  const signed = SIGNED.exec(token);
  if (signed) {
    const [, id, signature] = signed as unknown as [string, string, string];
    const expected = hmac(secret, 'device', id);
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return 'forged';
    return { author: authorOf(id, secret), legacy: legacyAuthorOf(id), signed: true };
  }
  if (DEVICE_ID.test(token)) return { author: authorOf(token, secret), legacy: legacyAuthorOf(token), signed: false };
  return null;
}

/** reads X-Device-Token; absent is fine (read-only visitor), malformed is 400, a wrong signature 401 */
export function readDeviceToken(request: FastifyRequest, secret: string): DeviceToken {
  const raw = request.headers[DEVICE_HEADER];
  if (raw === undefined) return { ok: true, device: null };
  const device = typeof raw === 'string' ? deviceIdentity(raw, secret) : null;
  if (device === 'forged') return { ok: false, status: 401, code: 'forged-device-token', message: 'This device token was not issued by this server; get one from POST /api/device.' };
  if (device === null) return { ok: false, status: 400, code: 'invalid-device-token', message: 'X-Device-Token must be a token from POST /api/device.' };
  return { ok: true, device };
}
