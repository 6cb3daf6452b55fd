// hands the response explorer's store to its table, its filters and the planner map's pin layer through context.
import { createContext } from 'react';
import type { ReactNode } from 'react';
import type { ResponseExplorerStore } from './responseExplorerStore.ts';

export const ResponseExplorerContext = createContext<ResponseExplorerStore | null>(null);

export function ResponseExplorerProvider({ store, children }: { store: ResponseExplorerStore; children: ReactNode }) {
  return <ResponseExplorerContext value={store}>{children}</ResponseExplorerContext>;
}
