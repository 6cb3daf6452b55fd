// the resident map page: header with the view tabs, side panel, and map and list as equal views. On a phone the map
// fills the screen and the side panel and the list come up as sheets over it (app.css).
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { consultationPath } from '../core/appRoutes.ts';
import { ResidentMap } from '../map/ResidentMap.tsx';
import type { RenderPinPopup } from '../map/PinLayer.tsx';
import { PopupFitsContent } from '../map/PopupFitsContent.tsx';
import { useAppStore } from '../store/useAppStore.ts';
import { useConsultation } from '../store/useConsultation.ts';
import { ClosedNotice } from '../ui/consultations/ClosedNotice.tsx';
import { LanguageSwitcher } from '../ui/LanguageSwitcher.tsx';
import { LiveAnnouncer } from '../ui/LiveAnnouncer.tsx';
import { MapKey } from '../ui/resident/MapKey.tsx';
import { PlaceSearch } from '../ui/resident/PlaceSearch.tsx';
import { usePhoneLayout } from '../ui/resident/usePhoneLayout.ts';
import { preloadSidePanel, SidePanel } from '../ui/SidePanel.tsx';
import { SkipLink } from '../ui/SkipLink.tsx';
import { ConnectionBanner } from '../ui/planner-tools/ConnectionBanner.tsx';
import { ViewScopeNote } from '../ui/ViewScopeNote.tsx';
import { ViewSwitch } from '../ui/ViewSwitch.tsx';
import '../ui/resident/resident.css';
import type { TileConfig } from './loadTileConfig.ts';

// the context layers come as their own chunks, after the map: the resident's first load stays small
const parts = () => import('./ResidentLayerParts.tsx');
const ResidentLayerPanel = lazy(() => parts().then((m) => ({ default: m.ResidentLayerPanel })));
const ResidentLayerList = lazy(() => parts().then((m) => ({ default: m.ResidentLayerList })));
const ContextLayerOverlay = lazy(() => parts().then((m) => ({ default: m.ContextLayerOverlay })));

// the list view and a pin's popup come as chunks of their own too, fetched once the map is up (see preloadLaterParts)
const loadPinList = () => import('../ui/PinList.tsx');
const loadPinDetails = () => import('../ui/PinDetails.tsx');
const PinList = lazy(() => loadPinList().then((m) => ({ default: m.PinList })));
const PinDetails = lazy(() => loadPinDetails().then((m) => ({ default: m.PinDetails })));

// (the popup opens before a late chunk's content is in it: PopupFitsContent lays it out again once it is)
const renderPopup: RenderPinPopup = (pin) => (
  <Suspense fallback={null}>
    <PinDetails pinId={pin.id} />
    <PopupFitsContent />
  </Suspense>
);

/** what the resident map shows after its first paint; fetched then, so opening any of it does not wait on the network */
function preloadLaterParts(): void {
  void Promise.all([loadPinList(), loadPinDetails(), preloadSidePanel(), parts()]).catch((error: unknown) => {
    // the parts load again when opened; a failure here only means they were not fetched ahead
    console.warn(`coplan: fetching the resident map's panels ahead failed: ${error instanceof Error ? error.message : String(error)}`);
  });
}

export function ResidentApp({ tiles }: { tiles: TileConfig }) {
  const { t } = useTranslation();
  const status = useAppStore((s) => s.status);
  const loadError = useAppStore((s) => s.loadError);
  const view = useAppStore((s) => s.view);
  const editing = useAppStore((s) => s.editor !== null);
  const consultation = useConsultation();
  const slug = consultation?.slug ?? null;
  const phone = usePhoneLayout();
  useEffect(
    function fetchLaterParts() {
      if (status === 'ready') preloadLaterParts();
    },
    [status],
  );
  const mainClass = ['app-main', 'app-main--resident', editing ? 'app-main--editing' : '', view === 'list' ? 'app-main--list' : ''].filter(Boolean).join(' ');

  return (
    <>
      <SkipLink />
      <LiveAnnouncer />
      <header className="app-header">
        <div className="brand">
          <h1>{t('app.title')}</h1>
          {/* the consultation's question opens the side panel (ConsultationIntro); the header only brands the page */}
          {consultation?.title ? null : <p className="tagline">{t('app.tagline')}</p>}
          {consultation ? (
            // in the brand block, not the nav: on a phone the nav has no room left beside the view tabs
            <a className="brand-link" href="/">
              {t('consultation.allConsultations')}
            </a>
          ) : null}
        </div>
        <nav aria-label={t('view.navLabel')}>
          <ViewSwitch />
          <a className="planner-nav-link" href={consultationPath(slug, 'planner')}>{t('planner.link')}</a>
        </nav>
        <LanguageSwitcher />
      </header>
      <ClosedNotice />
      <ConnectionBanner />
      <main className={mainClass}>
        {status === 'loading' ? (
          <p className="app-status" role="status">
            {t('app.loading')}
          </p>
        ) : null}
        {status === 'failed' ? (
          <div className="app-status form-alert" role="alert">
            <p>{t('app.loadFailed')}</p>
            <p>{loadError}</p>
          </div>
        ) : null}
        {status === 'ready' ? (
          <>
            <div className="side-panel" data-map-cover="">
              <SidePanel />
            </div>
            <div className="views">
              {/* on a phone the map stays behind the list sheet, so the list reads as a layer over the map */}
              <div id="panel-map" role="tabpanel" aria-labelledby="tab-map" hidden={view !== 'map' && !phone} className="map-panel">
                <ViewScopeNote where="map" />
                <div className="map-overlay" data-map-cover="">
                  <PlaceSearch />
                  <MapKey />
                  {slug ? <Suspense fallback={null}><ResidentLayerPanel slug={slug} phone={phone} /></Suspense> : null}
                </div>
                <ResidentMap basemap={tiles.basemap} renderPopup={renderPopup} layers={slug ? <Suspense fallback={null}><ContextLayerOverlay /></Suspense> : null} />
              </div>
              <div id="panel-list" role="tabpanel" aria-labelledby="tab-list" hidden={view !== 'list'} className="list-panel list-sheet">
                <ViewScopeNote where="list" />
                <Suspense fallback={null}>
                  <PinList />
                </Suspense>
                {slug ? <Suspense fallback={null}><ResidentLayerList /></Suspense> : null}
              </div>
            </div>
          </>
        ) : null}
      </main>
    </>
  );
}
