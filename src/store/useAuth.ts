// the staff session for components: from <AuthStoreProvider> when given (tests, other apps), else one shared store for the page.
import { createContext, createElement, useContext } from 'react';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import { getDeviceToken } from '../persistence/deviceToken.ts';
import { createHttpRepository } from '../persistence/httpRepository.ts';
import { createStaffApi } from '../persistence/staffApi.ts';
import type { StaffRole } from '../persistence/staffApi.ts';
import { createAuthStore, staffRoleIn } from './authStore.ts';
import type { AuthState, AuthStore } from './authStore.ts';
import { useConsultation } from './useConsultation.ts';

const AuthStoreContext = createContext<AuthStore | null>(null);
let pageStore: AuthStore | null = null;

export function AuthStoreProvider({ store, children }: { store: AuthStore; children: ReactNode }) {
  return createElement(AuthStoreContext, { value: store }, children);
}

export function useAuthStoreApi(): AuthStore {
  const store = useContext(AuthStoreContext);
  if (store) return store;
  pageStore ??= createAuthStore(createStaffApi(createHttpRepository({ deviceToken: getDeviceToken() })));
  return pageStore;
}

/** Subscribes to one value of the staff session, e.g. useAuth((s) => s.user?.name). */
export function useAuth<T>(selector: (state: AuthState) => T): T {
  return useStore(useAuthStoreApi(), selector);
}

/** What the signed-in person may do in the consultation on this page ('admin', 'planner', 'facilitator'), or null. */
export function useStaffRole(): StaffRole | null {
  const slug = useConsultation()?.slug ?? null;
  return useAuth((s) => staffRoleIn(s, slug));
}
