// hooks reading the table store from context; select small values so a toast does not re-render the palettes.
import { useContext } from 'react';
import { useStore } from 'zustand';
import type { TableState, TableStore } from '../../store/tableStore.ts';
import { TableStoreContext } from './TableStoreContext.tsx';

export function useTableStoreApi(): TableStore {
  const store = useContext(TableStoreContext);
  if (!store) throw new Error('useTableStore must be used inside <TableStoreProvider>');
  return store;
}

export function useTableStore<T>(selector: (state: TableState) => T): T {
  return useStore(useTableStoreApi(), selector);
}
