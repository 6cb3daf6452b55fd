// routes by pathname: the resident map at /, touch-table mode at /table (a seam for later work).
import { AppStoreProvider } from '../store/AppStoreProvider.tsx';
import type { AppStore } from '../store/appStore.ts';
import { TableMap } from '../map/table/TableMap.tsx';
import { TableApp } from '../ui/table/TableApp.tsx';
import type { TileConfig } from './loadTileConfig.ts';
import { PlannerApp } from './PlannerApp.tsx';
import { ResidentApp } from './ResidentApp.tsx';

export function App({ store, tiles, pathname }: { store: AppStore; tiles: TileConfig; pathname: string }) {
  const route = pathname.replace(/\/+$/, '') || '/';
  return <AppStoreProvider store={store}>{route === '/table' ? <TableApp Map={TableMap} tiles={tiles} /> : route === '/planner' ? <PlannerApp tiles={tiles} /> : <ResidentApp tiles={tiles} />}</AppStoreProvider>;
}
