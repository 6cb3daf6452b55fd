// staff accounts: sign-in, sessions that a made-up, edited, expired or revoked token never passes, invitations used once,
// passwords that must be strong, and the first admin.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newSecretToken } from '../../../src/server/staff/secretTokens.ts';
import { ensureFirstAdmin } from '../../../src/server/staff/firstAdmin.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestServer } from '../../support/serverHarness.ts';
import type { TestServer } from '../../support/serverHarness.ts';

let server: TestServer;
let now = Date.now();
beforeEach(async () => {
  now = Date.now();
  server = await startTestServer({ clock: () => now, sessionTtlMs: 60 * 60 * 1000 });
});
afterEach(async () => server.close());

const signIn = (email: string, password: string) => server.app.inject({ method: 'POST', url: '/api/session', payload: { email, password } });
const users = (token: string) => server.app.inject({ url: '/api/users', headers: { authorization: `Bearer ${token}` } });
const flip = (token: string, at: number) => token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1);

describe('sign-in', () => {
  it('signs in by e-mail (any case) and password, with a cookie and a bearer token, and says who is signed in', async () => {
    const res = await signIn(ADMIN_EMAIL.toUpperCase(), ADMIN_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: { email: ADMIN_EMAIL, name: 'Test Admin', role: 'admin' } });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/coplan_session=[^;]+; Max-Age=3600; Path=\/api; HttpOnly; SameSite=Strict/);
    const who = await server.app.inject({ url: '/api/session', headers: { cookie: cookie.split(';')[0]! } });
    expect(who.json().user.email).toBe(ADMIN_EMAIL);
    expect((await users(res.json().token)).statusCode).toBe(200);
  });

  it('answers a wrong password and an unknown e-mail alike', async () => {
    for (const [email, password] of [[ADMIN_EMAIL, 'wrong password here'], ['nobody@coplan.test', ADMIN_PASSWORD]] as const) {
      const res = await signIn(email, password);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('wrong-credentials');
    }
  });
});

describe('a session token that is not a live one gets 401', () => {
  it.each([
    ['made up, of the right shape', async () => newSecretToken()],
    ['a real one with one character changed', async () => flip(await server.plannerToken(), 10)],
    ['a real one cut short', async () => (await server.plannerToken()).slice(0, -1)],
    ['from another server', async () => {
      const other = await startTestServer();
      const token = await other.plannerToken();
      await other.close();
      return token;
    }],
    ['empty or junk', async () => 'not a token at all; ☃'],
  ])('%s', async (_name, token) => {
    const res = await users(await token());
    expect(res.statusCode).toBe(401);
  });

  it('expired', async () => {
    const token = await server.plannerToken();
    now += 60 * 60 * 1000 + 1;
    expect((await users(token)).statusCode).toBe(401);
  });

  it('revoked by signing out, at once, for a copy of the token too', async () => {
    const token = await server.plannerToken();
    expect((await server.app.inject({ method: 'DELETE', url: '/api/session', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(204);
    expect((await users(token)).statusCode).toBe(401);
  });

  it('revoked by a password change, everywhere', async () => {
    const laptop = await server.plannerToken();
    const phone = await server.plannerToken();
    const change = await server.app.inject({ method: 'POST', url: '/api/session/password', headers: { authorization: `Bearer ${laptop}` }, payload: { currentPassword: ADMIN_PASSWORD, newPassword: 'a much longer new secret 42' } });
    expect(change.statusCode, change.body).toBe(204);
    expect((await users(laptop)).statusCode).toBe(401);
    expect((await users(phone)).statusCode).toBe(401);
    expect((await signIn(ADMIN_EMAIL, 'a much longer new secret 42')).statusCode).toBe(200);
  });

  it('revoked by removing the account', async () => {
    const admin = await server.plannerToken();
    const staff = await server.staff();
    expect((await server.app.inject({ url: '/api/session', headers: { authorization: `Bearer ${staff.token}` } })).json().user.email).toBe(staff.email);
    expect((await server.app.inject({ method: 'DELETE', url: `/api/users/${staff.id}`, headers: { authorization: `Bearer ${admin}` } })).statusCode).toBe(204);
    expect((await server.app.inject({ url: '/api/session', headers: { authorization: `Bearer ${staff.token}` } })).json()).toEqual({ user: null });
  });

  it('a malformed cookie is no session, not an error', async () => {
    for (const cookie of ['coplan_session=%E0%A4%A', 'coplan_session', '=;;;=', `coplan_session=${'x'.repeat(5000)}`]) {
      const res = await server.app.inject({ url: '/api/session', headers: { cookie } });
      expect(res.statusCode, cookie).toBe(200);
      expect(res.json()).toEqual({ user: null });
    }
  });
});

describe('invitations', () => {
  const invite = async (email: string) => {
    const admin = await server.plannerToken();
    const res = await server.app.inject({ method: 'POST', url: '/api/users', headers: { authorization: `Bearer ${admin}` }, payload: { email, name: 'Pat Planner' } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { user: { id: string }; invitation: { url: string; expiresAt: string } };
  };
  const accept = (url: string, payload: Record<string, unknown>) => server.app.inject({ method: 'POST', url: `/api${url.replace('/invite/', '/invitations/')}`, payload });

  it('lets the invited person set a password once and signs them in', async () => {
    const { invitation } = await invite('pat@coplan.test');
    expect(invitation.url).toMatch(/^\/invite\/[A-Za-z0-9_-]{43}$/);
    expect((await server.app.inject({ url: `/api${invitation.url.replace('/invite/', '/invitations/')}` })).json()).toMatchObject({ email: 'pat@coplan.test', setup: false });
    expect((await signIn('pat@coplan.test', 'anything at all 123')).statusCode).toBe(401);
    const weak = await accept(invitation.url, { password: 'password123' });
    expect(weak.json().error.code).toBe('weak-password');
    const accepted = await accept(invitation.url, { password: 'tulips by the canal 7' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().user.email).toBe('pat@coplan.test');
    expect((await accept(invitation.url, { password: 'another good one 99' })).statusCode).toBe(404);
    expect((await signIn('pat@coplan.test', 'tulips by the canal 7')).statusCode).toBe(200);
  });

  it('gives a link used by two people at once to one of them', async () => {
    const { invitation } = await invite('race@coplan.test');
    const both = await Promise.all([accept(invitation.url, { password: 'first of the two 11' }), accept(invitation.url, { password: 'second of the two 22' })]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 404]);
  });

  it('expires', async () => {
    const { invitation } = await invite('late@coplan.test');
    now = Date.parse(invitation.expiresAt) + 1;
    expect((await accept(invitation.url, { password: 'too late for this 1' })).statusCode).toBe(404);
  });

  it('refuses a second account for an e-mail', async () => {
    await invite('dup@coplan.test');
    const admin = await server.plannerToken();
    const again = await server.app.inject({ method: 'POST', url: '/api/users', headers: { authorization: `Bearer ${admin}` }, payload: { email: 'DUP@coplan.test', name: 'Dup' } });
    expect(again.json().error.code).toBe('email-taken');
  });
});

describe('the first admin', () => {
  it('comes from the environment with a strong password, or from a one-time setup link', async () => {
    const fresh = await startTestServer();
    try {
      // startTestServer always makes an admin: remove it to see a server without one
      const existing = await fresh.database.findUserByEmail(ADMIN_EMAIL);
      await fresh.database.deleteUser(existing!.id);
      await expect(ensureFirstAdmin(fresh.database, { email: 'it@council.example', password: 'short' })).rejects.toThrow(/too weak/);
      await expect(ensureFirstAdmin(fresh.database, { email: 'it@council.example' })).rejects.toThrow(/both/);
      const link = await ensureFirstAdmin(fresh.database, {});
      expect(link.kind).toBe('setup-link');
      if (link.kind !== 'setup-link') return;
      const url = `/api${link.path.replace('/invite/', '/invitations/')}`;
      expect((await fresh.app.inject({ url })).json()).toMatchObject({ setup: true, email: null });
      const made = await fresh.app.inject({ method: 'POST', url, payload: { password: 'the first admin here 1', email: 'IT@council.example', name: 'IT' } });
      expect(made.statusCode, made.body).toBe(200);
      expect(made.json().user).toMatchObject({ email: 'it@council.example', role: 'admin' });
      expect(await ensureFirstAdmin(fresh.database, {})).toEqual({ kind: 'exists' });
    } finally {
      await fresh.close();
    }
  });
});
