// hands the table store to the table's components, like AppStoreProvider does for the app store.
import { createContext } from 'react';
import type { ReactNode } from 'react';
import type { TableStore } from '../../store/tableStore.ts';

export const TableStoreContext = createContext<TableStore | null>(null);

export function TableStoreProvider({ store, children }: { store: TableStore; children: ReactNode }) {
  return <TableStoreContext value={store}>{children}</TableStoreContext>;
}
