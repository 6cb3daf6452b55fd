// the planner page (/planner): layer panel, map with legend, and the dashboard, counted on the server or in a worker.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { consultationPath } from '../core/appRoutes.ts';
import '../ui/planner/planner.css';
import { PlannerMap } from '../map/planner/PlannerMap.tsx';
import type { PlannerEngineClient } from '../persistence/plannerEngine/plannerEngineClient.ts';
import { createPlannerEngineRouter } from '../persistence/plannerEngine/plannerEngineRouter.ts';
import { createPlannerStore } from '../store/plannerStore.ts';
import { PlannerStoreProvider } from '../store/PlannerStoreProvider.tsx';
import { useAppStore } from '../store/useAppStore.ts';
import { useConsultation } from '../store/useConsultation.ts';
import { PlannerControls } from '../ui/planner/PlannerControls.tsx';
import { PlannerDashboard } from '../ui/planner/PlannerDashboard.tsx';
import { PlannerDataSource } from '../ui/planner/PlannerDataSource.tsx';
import { PlannerExports } from '../ui/planner/PlannerExports.tsx';
import { PlannerFilters } from '../ui/planner/PlannerFilters.tsx';
import { PlannerLegend } from '../ui/planner/PlannerLegend.tsx';
import { LanguageSwitcher } from '../ui/LanguageSwitcher.tsx';
import { createWorkerEngine } from '../persistence/plannerEngine/aggregationClient.ts';
import type { TileConfig } from './loadTileConfig.ts';

/** The consultation's pins, counted on the server: its engine, and a way to hear that pins changed. */
export interface ServerCounting {
  engine: PlannerEngineClient;
  /** calls `changed` whenever pins may have changed on the server; returns a stop function */
  watch(changed: () => void): () => void;
}

/** while pins keep arriving, the figures are re-read at most this often */
const REFRESH_MS = 3000;

export function PlannerApp({ tiles, server }: { tiles: TileConfig; server?: ServerCounting }) {
  const { t } = useTranslation();
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
        }, REFRESH_MS);
      });
      return () => {
        stop();
        if (timer) clearTimeout(timer);
      };
    },
    [server, store],
  );

  return (
    <PlannerStoreProvider store={store}>
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
      <main className="planner-main">
        <div className="planner-panel">
          <PlannerDataSource />
          <PlannerControls />
          <PlannerFilters />
          <PlannerExports />
        </div>
        <div className="planner-map-column">
          <PlannerMap tileUrl={tiles.tileUrl} />
          <PlannerLegend />
        </div>
        <div className="planner-dashboard-column">
          <PlannerDashboard />
        </div>
      </main>
    </PlannerStoreProvider>
  );
}
