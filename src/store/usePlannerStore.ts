// hooks reading the planner store from context.
import { useContext } from 'react';
import { useStore } from 'zustand';
import type { PlannerState, PlannerStore } from './plannerStore.ts';
import { PlannerStoreContext } from './PlannerStoreProvider.tsx';

export function usePlannerStoreApi(): PlannerStore {
  const store = useContext(PlannerStoreContext);
  if (!store) throw new Error('usePlannerStore must be used inside <PlannerStoreProvider>');
  return store;
}

/** Subscribes to one value of the planner state; return stable references (or primitives) from the selector. */
export function usePlannerStore<T>(selector: (state: PlannerState) => T): T {
  return useStore(usePlannerStoreApi(), selector);
}
