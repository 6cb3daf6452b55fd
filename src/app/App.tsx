// the page the path opened: the front page, one consultation's resident map, planner view or touch table, the staff
// console, or "no such consultation"; the planner, table and staff pages load as their own chunks (the service worker
// precaches every chunk, so a hall can open /table for the first time offline).
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { AppStoreProvider } from '../store/AppStoreProvider.tsx';
import type { AppStore } from '../store/appStore.ts';
import { ConsultationProvider } from '../store/useConsultation.ts';
import type { TileConfig } from './loadTileConfig.ts';
import type { ServerCounting } from './PlannerApp.tsx';
import type { OpenedPage } from './resolvePage.ts';
import { ResidentApp } from './ResidentApp.tsx';
import { ResidentBootPage } from './ResidentBootPage.tsx';

const PlannerApp = lazy(() => import('./PlannerApp.tsx').then((m) => ({ default: m.PlannerApp })));
const TableRoute = lazy(() => import('./TableRoute.tsx'));
const StaffRoute = lazy(() => import('./StaffRoute.tsx'));
const BudgetRoute = lazy(() => import('./BudgetRoute.tsx'));
const ResultsRoute = lazy(() => import('./ResultsRoute.tsx'));
// the pages other than the resident map are small chunks of their own, so the map's first load does not carry them
const FrontPage = lazy(() => import('../ui/consultations/FrontPage.tsx').then((m) => ({ default: m.FrontPage })));
const NotFoundPage = lazy(() => import('../ui/consultations/NotFoundPage.tsx').then((m) => ({ default: m.NotFoundPage })));
const PrivacyNoticePage = lazy(() => import('../ui/resident/PrivacyNoticePage.tsx').then((m) => ({ default: m.PrivacyNoticePage })));

interface AppProps {
  tiles: TileConfig;
  /** `booting`: a resident map's path, drawn before its start-up chunk and the server's answers are in (main.tsx) */
  opened: OpenedPage | { kind: 'booting' };
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
  if (opened.kind === 'booting') return <ResidentBootPage />;
  if (opened.kind === 'front') return <Suspense fallback={loading}><FrontPage consultations={opened.consultations} /></Suspense>;
  if (opened.kind === 'not-found') return <Suspense fallback={loading}><NotFoundPage /></Suspense>;
  if (opened.kind === 'failed') return <Suspense fallback={loading}><NotFoundPage failure={opened.message} /></Suspense>;
  if (opened.kind === 'budget') return <Suspense fallback={loading}><BudgetRoute slug={opened.slug} results={opened.results} tiles={tiles} /></Suspense>;
  if (opened.kind === 'results') return <Suspense fallback={loading}><ResultsRoute slug={opened.slug} /></Suspense>;
  if (opened.kind === 'staff' || opened.kind === 'invite') {
    return <Suspense fallback={loading}>{opened.kind === 'staff' ? <StaffRoute /> : <StaffRoute inviteToken={opened.token} />}</Suspense>;
  }
  if (opened.page === 'privacy') {
    return (
      <ConsultationProvider consultation={opened.consultation}>
        <Suspense fallback={loading}>
          <PrivacyNoticePage />
        </Suspense>
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
