// routes by pathname: the resident map at /, touch-table mode at /table (a seam for later work).
import { AppStoreProvider } from '../store/AppStoreProvider.tsx';
import type { AppStore } from '../store/appStore.ts';
import { TableMap } from '../map/table/TableMap.tsx';
import { TableApp } from '../ui/table/TableApp.tsx';
import type { TileConfig } from './loadTileConfig.ts';
import { PlannerApp, type ServerCounting } from './PlannerApp.tsx';
import { ResidentApp } from './ResidentApp.tsx';

/** the route a pathname shows: '/', '/planner' or '/table' (a trailing slash does not matter) */
export function routeOf(pathname: string): string {
  return pathname.replace(/\/+$/, '') || '/';
}

export function App({ store, tiles, pathname, plannerServer }: { store: AppStore; tiles: TileConfig; pathname: string; plannerServer?: ServerCounting }) {
  const route = routeOf(pathname);
  return (
    <AppStoreProvider store={store}>
      {route === '/table' ? <TableApp Map={TableMap} tiles={tiles} /> : route === '/planner' ? <PlannerApp tiles={tiles} {...(plannerServer ? { server: plannerServer } : {})} /> : <ResidentApp tiles={tiles} />}
    </AppStoreProvider>
  );
}
