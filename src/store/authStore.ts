// who is signed in: residents are anonymous; staff sign in with their e-mail and password, and hold roles per consultation.
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { ApiRequestError, NetworkError } from '../persistence/httpRepository.ts';
import type { Membership, SignedIn, StaffApi, StaffRole, StaffUser } from '../persistence/staffApi.ts';

export type AuthApi = Pick<StaffApi, 'getSession' | 'signIn' | 'signOut'>;

export interface AuthError {
  /** 'wrong-credentials', 'too-many-attempts', 'network', or the server's code */
  code: string;
  message: string;
  retryAfterSeconds?: number;
}

export interface AuthState {
  /** the person signed in on this page, null for a resident (or while `known` is false) */
  user: StaffUser | null;
  /** the consultations the person is a planner or facilitator of (an admin may act in every one) */
  memberships: Membership[];
  /** the server said who this is; false until asked, and when it cannot be reached */
  known: boolean;
  /** the server has been asked once (whatever it said, or if it could not be reached) */
  checked: boolean;
  busy: boolean;
  error: AuthError | null;
  sessionChecked(): Promise<void>;
  signInRequested(credentials: { email: string; password: string }): Promise<boolean>;
  /** an accepted invitation signs the person in at once */
  signedIn(session: SignedIn): Promise<void>;
  signOutRequested(): Promise<void>;
}

export type AuthStore = StoreApi<AuthState>;

export function authError(error: unknown): AuthError {
  if (error instanceof NetworkError) return { code: 'network', message: error.message };
  if (error instanceof ApiRequestError) {
    return error.retryAfterSeconds ? { code: error.code, message: error.message, retryAfterSeconds: error.retryAfterSeconds } : { code: error.code, message: error.message };
  }
  return { code: 'unexpected', message: error instanceof Error ? error.message : String(error) };
}

/**
 * What the signed-in person may do in one consultation: 'admin' anywhere, else their membership's role; null for
 * residents, for staff who are not members, and without a consultation (device-only mode).
 * @example
 * staffRoleIn({ user: { role: 'staff', … }, memberships: [{ slug: 'park', role: 'facilitator' }] }, 'park') // => 'facilitator'
 */
export function staffRoleIn(state: Pick<AuthState, 'user' | 'memberships'>, slug: string | null): StaffRole | null {
  if (!state.user || slug === null) return null;
  if (state.user.role === 'admin') return 'admin';
  return state.memberships.find((m) => m.slug === slug)?.role ?? null;
}

/**
 * A small store for the staff session, shared by the resident map's planner tools, the planner view, the touch table and
 * the staff console.
 * @example
 * const auth = createAuthStore(createStaffApi(createHttpRepository({ deviceToken })));
 * await auth.getState().signInRequested({ email: 'ana@council.example', password: '…' }); // => true
 */
export function createAuthStore(api: AuthApi): AuthStore {
  return createStore<AuthState>()((set, get) => {
    async function readSession(): Promise<void> {
      const { user, memberships } = await api.getSession();
      set({ user, memberships, known: true, checked: true });
    }
    return {
      user: null,
      memberships: [],
      known: false,
      checked: false,
      busy: false,
      error: null,
      async sessionChecked() {
        try {
          await readSession();
        } catch {
          // offline or no server: stay unknown; the sign-in form still works when the server is back
          set({ checked: true });
        }
      },
      async signInRequested(credentials) {
        if (get().busy) return false;
        set({ busy: true, error: null });
        try {
          const { user } = await api.signIn(credentials);
          set({ user, known: true });
          // the memberships come with the session, not with the sign-in answer
          await readSession().catch(() => undefined);
          set({ busy: false });
          return true;
        } catch (error) {
          set({ busy: false, error: authError(error) });
          return false;
        }
      },
      async signedIn(session) {
        set({ user: session.user, known: true, checked: true, error: null });
        await readSession().catch(() => undefined);
      },
      async signOutRequested() {
        set({ busy: true, error: null });
        try {
          await api.signOut();
          set({ user: null, memberships: [], known: true, busy: false });
        } catch (error) {
          // WARNING: unreachable server: its cookie may still be valid, but this page stops acting signed in (a table left
          // idle offline must lock); not known is honest, and the form offers sign-in again once the server is back
          set({ busy: false, error: authError(error), ...(error instanceof NetworkError ? { user: null, memberships: [], known: false } : {}) });
        }
      },
    };
  });
}
