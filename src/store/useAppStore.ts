// hooks reading the store from context: components subscribe to the slice of state they render.
import { useContext } from 'react';
import { useStore } from 'zustand';
import type { AppState } from './appState.ts';
import type { AppStore } from './appStore.ts';
import { AppStoreContext } from './AppStoreProvider.tsx';

export function useAppStoreApi(): AppStore {
  const store = useContext(AppStoreContext);
  if (!store) throw new Error('useAppStore must be used inside <AppStoreProvider>');
  return store;
}

/** Subscribes to one value derived from the state; return stable references (or primitives) from the selector. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStoreApi(), selector);
}
