// hands the app's store to components through context, so tests and table mode can each have their own.
import { createContext } from 'react';
import type { ReactNode } from 'react';
import type { AppStore } from './appStore.ts';

export const AppStoreContext = createContext<AppStore | null>(null);

export function AppStoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <AppStoreContext value={store}>{children}</AppStoreContext>;
}
