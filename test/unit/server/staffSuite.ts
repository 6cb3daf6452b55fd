// the storage contract for staff accounts: users, sign-in sessions, invitations and memberships. Run against SQLite
// and PostgreSQL by the serverStorage*.test.ts files.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Storage } from '../../../src/server/storage/storage.ts';
import type { OpenStorage } from './storageSuite.ts';

const NOW = '2031-01-01T00:00:00.000Z';
const LATER = '2031-01-02T00:00:00.000Z';

export function staffContract(open: OpenStorage): void {
  let storage: Storage;
  beforeEach(async () => {
    storage = await open(true);
  });
  afterEach(async () => {
    await storage.close();
  });

  const newUser = async (email: string, role: 'admin' | 'staff' = 'staff', passwordHash: string | null = 'hash-1') => {
    const result = await storage.createUser({ email, name: `Name of ${email}`, role, passwordHash });
    if (!result.ok) throw new Error(`could not create ${email}`);
    return result.user;
  };

  it('keeps e-mail addresses lower-case and unique whatever their case, and finds users by them', async () => {
    const ann = await newUser('Ann.Smith@Example.org', 'admin');
    expect(ann).toMatchObject({ email: 'ann.smith@example.org', name: 'Name of Ann.Smith@Example.org', role: 'admin', hasPassword: true });
    expect(await storage.createUser({ email: 'ANN.SMITH@example.ORG', name: 'Other', role: 'staff', passwordHash: null })).toEqual({ ok: false, code: 'email-taken' });
    expect(await storage.findUserByEmail('ann.SMITH@example.org')).toEqual({ ...ann, passwordHash: 'hash-1' });
    expect(await storage.findUserByEmail('bob@example.org')).toBeNull();
    const bob = await newUser('bob@example.org', 'staff', null);
    expect(bob.hasPassword).toBe(false);
    expect(await storage.getUser(bob.id)).toEqual(bob);
    expect(await storage.getUser('no-such-user')).toBeNull();
    expect((await storage.listUsers()).map((u) => u.email).sort()).toEqual(['ann.smith@example.org', 'bob@example.org']);
    expect(await storage.countAdmins()).toBe(1);
  });

  it('finds a session until it expires or is deleted', async () => {
    const ann = await newUser('ann@example.org');
    await storage.createSession('session-hash', ann.id, LATER);
    expect(await storage.findSession('session-hash', NOW)).toEqual({ user: ann, expiresAt: LATER });
    expect(await storage.findSession('session-hash', LATER)).toBeNull();
    expect(await storage.findSession('other-hash', NOW)).toBeNull();
    await storage.deleteSession('session-hash');
    expect(await storage.findSession('session-hash', NOW)).toBeNull();
  });

  it('signs a user out everywhere when their password is set', async () => {
    const ann = await newUser('ann@example.org', 'staff', null);
    const bob = await newUser('bob@example.org');
    await storage.createSession('ann-1', ann.id, LATER);
    await storage.createSession('ann-2', ann.id, LATER);
    await storage.createSession('bob-1', bob.id, LATER);
    expect(await storage.setPassword(ann.id, 'new-hash')).toBe(true);
    expect(await storage.findSession('ann-1', NOW)).toBeNull();
    expect(await storage.findSession('ann-2', NOW)).toBeNull();
    expect((await storage.findSession('bob-1', NOW))?.user.id).toBe(bob.id);
    expect((await storage.findUserByEmail('ann@example.org'))?.passwordHash).toBe('new-hash');
    expect((await storage.getUser(ann.id))?.hasPassword).toBe(true);
    expect(await storage.setPassword('no-such-user', 'x')).toBe(false);
  });

  it('gives an invitation once, also to two concurrent takers, and not after it expired', async () => {
    const bob = await newUser('bob@example.org', 'staff', null);
    await storage.createInvitation({ tokenHash: 'invite-bob', userId: bob.id, expiresAt: LATER });
    await storage.createInvitation({ tokenHash: 'first-admin', userId: null, expiresAt: LATER });
    expect(await storage.findInvitation('invite-bob', NOW)).toEqual({ tokenHash: 'invite-bob', userId: bob.id, expiresAt: LATER });
    // finding does not use it
    expect(await storage.findInvitation('invite-bob', NOW)).not.toBeNull();
    const takers = await Promise.all(Array.from({ length: 6 }, () => storage.useInvitation('invite-bob', NOW)));
    expect(takers.filter((t) => t !== null)).toEqual([{ tokenHash: 'invite-bob', userId: bob.id, expiresAt: LATER }]);
    expect(await storage.findInvitation('invite-bob', NOW)).toBeNull();
    expect(await storage.useInvitation('invite-bob', NOW)).toBeNull();
    // expired: neither found nor used
    expect(await storage.findInvitation('first-admin', LATER)).toBeNull();
    expect(await storage.useInvitation('first-admin', LATER)).toBeNull();
    expect(await storage.useInvitation('first-admin', NOW)).toEqual({ tokenHash: 'first-admin', userId: null, expiresAt: LATER });
    expect(await storage.useInvitation('no-such-invitation', NOW)).toBeNull();
  });

  it('keeps one role per user and consultation, lists members both ways, and audits the changes', async () => {
    const [consultation] = await storage.listConsultations();
    const cid = consultation!.id;
    const ann = await newUser('ann@example.org');
    const bob = await newUser('bob@example.org');
    await storage.setMembership({ consultationId: cid, userId: ann.id, role: 'planner' }, 'admin');
    await storage.setMembership({ consultationId: cid, userId: bob.id, role: 'planner' }, 'admin');
    await storage.setMembership({ consultationId: cid, userId: bob.id, role: 'facilitator' }, 'admin');
    expect(await storage.membershipsOf(bob.id)).toEqual([{ consultationId: cid, userId: bob.id, role: 'facilitator' }]);
    expect(await storage.membersOf(cid)).toEqual([
      { consultationId: cid, userId: ann.id, role: 'planner', user: ann },
      { consultationId: cid, userId: bob.id, role: 'facilitator', user: bob },
    ]);
    expect(await storage.removeMembership(cid, ann.id, 'admin')).toBe(true);
    expect(await storage.removeMembership(cid, ann.id, 'admin')).toBe(false);
    expect(await storage.membershipsOf(ann.id)).toEqual([]);
    const audit = await storage.consultation(cid).listAudit();
    expect(audit.map((e) => [e.action, e.actor])).toEqual([['remove-member', 'admin'], ['set-member', 'admin'], ['set-member', 'admin'], ['set-member', 'admin']]);
  });

  it('deletes a user with their sessions, memberships and invitations', async () => {
    const [consultation] = await storage.listConsultations();
    const ann = await newUser('ann@example.org');
    const bob = await newUser('bob@example.org');
    await storage.createSession('ann-1', ann.id, LATER);
    await storage.createSession('bob-1', bob.id, LATER);
    await storage.createInvitation({ tokenHash: 'invite-ann', userId: ann.id, expiresAt: LATER });
    await storage.setMembership({ consultationId: consultation!.id, userId: ann.id, role: 'planner' }, 'admin');
    await storage.setMembership({ consultationId: consultation!.id, userId: bob.id, role: 'planner' }, 'admin');
    expect(await storage.deleteUser(ann.id)).toBe(true);
    expect(await storage.deleteUser(ann.id)).toBe(false);
    expect(await storage.getUser(ann.id)).toBeNull();
    expect(await storage.findSession('ann-1', NOW)).toBeNull();
    expect(await storage.findInvitation('invite-ann', NOW)).toBeNull();
    expect(await storage.membershipsOf(ann.id)).toEqual([]);
    expect((await storage.membersOf(consultation!.id)).map((m) => m.userId)).toEqual([bob.id]);
    expect((await storage.findSession('bob-1', NOW))?.user.id).toBe(bob.id);
    // the address is free again
    expect((await storage.createUser({ email: 'ann@example.org', name: 'Ann', role: 'staff', passwordHash: null })).ok).toBe(true);
  });
}
