// who is asking, as staff: the signed-in person (by Bearer token or the httpOnly cookie) and their roles per consultation.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Membership, MemberRole, StaffUser, Storage } from '../storage/storage.ts';
import { SECRET_TOKEN, tokenHash } from './secretTokens.ts';

export const SESSION_COOKIE = 'coplan_session';

/** what a person may do in one consultation: an admin may do everything everywhere */
export type ConsultationRole = 'admin' | MemberRole | null;

export interface Viewer {
  user: StaffUser | null;
  memberships: Membership[];
  /** the session token's hash, for signing out */
  sessionHash: string | null;
}

const ANONYMOUS: Viewer = { user: null, memberships: [], sessionHash: null };

/** the session token from `Authorization: Bearer …` or the cookie; one that is not shaped like ours is no token */
export function readSessionToken(request: FastifyRequest): string | null {
  const auth = request.headers.authorization;
  const raw = typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7).trim() : request.cookies?.[SESSION_COOKIE];
  return typeof raw === 'string' && SECRET_TOKEN.test(raw) ? raw : null;
}

const viewers = new WeakMap<FastifyRequest, Promise<Viewer>>();

/**
 * The request's viewer, looked up once per request: a session that was revoked, expired or never existed is anonymous.
 * @example
 * const { user } = await viewerOf(storage, request, Date.now()); // user === null for residents
 */
export function viewerOf(storage: Storage, request: FastifyRequest, now: number): Promise<Viewer> {
  let viewer = viewers.get(request);
  if (!viewer) {
    viewer = lookUp(storage, readSessionToken(request), now);
    viewers.set(request, viewer);
  }
  return viewer;
}

async function lookUp(storage: Storage, token: string | null, now: number): Promise<Viewer> {
  if (token === null) return ANONYMOUS;
  const hash = tokenHash(token);
  const session = await storage.findSession(hash, new Date(now).toISOString());
  if (!session) return ANONYMOUS;
  return { user: session.user, memberships: await storage.membershipsOf(session.user.id), sessionHash: hash };
}

export function roleIn(viewer: Viewer, consultationId: string): ConsultationRole {
  if (!viewer.user) return null;
  if (viewer.user.role === 'admin') return 'admin';
  return viewer.memberships.find((m) => m.consultationId === consultationId)?.role ?? null;
}

/** how the audit log names a person */
export function actorName(user: StaffUser): string {
  return `${user.name} <${user.email}>`;
}

export function setSessionCookie(reply: FastifyReply, token: string, maxAgeSeconds: number, secure: boolean): void {
  void reply.setCookie(SESSION_COOKIE, token, { path: '/api', httpOnly: true, sameSite: 'strict', secure, maxAge: maxAgeSeconds });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/api', httpOnly: true, sameSite: 'strict', secure });
}
