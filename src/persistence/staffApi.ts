// typed client of the server's consultation list and staff API (sessions, accounts, invitations, members, templates).
import '../core/zodJitless.ts';
import { z } from 'zod/mini';
import { createConsultationsReader, detailSchema, nonEmpty, parseAnswer } from './consultationsApi.ts';
import type { Consultation, ConsultationSettings, ConsultationSummary } from './consultationsApi.ts';
import { consultationBase } from './httpRepository.ts';
import type { HttpRepository } from './httpRepository.ts';

export { CONSULTATION_STATUSES } from './consultationsApi.ts';
export type { Consultation, ConsultationSettings, ConsultationStatus, ConsultationSummary } from './consultationsApi.ts';
export type StaffRole = 'admin' | 'planner' | 'facilitator';
export type MemberRole = 'planner' | 'facilitator';

const userSchema = z.object({ id: nonEmpty(), email: z.string(), name: z.string(), role: z.enum(['admin', 'staff']) });
export type StaffUser = z.infer<typeof userSchema>;
const membershipSchema = z.object({ slug: z.string(), role: z.enum(['planner', 'facilitator']) });
export type Membership = z.infer<typeof membershipSchema>;
const sessionSchema = z.object({ user: z.nullable(userSchema), memberships: z.pipe(z.optional(z.array(membershipSchema)), z.transform((m) => m ?? [])) });
export type SessionInfo = z.infer<typeof sessionSchema>;
const signedInSchema = z.object({ token: z.string(), expiresAt: z.string(), user: userSchema });
export type SignedIn = z.infer<typeof signedInSchema>;
const accountSchema = z.extend(userSchema, { hasPassword: z.boolean(), createdAt: z.string() });
export type StaffAccount = z.infer<typeof accountSchema>;
const invitationSchema = z.object({ url: nonEmpty(), expiresAt: z.string() });
const invitedSchema = z.object({ user: userSchema, invitation: invitationSchema });
export type Invited = z.infer<typeof invitedSchema>;
const invitationInfoSchema = z.object({ email: z.nullable(z.string()), name: z.nullable(z.string()), expiresAt: z.string(), setup: z.boolean() });
export type InvitationInfo = z.infer<typeof invitationInfoSchema>;
const memberSchema = z.object({ user: z.object({ id: z.string(), email: z.string(), name: z.string() }), role: z.enum(['planner', 'facilitator']) });
export type Member = z.infer<typeof memberSchema>;

export interface NewConsultation {
  slug: string;
  title: string;
  summary?: string;
  opensAt?: string | null;
  closesAt?: string | null;
  /** a template object (the server validates it and names the field and rule it refuses) */
  template?: unknown;
}

export type ConsultationChanges = Partial<Pick<Consultation, 'title' | 'summary' | 'status' | 'opensAt' | 'closesAt'>> & { settings?: Partial<ConsultationSettings> };

export interface StaffApi {
  listConsultations(): Promise<ConsultationSummary[]>;
  getConsultation(slug: string): Promise<Consultation>;
  createConsultation(input: NewConsultation): Promise<Consultation>;
  updateConsultation(slug: string, changes: ConsultationChanges): Promise<Consultation>;
  /** the template file's text, as the server sends it for download */
  templateText(slug: string): Promise<string>;
  getSession(): Promise<SessionInfo>;
  signIn(credentials: { email: string; password: string }): Promise<SignedIn>;
  signOut(): Promise<void>;
  listUsers(): Promise<StaffAccount[]>;
  inviteUser(input: { email: string; name: string; role: 'admin' | 'staff' }): Promise<Invited>;
  removeUser(id: string): Promise<void>;
  getInvitation(token: string): Promise<InvitationInfo>;
  acceptInvitation(token: string, input: { password: string; email?: string; name?: string }): Promise<SignedIn>;
  listMembers(slug: string): Promise<Member[]>;
  setMember(slug: string, userId: string, role: MemberRole): Promise<void>;
  removeMember(slug: string, userId: string): Promise<void>;
}

/**
 * The staff API over the same client (device token, cookie session, error handling) as the pins.
 * @example
 * const staff = createStaffApi(createHttpRepository({ deviceToken }));
 * (await staff.listConsultations()).map((c) => c.slug) // => ['millbrook-2026', 'millbrook-parks-2025']
 */
export function createStaffApi(http: Pick<HttpRepository, 'send'>): StaffApi {
  const send = http.send;
  const enc = encodeURIComponent;
  const parse = parseAnswer;
  return {
    ...createConsultationsReader(http),
    async createConsultation(input) {
      return parse(detailSchema, (await send('POST', '/api/consultations', { body: input })).json, 'POST /api/consultations');
    },
    async updateConsultation(slug, changes) {
      return parse(detailSchema, (await send('PATCH', consultationBase(slug), { body: changes })).json, 'PATCH /api/consultations/:slug');
    },
    async templateText(slug) {
      return (await send('GET', `${consultationBase(slug)}/template`, { text: true })).text;
    },
    async getSession() {
      return parse(sessionSchema, (await send('GET', '/api/session')).json, 'GET /api/session');
    },
    async signIn(credentials) {
      return parse(signedInSchema, (await send('POST', '/api/session', { body: credentials })).json, 'POST /api/session');
    },
    async signOut() {
      await send('DELETE', '/api/session');
    },
    async listUsers() {
      return parse(z.object({ users: z.array(accountSchema) }), (await send('GET', '/api/users')).json, 'GET /api/users').users;
    },
    async inviteUser(input) {
      return parse(invitedSchema, (await send('POST', '/api/users', { body: input })).json, 'POST /api/users');
    },
    async removeUser(id) {
      await send('DELETE', `/api/users/${enc(id)}`);
    },
    async getInvitation(token) {
      return parse(invitationInfoSchema, (await send('GET', `/api/invitations/${enc(token)}`)).json, 'GET /api/invitations/:token');
    },
    async acceptInvitation(token, input) {
      return parse(signedInSchema, (await send('POST', `/api/invitations/${enc(token)}`, { body: input })).json, 'POST /api/invitations/:token');
    },
    async listMembers(slug) {
      return parse(z.object({ members: z.array(memberSchema) }), (await send('GET', `${consultationBase(slug)}/members`)).json, 'GET …/members').members;
    },
    async setMember(slug, userId, role) {
      await send('PUT', `${consultationBase(slug)}/members/${enc(userId)}`, { body: { role } });
    },
    async removeMember(slug, userId) {
      await send('DELETE', `${consultationBase(slug)}/members/${enc(userId)}`);
    },
  };
}
