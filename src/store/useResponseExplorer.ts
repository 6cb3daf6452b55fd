// hooks reading the response explorer's store from context (the planner map draws nothing of it without one).
import { useContext } from 'react';
import { useStore } from 'zustand';
import { createResponseExplorerStore } from './responseExplorerStore.ts';
import type { ResponseExplorerState, ResponseExplorerStore } from './responseExplorerStore.ts';
import { ResponseExplorerContext } from './ResponseExplorerProvider.tsx';

// an empty store for pages without an explorer, so the hooks can always be called
const none = createResponseExplorerStore();

export function useResponseExplorerApi(): ResponseExplorerStore {
  return useContext(ResponseExplorerContext) ?? none;
}

/** Subscribes to one value of the explorer's state; return stable references (or primitives) from the selector. */
export function useResponseExplorer<T>(selector: (state: ResponseExplorerState) => T): T {
  return useStore(useResponseExplorerApi(), selector);
}
