// staff accounts as storage keeps them: users, invitations, sign-in sessions and memberships (split out of storage.ts).
/** server-wide: an admin runs the server (consultations, accounts); staff get roles per consultation */
export type StaffRole = 'admin' | 'staff';
/** per consultation */
export type MemberRole = 'planner' | 'facilitator';

export interface StaffUser {
  /** a UUID */
  id: string;
  /** stored lower-case; unique */
  email: string;
  name: string;
  role: StaffRole;
  createdAt: string;
  /** false until the invitation is accepted */
  hasPassword: boolean;
}

export interface NewStaffUser {
  email: string;
  name: string;
  role: StaffRole;
  /** an argon2 hash (never the password), or null for an invited user who has not set one yet */
  passwordHash: string | null;
}

/** a one-time link; only the SHA-256 of its token is stored */
export interface Invitation {
  tokenHash: string;
  /** null for the first-admin setup link (the person gives their e-mail when accepting) */
  userId: string | null;
  expiresAt: string;
}

export interface SignInSession {
  user: StaffUser;
  expiresAt: string;
}

export interface Membership {
  consultationId: string;
  userId: string;
  role: MemberRole;
}
