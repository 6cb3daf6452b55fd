// who is signed in: residents are anonymous; planners and facilitators sign in with the operator's passphrase.
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { ApiRequestError, NetworkError } from '../persistence/httpRepository.ts';
import type { HttpRepository, Role } from '../persistence/httpRepository.ts';

export type AuthApi = Pick<HttpRepository, 'getSession' | 'signIn' | 'signOut'>;

export interface AuthError {
  /** 'wrong-passphrase', 'too-many-attempts', 'network', or the server's code */
  code: string;
  message: string;
  retryAfterSeconds?: number;
}

export interface AuthState {
  /** 'unknown' until the server has been asked (or when it cannot be reached) */
  role: Role | 'unknown';
  /** the server has been asked once (whatever it said, or if it could not be reached) */
  checked: boolean;
  busy: boolean;
  error: AuthError | null;
  sessionChecked(): Promise<void>;
  signInRequested(passphrase: string): Promise<boolean>;
  signOutRequested(): Promise<void>;
}

export type AuthStore = StoreApi<AuthState>;

function authError(error: unknown): AuthError {
  if (error instanceof NetworkError) return { code: 'network', message: error.message };
  if (error instanceof ApiRequestError) {
    return error.retryAfterSeconds ? { code: error.code, message: error.message, retryAfterSeconds: error.retryAfterSeconds } : { code: error.code, message: error.message };
  }
  return { code: 'unexpected', message: error instanceof Error ? error.message : String(error) };
}

/**
 * A small store for the planner session, shared by the resident map's planner tools, the planner view and the touch table.
 * @example
 * const auth = createAuthStore(createHttpRepository({ deviceToken }));
 * await auth.getState().signInRequested('passphrase'); // => true, role 'planner'
 */
export function createAuthStore(api: AuthApi): AuthStore {
  return createStore<AuthState>()((set, get) => ({
    role: 'unknown',
    checked: false,
    busy: false,
    error: null,
    async sessionChecked() {
      try {
        set({ role: await api.getSession(), checked: true });
      } catch {
        // offline or no server: stay unknown; the sign-in form still works when the server is back
        set({ checked: true });
      }
    },
    async signInRequested(passphrase) {
      if (get().busy) return false;
      set({ busy: true, error: null });
      try {
        const { role } = await api.signIn(passphrase);
        set({ role, busy: false });
        return role === 'planner';
      } catch (error) {
        set({ busy: false, error: authError(error) });
        return false;
      }
    },
    async signOutRequested() {
      set({ busy: true, error: null });
      try {
        await api.signOut();
        set({ role: 'resident', busy: false });
      } catch (error) {
        // WARNING: unreachable server: its cookie may still be valid, but this page stops acting signed in (a table left
        // idle offline must lock); 'unknown' is honest, and the form offers sign-in again once the server is back
        set({ busy: false, error: authError(error), ...(error instanceof NetworkError ? { role: 'unknown' as const } : {}) });
      }
    },
  }));
}
