// routes by pathname: the resident map at /, the planner view at /planner and touch-table mode at /table, the last two
// loaded on demand (the service worker precaches every chunk, so a hall can open /table for the first time offline).
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { AppStoreProvider } from '../store/AppStoreProvider.tsx';
import type { AppStore } from '../store/appStore.ts';
import type { TileConfig } from './loadTileConfig.ts';
import type { ServerCounting } from './PlannerApp.tsx';
import { ResidentApp } from './ResidentApp.tsx';

const PlannerApp = lazy(() => import('./PlannerApp.tsx').then((m) => ({ default: m.PlannerApp })));
const TableRoute = lazy(() => import('./TableRoute.tsx'));

/** the route a pathname shows: '/', '/planner' or '/table' (a trailing slash does not matter) */
export function routeOf(pathname: string): string {
  return pathname.replace(/\/+$/, '') || '/';
}

export function App({ store, tiles, pathname, plannerServer }: { store: AppStore; tiles: TileConfig; pathname: string; plannerServer?: ServerCounting }) {
  const { t } = useTranslation();
  const route = routeOf(pathname);
  const loading = (
    <p className="app-status" role="status">
      {t('app.loading')}
    </p>
  );
  return (
    <AppStoreProvider store={store}>
      {route === '/' ? (
        <ResidentApp tiles={tiles} />
      ) : (
        <Suspense fallback={loading}>{route === '/table' ? <TableRoute tiles={tiles} /> : route === '/planner' ? <PlannerApp tiles={tiles} {...(plannerServer ? { server: plannerServer } : {})} /> : <ResidentApp tiles={tiles} />}</Suspense>
      )}
    </AppStoreProvider>
  );
}
