// staff accounts: sign-in sessions, invitations (one-time links the admin passes on), the first-admin setup link.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { storableText } from '../../core/storableText.ts';
import { zodProblems } from '../../core/validatePin.ts';
import { ApiError } from '../apiError.ts';
import type { ServerContext } from '../serverContext.ts';
import { decoyHash, hashPassword, passwordMatches, passwordProblem, PASSWORD_MAX } from '../staff/passwords.ts';
import { newSecretToken, SECRET_TOKEN, tokenHash } from '../staff/secretTokens.ts';
import { clearSessionCookie, setSessionCookie, viewerOf } from '../staff/viewer.ts';
import type { StaffUser } from '../storage/storage.ts';

const email = z.string({ error: 'email must be text' }).trim().toLowerCase().max(254, 'email must be at most 254 characters').regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'email must look like name@example.org');
const password = z.string({ error: 'password must be text' }).min(1, 'password is required').max(PASSWORD_MAX, `password must be at most ${PASSWORD_MAX} characters`);
const name = z.string({ error: 'name must be text' }).trim().min(1, 'name is required').max(120, 'name must be at most 120 characters').superRefine(storableText('name'));

const signInBody = z.object({ email, password }, { error: 'send { "email": "…", "password": "…" }' }).strict();
const newUserBody = z.object({ email, name, role: z.enum(['admin', 'staff'], { error: 'role must be "admin" or "staff"' }).default('staff') }, { error: 'send { "email", "name", "role"? }' }).strict();
const acceptBody = z.object({ password, email: email.optional(), name: name.optional() }, { error: 'send { "password", "email"?, "name"? }' }).strict();
const passwordBody = z.object({ currentPassword: password, newPassword: password }, { error: 'send { "currentPassword", "newPassword" }' }).strict();

const userJson = (u: StaffUser) => ({ id: u.id, email: u.email, name: u.name, role: u.role });
const parse = <T>(schema: z.ZodType<T>, body: unknown, code: string, message: string): T => {
  const r = schema.safeParse(body);
  if (!r.success) throw new ApiError(400, code, message, zodProblems(r.error));
  return r.data;
};

/** a new invitation for `userId` (null: the first-admin setup link); the path of its page */
export async function inviteLink(ctx: ServerContext, userId: string | null, ttlMs = ctx.invitationTtlMs): Promise<{ url: string; expiresAt: string }> {
  const token = newSecretToken();
  const expiresAt = new Date(ctx.clock() + ttlMs).toISOString();
  await ctx.storage.createInvitation({ tokenHash: tokenHash(token), userId, expiresAt });
  return { url: `/invite/${token}`, expiresAt };
}

export function staffRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const nowIso = () => new Date(ctx.clock()).toISOString();

  /** starts a session: a random token whose hash is stored, sent back and set as the httpOnly cookie */
  const signedIn = async (reply: FastifyReply, user: StaffUser) => {
    const token = newSecretToken();
    const expiresAt = new Date(ctx.clock() + ctx.sessionTtlMs).toISOString();
    await ctx.storage.createSession(tokenHash(token), user.id, expiresAt);
    setSessionCookie(reply, token, Math.floor(ctx.sessionTtlMs / 1000), ctx.secureCookies);
    return { token, expiresAt, user: userJson(user) };
  };
  const requireAdmin = async (request: FastifyRequest) => {
    const { user } = await viewerOf(ctx.storage, request, ctx.clock());
    if (!user) throw new ApiError(401, 'sign-in-required', 'Sign in as an admin (POST /api/session).');
    if (user.role !== 'admin') throw new ApiError(403, 'forbidden', 'Only admins manage staff accounts.');
    return user;
  };
  const tooMany = (retryAfterSeconds: number) => new ApiError(429, 'too-many-attempts', `Too many wrong sign-ins; try again in ${retryAfterSeconds} s.`, { retryAfterSeconds });

  app.post('/api/session', async (request, reply) => {
    // only failures count, and an address at the limit is refused even the right password
    const blocked = await ctx.limits.signInFailures.check(request.ip);
    if (!blocked.ok) throw tooMany(blocked.retryAfterSeconds);
    const body = parse(signInBody, request.body, 'invalid-sign-in', 'The sign-in request is not valid.');
    const pair = `${body.email}|${request.ip}`;
    // backoff for this account from this address: windows of a minute, an hour and a day
    for (const tier of ctx.limits.signInAccountAddress) {
      const decision = await tier.check(pair);
      if (!decision.ok) throw tooMany(decision.retryAfterSeconds);
    }
    // an account guessed at from many addresses: past its cap, every address that already failed for it waits out the
    // hour's window, while an address that did not fail (the rightful user's own) still signs in: nobody is locked out
    const accountWide = await ctx.limits.signInAccount.check(body.email);
    if (!accountWide.ok) {
      const failedHere = await ctx.limits.signInAccountAddressFailed.check(pair);
      if (!failedHere.ok) throw tooMany(failedHere.retryAfterSeconds);
    }
    // WARNING: counted as a failure before checking and taken back when right, so a burst of simultaneous guesses
    // cannot all pass the check before any of them is counted
    const attempt = await ctx.limits.signInFailures.hit(request.ip);
    if (!attempt.ok) throw tooMany(attempt.retryAfterSeconds);
    const counted = [attempt, await ctx.limits.signInAccount.hit(body.email)];
    const undo = [ctx.limits.signInFailures, ctx.limits.signInAccount];
    for (const tier of ctx.limits.signInAccountAddress) {
      const decision = await tier.hit(pair);
      counted.push(decision);
      undo.push(tier);
      if (!decision.ok) throw tooMany(decision.retryAfterSeconds);
    }
    const user = await ctx.storage.findUserByEmail(body.email);
    // an unknown e-mail costs the same hash check, so timing does not tell which e-mails have accounts
    const ok = user?.passwordHash ? await passwordMatches(user.passwordHash, body.password) : (await passwordMatches(await decoyHash(), body.password), false);
    if (!user || !ok) throw new ApiError(401, 'wrong-credentials', 'That e-mail and password do not match a staff account.');
    await Promise.all(undo.map((limiter, i) => limiter.undo(counted[i]!)));
    return signedIn(reply, user);
  });

  app.get('/api/session', async (request) => {
    const viewer = await viewerOf(ctx.storage, request, ctx.clock());
    if (!viewer.user) return { user: null };
    const all = await ctx.storage.listConsultations();
    const slugs = new Map(all.map((c) => [c.id, c.slug]));
    return { user: userJson(viewer.user), memberships: viewer.memberships.map((m) => ({ slug: slugs.get(m.consultationId), role: m.role })).filter((m) => m.slug) };
  });

  // revokes the session at once: a copied token stops working too
  app.delete('/api/session', async (request, reply) => {
    const viewer = await viewerOf(ctx.storage, request, ctx.clock());
    if (viewer.sessionHash) await ctx.storage.deleteSession(viewer.sessionHash);
    clearSessionCookie(reply, ctx.secureCookies);
    return reply.status(204).send();
  });

  // changing one's password signs out every session of the account, this one included
  app.post('/api/session/password', async (request, reply) => {
    const viewer = await viewerOf(ctx.storage, request, ctx.clock());
    if (!viewer.user) throw new ApiError(401, 'sign-in-required', 'Sign in first (POST /api/session).');
    const body = parse(passwordBody, request.body, 'invalid-password-change', 'The password change is not valid.');
    const user = await ctx.storage.findUserByEmail(viewer.user.email);
    if (!user?.passwordHash || !(await passwordMatches(user.passwordHash, body.currentPassword))) throw new ApiError(401, 'wrong-credentials', 'The current password is not right.');
    const weak = passwordProblem(body.newPassword, user);
    if (weak) throw new ApiError(400, 'weak-password', weak, [{ path: 'newPassword', rule: 'weak-password', message: weak }]);
    await ctx.storage.setPassword(user.id, await hashPassword(body.newPassword));
    clearSessionCookie(reply, ctx.secureCookies);
    return reply.status(204).send();
  });

  app.get('/api/users', async (request) => {
    await requireAdmin(request);
    return { users: (await ctx.storage.listUsers()).map((u) => ({ ...userJson(u), hasPassword: u.hasPassword, createdAt: u.createdAt })) };
  });

  app.post('/api/users', async (request, reply) => {
    await requireAdmin(request);
    const body = parse(newUserBody, request.body, 'invalid-user', 'The account is not valid; nothing was created.');
    const created = await ctx.storage.createUser({ ...body, passwordHash: null });
    if (!created.ok) throw new ApiError(409, 'email-taken', `There is already a staff account for ${body.email}.`);
    return reply.status(201).send({ user: userJson(created.user), invitation: await inviteLink(ctx, created.user.id) });
  });

  app.delete<{ Params: { id: string } }>('/api/users/:id', async (request, reply) => {
    const admin = await requireAdmin(request);
    const target = await ctx.storage.getUser(request.params.id);
    if (!target) throw new ApiError(404, 'user-not-found', `There is no staff account "${request.params.id}".`);
    if (target.role === 'admin' && (await ctx.storage.countAdmins()) <= 1) throw new ApiError(409, 'last-admin', 'This is the only admin; make another admin before removing it.');
    await ctx.storage.deleteUser(target.id);
    if (target.id === admin.id) clearSessionCookie(reply, ctx.secureCookies);
    return reply.status(204).send();
  });

  const findInvitation = async (token: string) => {
    const invitation = SECRET_TOKEN.test(token) ? await ctx.storage.findInvitation(tokenHash(token), nowIso()) : null;
    if (!invitation) throw new ApiError(404, 'invitation-not-found', 'This invitation link has been used or has expired; ask an admin for a new one.');
    return { invitation, user: invitation.userId ? await ctx.storage.getUser(invitation.userId) : null };
  };

  app.get<{ Params: { token: string } }>('/api/invitations/:token', async (request) => {
    const { invitation, user } = await findInvitation(request.params.token);
    return { email: user?.email ?? null, name: user?.name ?? null, expiresAt: invitation.expiresAt, setup: invitation.userId === null };
  });

  app.post<{ Params: { token: string } }>('/api/invitations/:token', async (request, reply) => {
    const { invitation, user } = await findInvitation(request.params.token);
    const body = parse(acceptBody, request.body, 'invalid-invitation', 'The answer to the invitation is not valid.');
    const setup = invitation.userId === null;
    if (setup && (!body.email || !body.name)) throw new ApiError(400, 'invalid-invitation', 'The first admin account needs an e-mail and a name.', [{ path: body.email ? 'name' : 'email', rule: 'required', message: 'required for the first admin' }]);
    if (!setup && !user) throw new ApiError(404, 'invitation-not-found', 'The account this invitation was for has been removed.');
    const person = setup ? { email: body.email!, name: body.name! } : user!;
    const weak = passwordProblem(body.password, person);
    if (weak) throw new ApiError(400, 'weak-password', weak, [{ path: 'password', rule: 'weak-password', message: weak }]);
    if (setup && (await ctx.storage.findUserByEmail(person.email))) throw new ApiError(409, 'email-taken', `There is already a staff account for ${person.email}.`);
    const hash = await hashPassword(body.password);
    // taken once, atomically: of two people opening the same link at once, one gets the account
    if (!(await ctx.storage.useInvitation(invitation.tokenHash, nowIso()))) throw new ApiError(404, 'invitation-not-found', 'This invitation link has just been used.');
    if (setup) {
      const created = await ctx.storage.createUser({ email: person.email, name: person.name, role: 'admin', passwordHash: hash });
      if (!created.ok) throw new ApiError(409, 'email-taken', `There is already a staff account for ${person.email}.`);
      return signedIn(reply, created.user);
    }
    await ctx.storage.setPassword(user!.id, hash);
    return signedIn(reply, { ...user!, hasPassword: true });
  });
}
