// hands the planner store to the planner's map layers and dashboard through context.
import { createContext } from 'react';
import type { ReactNode } from 'react';
import type { PlannerStore } from './plannerStore.ts';

export const PlannerStoreContext = createContext<PlannerStore | null>(null);

export function PlannerStoreProvider({ store, children }: { store: PlannerStore; children: ReactNode }) {
  return <PlannerStoreContext value={store}>{children}</PlannerStoreContext>;
}
