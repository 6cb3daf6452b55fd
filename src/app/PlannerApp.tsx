// the planner page (/planner): layer panel, map with legend, and the dashboard, counted on the server or in a worker.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import './budgetPlannerStrings.ts';
import './plannerStrings.ts';
import type { HttpRepository } from '../persistence/httpRepository.ts';
import { createPlannerStaffTools } from '../persistence/plannerStaffTools.ts';
import { createHttpResponseSource } from '../persistence/responseExplorer/httpResponseSource.ts';
import { createLocalResponseSource } from '../persistence/responseExplorer/localResponseSource.ts';
import { createResponseExplorerStore } from '../store/responseExplorerStore.ts';
import { ResponseExplorerProvider } from '../store/ResponseExplorerProvider.tsx';
import { useAuth, useStaffRole } from '../store/useAuth.ts';
import { ResponseExplorer } from '../ui/planner/explorer/ResponseExplorer.tsx';
import { StaffPanel } from '../ui/planner/staff/StaffPanel.tsx';
import { useTranslation } from 'react-i18next';
import { consultationPath } from '../core/appRoutes.ts';
import '../ui/planner/planner.css';
import { PlannerMap } from '../map/planner/PlannerMap.tsx';
import type { PlannerEngineClient } from '../persistence/plannerEngine/plannerEngineClient.ts';
import { createPlannerEngineRouter } from '../persistence/plannerEngine/plannerEngineRouter.ts';
import { createPlannerStore } from '../store/plannerStore.ts';
import { DEFAULT_MIN_COUNT } from '../core/smallCounts.ts';
import { PlannerStoreProvider } from '../store/PlannerStoreProvider.tsx';
import { useAppStore } from '../store/useAppStore.ts';
import { useConsultation } from '../store/useConsultation.ts';
import { PlannerControls } from '../ui/planner/PlannerControls.tsx';
import { AnswerPanel } from '../ui/planner/AnswerPanel.tsx';
import { PlannerDashboard } from '../ui/planner/PlannerDashboard.tsx';
import { PlannerDataSource } from '../ui/planner/PlannerDataSource.tsx';
import { PlannerExports } from '../ui/planner/PlannerExports.tsx';
import { PlannerFilters } from '../ui/planner/PlannerFilters.tsx';
import { PlannerLegend } from '../ui/planner/PlannerLegend.tsx';
import { PlannerContextLayers } from '../ui/layers/PlannerContextLayers.tsx';
import { QuietAreasKey, QuietAreasPanel } from '../ui/layers/QuietAreasPanel.tsx';
import QuietAreasLayer from '../map/layers/QuietAreasLayer.tsx';
import { describePublished } from '../ui/planner/formatPublished.ts';
import type { PublishedCount } from '../core/smallCounts.ts';
import { LanguageSwitcher } from '../ui/LanguageSwitcher.tsx';
import { createWorkerEngine } from '../persistence/plannerEngine/aggregationClient.ts';
import type { TileConfig } from './loadTileConfig.ts';
import { budgetMarkers } from '../core/budget/projectPlaces.ts';
import { createBudgetPlannerApi } from '../persistence/budget/budgetPlannerApi.ts';
import { BudgetPlannerPanel } from '../ui/budget/planner/BudgetPlannerPanel.tsx';
import { useBudgetPlanner } from '../ui/budget/planner/useBudgetPlanner.ts';
import { formatMoney } from '../ui/budget/money.ts';

/** The consultation's pins, counted on the server: its engine, and a way to hear that pins changed. */
export interface ServerCounting {
  engine: PlannerEngineClient;
  /** the consultation's API, for the response explorer and the staff pages */
  api: HttpRepository;
  /** calls `changed` whenever pins may have changed on the server; returns a stop function */
  watch(changed: () => void): () => void;
}

/** while pins keep arriving, the figures are re-read at most this often */
const REFRESH_MS = 3000;

export function PlannerApp({ tiles, server }: { tiles: TileConfig; server?: ServerCounting }) {
  const { t, i18n } = useTranslation();
  // with a server the pins are counted there and never downloaded; an opened file is still counted in a worker here
  const consultation = useConsultation();
  const [store] = useState(() => {
    const made = createPlannerStore(server ? createPlannerEngineRouter(server.engine, createWorkerEngine) : createWorkerEngine());
    // staff of this consultation read raw counts on screen (the server sends them raw); exports choose "for publication"
    if (server && consultation?.viewerRole) made.getState().minCountChanged(1);
    return made;
  });
  const status = useAppStore((s) => s.status);
  const areas = useAppStore((s) => s.areas);
  const pins = useAppStore((s) => s.pins);
  const loadError = useAppStore((s) => s.loadError);
  // moves each time the figures are re-read after a change, so the answer panel re-reads its list too
  const [changes, setChanges] = useState(0);
  const themes = useAppStore((s) => s.themes);
  const [explorer] = useState(() => createResponseExplorerStore());
  const [staffTools] = useState(() => (server ? createPlannerStaffTools(server.api) : null));
  const userId = useAuth((s) => s.user?.id ?? null);
  const role = useStaffRole();
  // until the session is checked, the role the consultation answered with when the page loaded
  const staffHere = useAuth((s) => s.checked) ? role !== null : Boolean(consultation?.viewerRole);
  // who is heard: only when the consultation names its areas' population property
  const populationProperty = typeof consultation?.settings.populationProperty === 'string' ? consultation.settings.populationProperty : '';
  const describeCount = useCallback((c: PublishedCount) => describePublished(t, c), [t]);
  const slug = consultation?.slug ?? null;
  const budgetApi = useMemo(() => (server && slug ? createBudgetPlannerApi(server.api, slug) : null), [server, slug]);
  const budget = useBudgetPlanner(budgetApi);
  const currency = budget.load.kind === 'ready' ? budget.load.view.currency : 'GBP';
  // a project marker picked on the map opens that project's form in the budget section (`n` repeats a pick)
  const [pickedProject, setPickedProject] = useState<{ id: string; n: number } | null>(null);
  const pickProject = useCallback((id: string) => setPickedProject((p) => ({ id, n: (p?.n ?? 0) + 1 })), []);
  // a chosen cluster's pins go to the answer panel or the budget section, where this planner has them (not while the
  // map shows a file opened for analysis: its clusters are not the server's pins)
  const plans = role === 'planner' || role === 'admin';
  const canStartProjects = Boolean(budgetApi) && budget.load.kind === 'ready';
  const countsServerPins = useStore(store, (s) => s.source?.kind === 'server');
  const clusterPicking = useMemo(() => (server && plans && countsServerPins ? { answer: true, project: canStartProjects } : undefined), [server, plans, countsServerPins, canStartProjects]);
  const projectMarkers = useMemo(() => budgetMarkers(budget.projects, areas, (p) => formatMoney(p.cost, currency, i18n.language)), [budget.projects, areas, currency, i18n.language]);

  useEffect(
    function chooseResponseSource() {
      if (server) {
        explorer.getState().sourceChosen(createHttpResponseSource(server.api));
        return;
      }
      // without a server the explorer reads the pins on this device, with the same core queries
      if (status !== 'ready') return;
      const slug = consultation?.slug ?? 'device';
      explorer.getState().sourceChosen(createLocalResponseSource({ pins, themes, areas, consultation: { slug, title: consultation?.title ?? t('explorer.thisDevice') } }));
    },
    [server, explorer, status, pins, themes, areas, consultation, t],
  );

  useEffect(
    function rereadResponsesForWhoIsSignedIn() {
      // signing in (or out) changes what the explorer may show
      if (server) void explorer.getState().refreshed();
    },
    [userId, server, explorer],
  );

  useEffect(
    function rereadFiguresForWhoIsSignedIn() {
      // the server sends staff of this consultation raw counts and everyone else protected ones: a planner who signs in
      // here must not keep reading the public figures the page loaded with (nor keep raw ones after signing out)
      if (!server) return;
      const state = store.getState();
      const k = staffHere ? 1 : DEFAULT_MIN_COUNT;
      if (state.minCount === k) return;
      state.minCountChanged(k);
      void state.serverPinsChanged();
    },
    [staffHere, server, store],
  );

  useEffect(
    function followMapAreaInExplorer() {
      // the area chosen on the map (or in the explorer's area list, which selects it on the map) filters the explorer
      let current = store.getState().selectedArea;
      return store.subscribe((state) => {
        if (state.selectedArea === current) return;
        current = state.selectedArea;
        const id = current === null ? null : (state.areas.features[current]?.properties.id ?? null);
        explorer.getState().filterChanged({ area: id });
      });
    },
    [store, explorer],
  );

  useEffect(
    function analyseAppPins() {
      // the map's own pins are the default source; an opened file replaces them until the next change here
      if (status !== 'ready' || store.getState().source?.kind === 'file') return;
      if (server) void store.getState().serverPinsLoaded(areas);
      else void store.getState().appPinsLoaded(areas, pins);
    },
    [status, areas, pins, store, server],
  );

  useEffect(
    function followServerPins() {
      if (!server) return;
      let timer: ReturnType<typeof setTimeout> | null = null;
      const stop = server.watch(() => {
        timer ??= setTimeout(() => {
          timer = null;
          void store.getState().serverPinsChanged();
          setChanges((n) => n + 1);
          void explorer.getState().refreshed();
        }, REFRESH_MS);
      });
      return () => {
        stop();
        if (timer) clearTimeout(timer);
      };
    },
    [server, store, explorer],
  );

  return (
    <PlannerStoreProvider store={store}>
      <ResponseExplorerProvider store={explorer}>
      <header className="app-header">
        <div className="brand">
          <h1>{t('planner.title')}</h1>
          {consultation?.title ? <p className="consultation-title">{consultation.title}</p> : <p className="tagline">{t('planner.tagline')}</p>}
        </div>
        <nav aria-label={t('planner.nav')}>
          <a className="planner-nav-link" href={consultationPath(consultation?.slug ?? null)}>
            {t('planner.toResident')}
          </a>
        </nav>
        <LanguageSwitcher />
      </header>
      {status === 'failed' ? (
        <div className="app-status form-alert" role="alert">
          <p>{t('planner.loadFailed')}</p>
          <p>{loadError}</p>
        </div>
      ) : null}
      <main className="planner-page">
      <div className="planner-main">
        <div className="planner-panel">
          {staffTools ? <StaffPanel tools={staffTools} onSignedIn={() => void explorer.getState().refreshed()} /> : null}
          <PlannerDataSource />
          <PlannerControls />
          <PlannerFilters />
          <PlannerExports />
          {populationProperty && consultation ? <QuietAreasPanel slug={consultation.slug} changes={changes} /> : null}
          {consultation?.slug ? <PlannerContextLayers slug={consultation.slug} /> : null}
        </div>
        <div className="planner-map-column">
          <PlannerMap
            basemap={tiles.basemap}
            overlays={populationProperty ? <QuietAreasLayer describeCount={describeCount} /> : null}
            projects={projectMarkers}
            {...(budgetApi && plans ? { onProjectPick: pickProject } : {})}
            {...(clusterPicking ? { clusterPicking } : {})}
          />
          <PlannerLegend extraKeys={populationProperty ? <QuietAreasKey /> : null} />
        </div>
        <div className="planner-dashboard-column">
          <PlannerDashboard />
          {server ? <AnswerPanel changes={changes} /> : null}
        </div>
      </div>
      <ResponseExplorer />
      {server && budgetApi ? <BudgetPlannerPanel planner={budget} budgetApi={budgetApi} api={server.api} picked={pickedProject} /> : null}
      </main>
      </ResponseExplorerProvider>
    </PlannerStoreProvider>
  );
}
