// the page the path opened: the front page, one consultation's resident map, planner view or touch table, the staff
// console, or "no such consultation"; the planner, table and staff pages load as their own chunks (the service worker
// precaches every chunk, so a hall can open /table for the first time offline).
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { AppStoreProvider } from '../store/AppStoreProvider.tsx';
import type { AppStore } from '../store/appStore.ts';
import { ConsultationProvider } from '../store/useConsultation.ts';
import { FrontPage } from '../ui/consultations/FrontPage.tsx';
import { NotFoundPage } from '../ui/consultations/NotFoundPage.tsx';
import type { TileConfig } from './loadTileConfig.ts';
import type { ServerCounting } from './PlannerApp.tsx';
import type { OpenedPage } from './resolvePage.ts';
import { ResidentApp } from './ResidentApp.tsx';
import { PrivacyNoticePage } from '../ui/resident/PrivacyNoticePage.tsx';

const PlannerApp = lazy(() => import('./PlannerApp.tsx').then((m) => ({ default: m.PlannerApp })));
const TableRoute = lazy(() => import('./TableRoute.tsx'));
const StaffRoute = lazy(() => import('./StaffRoute.tsx'));
const BudgetRoute = lazy(() => import('./BudgetRoute.tsx'));
const ResultsRoute = lazy(() => import('./ResultsRoute.tsx'));

interface AppProps {
  tiles: TileConfig;
  opened: OpenedPage;
  /** the resident map's store, for a consultation's pages */
  store?: AppStore;
  plannerServer?: ServerCounting;
}

export function App({ tiles, opened, store, plannerServer }: AppProps) {
  const { t } = useTranslation();
  const loading = (
    <p className="app-status" role="status">
      {t('app.loading')}
    </p>
  );
  if (opened.kind === 'front') return <FrontPage consultations={opened.consultations} />;
  if (opened.kind === 'not-found') return <NotFoundPage />;
  if (opened.kind === 'failed') return <NotFoundPage failure={opened.message} />;
  if (opened.kind === 'budget') return <Suspense fallback={loading}><BudgetRoute slug={opened.slug} results={opened.results} tiles={tiles} /></Suspense>;
  if (opened.kind === 'results') return <Suspense fallback={loading}><ResultsRoute slug={opened.slug} /></Suspense>;
  if (opened.kind === 'staff' || opened.kind === 'invite') {
    return <Suspense fallback={loading}>{opened.kind === 'staff' ? <StaffRoute /> : <StaffRoute inviteToken={opened.token} />}</Suspense>;
  }
  if (opened.page === 'privacy') {
    return (
      <ConsultationProvider consultation={opened.consultation}>
        <PrivacyNoticePage />
      </ConsultationProvider>
    );
  }
  if (!store) return loading;
  const { page } = opened;
  return (
    <ConsultationProvider consultation={opened.consultation}>
      <AppStoreProvider store={store}>
        {page === 'resident' ? (
          <ResidentApp tiles={tiles} />
        ) : (
          <Suspense fallback={loading}>{page === 'table' ? <TableRoute tiles={tiles} /> : <PlannerApp tiles={tiles} {...(plannerServer ? { server: plannerServer } : {})} />}</Suspense>
        )}
      </AppStoreProvider>
    </ConsultationProvider>
  );
}
