// what every route needs: storage, limits, the consultation a request is about and who is asking.
import type { FastifyRequest } from 'fastify';
import type { ConsultationStatus } from '../core/consultations/lifecycle.ts';
import type { Theme } from '../core/types.ts';
import { ApiError } from './apiError.ts';
import { authorOf, readDeviceToken } from './auth.ts';
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
  limits: {
    /** pin creations per device token */
    pinsPerDevice: RateLimiter;
    /** pin creations per client address (catches token rotation) */
    pinsPerAddress: RateLimiter;
    /** failed sign-ins per client address */
    signInFailures: RateLimiter;
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
