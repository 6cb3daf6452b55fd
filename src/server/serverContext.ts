// what every route needs: storage, limits, the consultation a request is about and who is asking.
import type { FastifyRequest } from 'fastify';
import type { ConsultationStatus } from '../core/consultations/lifecycle.ts';
import type { Theme } from '../core/types.ts';
import { ApiError } from './apiError.ts';
import { readDeviceToken } from './auth.ts';
import type { DeviceIdentity } from './auth.ts';
import type { Catalog } from './catalog.ts';
import type { PlannerAggregates } from './plannerAggregates.ts';
import type { RateLimiter } from './rateLimiter.ts';
import type { ConsultationRole, Viewer } from './staff/viewer.ts';
import type { Consultation, ConsultationStorage, ServerPin, Storage } from './storage/storage.ts';

export interface ServerContext {
  storage: Storage;
  sessionTtlMs: number;
  invitationTtlMs: number;
  secureCookies: boolean;
  /** themes a new consultation starts with when no template is given */
  defaultThemes: Theme[];
  clock: () => number;
  /** signs device tokens and keys the author and address hashes (COPLAN_SECRET, or generated once and kept in the database) */
  secret: string;
  limits: {
    /** pin creations per device token */
    pinsPerDevice: RateLimiter;
    /** pin creations per client address (catches token rotation) */
    pinsPerAddress: RateLimiter;
    /** failed sign-ins per client address */
    signInFailures: RateLimiter;
    /** failed sign-ins per (account, address), in windows of growing length: the backoff for one account from one address */
    signInAccountAddress: RateLimiter[];
    /** whether an (account, address) failed in this hour's window (max 1 over the one-hour tier's counts) */
    signInAccountAddressFailed: RateLimiter;
    /** failed sign-ins per account from every address together: slows, never locks (see staffRoutes) */
    signInAccount: RateLimiter;
    /** new device tokens per client address */
    devicesPerAddress: RateLimiter;
    /** supports given per device, and per address */
    supportsPerDevice: RateLimiter;
    supportsPerAddress: RateLimiter;
    /** every other resident write (edit, delete, withdrawn support) per device, and per address */
    writesPerDevice: RateLimiter;
    writesPerAddress: RateLimiter;
    /** resident writes per consultation, so a flood in one cannot push every other consultation out of the replay window */
    writesPerConsultation: RateLimiter;
    /** moderation (hide, restore) and other staff writes per account */
    staffWrites: RateLimiter;
  };
}

/** one consultation's request scope, set by the consultation hook before the body is read */
export interface Scope {
  consultation: Consultation;
  /** the status in force now (the clock rule applied) */
  status: ConsultationStatus;
  store: ConsultationStorage;
  catalog: Catalog;
  aggregates: PlannerAggregates;
  viewer: Viewer;
  role: ConsultationRole;
}

declare module 'fastify' {
  interface FastifyRequest {
    scope: Scope;
  }
}

/** the request's device (its author hashes), or null for a visitor without a token; a forged token is refused */
export function deviceOf(request: FastifyRequest, secret: string): DeviceIdentity | null {
  const device = readDeviceToken(request, secret);
  if (!device.ok) throw new ApiError(device.status, device.code, device.message);
  return device.device;
}

export function requireDevice(request: FastifyRequest, secret: string): DeviceIdentity {
  const device = deviceOf(request, secret);
  if (!device) throw new ApiError(401, 'device-token-required', 'Send your device token in the X-Device-Token header (get one from POST /api/device).');
  return device;
}

/** whether `author` (a stored pin's) is this device's, under its keyed hash or the unkeyed one of older pins */
export const isAuthor = (author: string | null | undefined, device: DeviceIdentity | null): boolean =>
  device !== null && author !== undefined && author !== null && (author === device.author || author === device.legacy);

/** planners (and admins) run a consultation: areas, themes, settings, moderation, exports */
export const isPlanner = (scope: Scope): boolean => scope.role === 'admin' || scope.role === 'planner';

/** refuses with 401 when nobody is signed in, 403 when the person lacks every one of `roles` in this consultation */
export function requireRole(scope: Scope, roles: readonly Exclude<ConsultationRole, null>[], what: string): void {
  if (!scope.viewer.user) throw new ApiError(401, 'sign-in-required', `Sign in as staff to ${what} (POST /api/session).`);
  if (scope.role === null || !roles.includes(scope.role)) {
    throw new ApiError(403, 'forbidden', `Only ${roles.filter((r) => r !== 'admin').join(' or ') || 'admins'} of this consultation can ${what}.`);
  }
}

/** residents contribute only while it is open: a closed or archived consultation is read-only for everyone */
export function requireOpen(scope: Scope): void {
  if (scope.status === 'closed' || scope.status === 'archived') {
    throw new ApiError(409, 'consultation-closed', `"${scope.consultation.title}" is closed: you can read what people said, but not add to it.`);
  }
}

/** a pin as a client sees it: never the author hash; `mine` for the device's own pins; moderation state for staff only */
export function publicPin(pin: ServerPin, viewer: { device: DeviceIdentity | null; planner: boolean }): Record<string, unknown> {
  const { author, hidden, hiddenReason, ...rest } = pin.properties;
  const properties: Record<string, unknown> = { ...rest };
  if (isAuthor(author, viewer.device)) properties.mine = true;
  if (viewer.planner) {
    properties.hidden = hidden;
    if (hiddenReason !== undefined) properties.hiddenReason = hiddenReason;
  }
  return { type: 'Feature', id: pin.id, geometry: pin.geometry, properties };
}
