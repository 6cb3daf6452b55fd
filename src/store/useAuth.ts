// the planner session for components: from <AuthStoreProvider> when given (tests, other apps), else one shared store for the page.
import { createContext, createElement, useContext } from 'react';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import { getDeviceToken } from '../persistence/deviceToken.ts';
import { createHttpRepository } from '../persistence/httpRepository.ts';
import { createAuthStore } from './authStore.ts';
import type { AuthState, AuthStore } from './authStore.ts';

const AuthStoreContext = createContext<AuthStore | null>(null);
let pageStore: AuthStore | null = null;

export function AuthStoreProvider({ store, children }: { store: AuthStore; children: ReactNode }) {
  return createElement(AuthStoreContext, { value: store }, children);
}

export function useAuthStoreApi(): AuthStore {
  const store = useContext(AuthStoreContext);
  if (store) return store;
  pageStore ??= createAuthStore(createHttpRepository({ deviceToken: getDeviceToken() }));
  return pageStore;
}

/** Subscribes to one value of the planner session, e.g. useAuth((s) => s.role === 'planner'). */
export function useAuth<T>(selector: (state: AuthState) => T): T {
  return useStore(useAuthStoreApi(), selector);
}
