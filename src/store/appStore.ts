// the resident map's store: small slices combined, created per app (and per test) with its dependencies.
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { AppState } from './appState.ts';
import { createDataSlice } from './dataSlice.ts';
import { createDialogueSlice } from './dialogueSlice.ts';
import { filterSlice } from './filterSlice.ts';
import { createSyncSlice } from './syncSlice.ts';
import { uiSlice } from './uiSlice.ts';
import { createViewScopeSlice } from './viewScopeSlice.ts';
import { resolveDeps } from './storeDeps.ts';
import type { StoreDeps } from './storeDeps.ts';

export type AppStore = StoreApi<AppState>;

/**
 * Creates a fresh store talking to the given repository.
 * @example
 * const store = createAppStore({ repository, deviceToken: 'device-1' });
 * await store.getState().appStarted({ themes, demoAreas, demoPins });
 */
export function createAppStore(deps: StoreDeps): AppStore {
  const resolved = resolveDeps(deps);
  return createStore<AppState>()((...args) => ({
    ...createDataSlice(resolved)(...args),
    ...filterSlice(...args),
    ...uiSlice(...args),
    ...createSyncSlice(resolved)(...args),
    ...createViewScopeSlice(resolved)(...args),
    ...createDialogueSlice(resolved)(...args),
  }));
}
