// staff accounts: users, invitations, sign-in sessions and memberships (server-wide, not inside a consultation).
import crypto from 'node:crypto';
import type { Db, UsersTable } from '../db/database.ts';
import type { Invitation, MemberRole, Membership, StaffRole, StaffUser, Storage } from '../storage.ts';
import { writeAudit } from './audit.ts';

const USER_COLUMNS = ['id', 'email', 'name', 'role', 'password_hash', 'created_at'] as const;
type UserRow = Pick<UsersTable, (typeof USER_COLUMNS)[number]>;

const toUser = (r: UserRow): StaffUser => ({ id: r.id, email: r.email, name: r.name, role: r.role as StaffRole, createdAt: r.created_at, hasPassword: r.password_hash !== null });
const toInvitation = (r: { token_hash: string; user_id: string | null; expires_at: string }): Invitation => ({ tokenHash: r.token_hash, userId: r.user_id, expiresAt: r.expires_at });
const toMembership = (r: { consultation_id: string; user_id: string; role: string }): Membership => ({ consultationId: r.consultation_id, userId: r.user_id, role: r.role as MemberRole });

type StaffStorage = Pick<Storage,
  | 'createUser' | 'getUser' | 'findUserByEmail' | 'listUsers' | 'countAdmins' | 'setPassword' | 'deleteUser'
  | 'createInvitation' | 'findInvitation' | 'useInvitation' | 'createSession' | 'findSession' | 'deleteSession'
  | 'setMembership' | 'removeMembership' | 'membershipsOf' | 'membersOf'>;

/**
 * The accounts half of Storage. E-mail addresses are kept lower-case, so lookups and uniqueness ignore case.
 * @example
 * const staff = staffStorage(db); await staff.createUser({ email: 'Ann@Example.org', name: 'Ann', role: 'admin', passwordHash: null });
 */
export function staffStorage(db: Db): StaffStorage {
  const users = () => db.selectFrom('users').select(USER_COLUMNS);
  return {
    async createUser(input) {
      const row: UsersTable = { id: crypto.randomUUID(), email: input.email.toLowerCase(), name: input.name, role: input.role, password_hash: input.passwordHash, created_at: new Date().toISOString() };
      const result = await db.insertInto('users').values(row).onConflict((oc) => oc.column('email').doNothing()).executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1 ? { ok: true, user: toUser(row) } : { ok: false, code: 'email-taken' };
    },
    async getUser(id) {
      const row = await users().where('id', '=', id).executeTakeFirst();
      return row ? toUser(row) : null;
    },
    async findUserByEmail(email) {
      const row = await users().where('email', '=', email.toLowerCase()).executeTakeFirst();
      return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
    },
    async listUsers() {
      return (await users().orderBy('created_at').orderBy('email').execute()).map(toUser);
    },
    async countAdmins() {
      const row = await db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).where('role', '=', 'admin').executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    setPassword: (userId, passwordHash) =>
      db.transaction().execute(async (trx) => {
        const result = await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).executeTakeFirst();
        await trx.deleteFrom('staff_sessions').where('user_id', '=', userId).execute();
        return Number(result.numUpdatedRows) === 1;
      }),
    deleteUser: (userId) =>
      db.transaction().execute(async (trx) => {
        // the foreign keys cascade too; deleted here by name so the rule does not hang on a pragma
        for (const table of ['staff_sessions', 'memberships', 'invitations'] as const) await trx.deleteFrom(table).where('user_id', '=', userId).execute();
        const result = await trx.deleteFrom('users').where('id', '=', userId).executeTakeFirst();
        return Number(result.numDeletedRows) === 1;
      }),

    async createInvitation(invitation) {
      await db.insertInto('invitations').values({ token_hash: invitation.tokenHash, user_id: invitation.userId, expires_at: invitation.expiresAt, used_at: null }).execute();
    },
    async findInvitation(tokenHash, now) {
      const row = await db.selectFrom('invitations').select(['token_hash', 'user_id', 'expires_at'])
        .where('token_hash', '=', tokenHash).where('used_at', 'is', null).where('expires_at', '>', now).executeTakeFirst();
      return row ? toInvitation(row) : null;
    },
    async useInvitation(tokenHash, now) {
      // one conditional UPDATE: of two concurrent calls the second finds used_at set (PostgreSQL re-checks after the row lock)
      const row = await db.updateTable('invitations').set({ used_at: now })
        .where('token_hash', '=', tokenHash).where('used_at', 'is', null).where('expires_at', '>', now)
        .returning(['token_hash', 'user_id', 'expires_at'])
        .executeTakeFirst();
      return row ? toInvitation(row) : null;
    },

    async createSession(tokenHash, userId, expiresAt) {
      await db.insertInto('staff_sessions').values({ token_hash: tokenHash, user_id: userId, expires_at: expiresAt, created_at: new Date().toISOString() }).execute();
    },
    async findSession(tokenHash, now) {
      const row = await db.selectFrom('staff_sessions as s').innerJoin('users as u', 'u.id', 's.user_id')
        .select(['u.id', 'u.email', 'u.name', 'u.role', 'u.password_hash', 'u.created_at', 's.expires_at'])
        .where('s.token_hash', '=', tokenHash).where('s.expires_at', '>', now).executeTakeFirst();
      return row ? { user: toUser(row), expiresAt: row.expires_at } : null;
    },
    async deleteSession(tokenHash) {
      await db.deleteFrom('staff_sessions').where('token_hash', '=', tokenHash).execute();
    },

    setMembership: (m, actor) =>
      db.transaction().execute(async (trx) => {
        await trx.insertInto('memberships').values({ consultation_id: m.consultationId, user_id: m.userId, role: m.role })
          .onConflict((oc) => oc.columns(['consultation_id', 'user_id']).doUpdateSet({ role: m.role })).execute();
        await writeAudit(trx, { consultationId: m.consultationId, at: new Date().toISOString(), actor, action: 'set-member', reason: `${m.userId}: ${m.role}` });
      }),
    removeMembership: (consultationId, userId, actor) =>
      db.transaction().execute(async (trx) => {
        const result = await trx.deleteFrom('memberships').where('consultation_id', '=', consultationId).where('user_id', '=', userId).executeTakeFirst();
        const removed = Number(result.numDeletedRows) === 1;
        if (removed) await writeAudit(trx, { consultationId, at: new Date().toISOString(), actor, action: 'remove-member', reason: userId });
        return removed;
      }),
    async membershipsOf(userId) {
      return (await db.selectFrom('memberships').selectAll().where('user_id', '=', userId).orderBy('consultation_id').execute()).map(toMembership);
    },
    async membersOf(consultationId) {
      const rows = await db.selectFrom('memberships as m').innerJoin('users as u', 'u.id', 'm.user_id')
        .select(['m.consultation_id', 'm.user_id', 'm.role as member_role', 'u.id', 'u.email', 'u.name', 'u.role', 'u.password_hash', 'u.created_at'])
        .where('m.consultation_id', '=', consultationId).orderBy('u.email').execute();
      return rows.map((r) => ({ ...toMembership({ ...r, role: r.member_role }), user: toUser(r) }));
    },
  };
}
