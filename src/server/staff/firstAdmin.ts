// the first admin of a new server: from COPLAN_ADMIN_EMAIL + COPLAN_ADMIN_PASSWORD (automation), or a one-time setup
// link printed at start. There is never a default password.
import type { Storage } from '../storage/storage.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import { newSecretToken, tokenHash } from './secretTokens.ts';

export type FirstAdmin = { kind: 'exists' } | { kind: 'created'; email: string } | { kind: 'setup-link'; path: string; expiresAt: string };

export const SETUP_LINK_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Makes sure the server has an admin, or can get one. Throws (stopping the start) when the given password is too weak.
 * @example
 * await ensureFirstAdmin(storage, { email: 'it@council.gov.uk', password: process.env.COPLAN_ADMIN_PASSWORD }) // => { kind: 'created', … }
 */
export async function ensureFirstAdmin(storage: Storage, given: { email?: string | undefined; password?: string | undefined }, now = Date.now()): Promise<FirstAdmin> {
  if ((await storage.countAdmins()) > 0) return { kind: 'exists' };
  if (given.email || given.password) {
    if (!given.email || !given.password) throw new Error('set both COPLAN_ADMIN_EMAIL and COPLAN_ADMIN_PASSWORD, or neither (then a one-time setup link is printed)');
    const email = given.email.trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new Error(`COPLAN_ADMIN_EMAIL "${given.email}" is not an e-mail address`);
    const weak = passwordProblem(given.password, { email, name: '' });
    if (weak) throw new Error(`COPLAN_ADMIN_PASSWORD is too weak: ${weak}`);
    const created = await storage.createUser({ email, name: email.split('@')[0]!, role: 'admin', passwordHash: await hashPassword(given.password) });
    if (!created.ok) throw new Error(`COPLAN_ADMIN_EMAIL ${email} already has a staff account that is not an admin; make it an admin or choose another e-mail`);
    return { kind: 'created', email };
  }
  const token = newSecretToken();
  const expiresAt = new Date(now + SETUP_LINK_TTL_MS).toISOString();
  await storage.createInvitation({ tokenHash: tokenHash(token), userId: null, expiresAt });
  return { kind: 'setup-link', path: `/invite/${token}`, expiresAt };
}
