// what every route needs: storage, catalog, limits and the request's identity checks.
import type { FastifyRequest } from 'fastify';
import { ApiError } from './apiError.ts';
import { authorOf, readDeviceToken, readSessionToken, verifySessionToken } from './auth.ts';
import type { Catalog } from './catalog.ts';
import type { RateLimiter } from './rateLimiter.ts';
import type { ConsultationStorage, ServerPin } from './storage/storage.ts';

export interface ServerContext {
  /** the default consultation (the oldest), which today's unscoped routes serve */
  storage: ConsultationStorage;
  catalog: Catalog;
  passphrase: string;
  sessionTtlMs: number;
  secureCookies: boolean;
  limits: {
    /** pin creations per device token */
    pinsPerDevice: RateLimiter;
    /** pin creations per client address (catches token rotation) */
    pinsPerAddress: RateLimiter;
    /** failed passphrase attempts per client address */
    signInFailures: RateLimiter;
  };
}

/** the author hash of the request's device, or null for a visitor without a token */
export function deviceAuthor(request: FastifyRequest): string | null {
  const device = readDeviceToken(request);
  if (!device.ok) throw new ApiError(400, 'invalid-device-token', device.message);
  return device.token ? authorOf(device.token) : null;
}

export function requireDevice(request: FastifyRequest): string {
  const author = deviceAuthor(request);
  if (!author) throw new ApiError(401, 'device-token-required', 'Send your device token in the X-Device-Token header (get one from POST /api/device).');
  return author;
}

export function isPlanner(ctx: ServerContext, request: FastifyRequest): boolean {
  const token = readSessionToken(request);
  return token !== null && verifySessionToken(ctx.passphrase, token, Date.now());
}

export function requirePlanner(ctx: ServerContext, request: FastifyRequest): void {
  if (!isPlanner(ctx, request)) throw new ApiError(401, 'planner-sign-in-required', 'Only planners and facilitators can do this; sign in with the passphrase (POST /api/session).');
}

/** a pin as a client sees it: never the author hash; `mine` for the device's own pins; moderation state for planners only */
export function publicPin(pin: ServerPin, viewer: { author: string | null; planner: boolean }): Record<string, unknown> {
  const { author, hidden, hiddenReason, ...rest } = pin.properties;
  const properties: Record<string, unknown> = { ...rest };
  if (viewer.author !== null && author === viewer.author) properties.mine = true;
  if (viewer.planner) {
    properties.hidden = hidden;
    if (hiddenReason !== undefined) properties.hiddenReason = hiddenReason;
  }
  return { type: 'Feature', id: pin.id, geometry: pin.geometry, properties };
}
