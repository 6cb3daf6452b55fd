// who is asking, as a resident: an anonymous device token, stored only as a one-way hash (staff: see staff/viewer.ts).
import crypto from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/** header carrying the resident's device token (kept by the browser in local storage) */
export const DEVICE_HEADER = 'x-device-token';
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
