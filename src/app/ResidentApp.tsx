// the resident map page: header with the view tabs, side panel, and map and list as equal views.
import { useTranslation } from 'react-i18next';
import { consultationPath } from '../core/appRoutes.ts';
import { ResidentMap } from '../map/ResidentMap.tsx';
import type { RenderPinPopup } from '../map/PinLayer.tsx';
import { useAppStore } from '../store/useAppStore.ts';
import { useConsultation } from '../store/useConsultation.ts';
import { ClosedNotice } from '../ui/consultations/ClosedNotice.tsx';
import { PinDetails } from '../ui/PinDetails.tsx';
import { PinList } from '../ui/PinList.tsx';
import { LanguageSwitcher } from '../ui/LanguageSwitcher.tsx';
import { LiveAnnouncer } from '../ui/LiveAnnouncer.tsx';
import { SidePanel } from '../ui/SidePanel.tsx';
import { SkipLink } from '../ui/SkipLink.tsx';
import { ConnectionBanner } from '../ui/planner-tools/ConnectionBanner.tsx';
import { ViewScopeNote } from '../ui/ViewScopeNote.tsx';
import { ViewSwitch } from '../ui/ViewSwitch.tsx';
import type { TileConfig } from './loadTileConfig.ts';

const renderPopup: RenderPinPopup = (pin) => <PinDetails pinId={pin.id} />;

export function ResidentApp({ tiles }: { tiles: TileConfig }) {
  const { t } = useTranslation();
  const status = useAppStore((s) => s.status);
  const loadError = useAppStore((s) => s.loadError);
  const view = useAppStore((s) => s.view);
  const editing = useAppStore((s) => s.editor !== null);
  const consultation = useConsultation();
  const slug = consultation?.slug ?? null;

  return (
    <>
      <SkipLink />
      <LiveAnnouncer />
      <header className="app-header">
        <div className="brand">
          <h1>{t('app.title')}</h1>
          {consultation?.title ? <p className="consultation-title">{consultation.title}</p> : <p className="tagline">{t('app.tagline')}</p>}
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
      <main className={editing ? 'app-main app-main--editing' : 'app-main'}>
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
            <div className="side-panel">
              <SidePanel />
            </div>
            <div className="views">
              <div id="panel-map" role="tabpanel" aria-labelledby="tab-map" hidden={view !== 'map'} className="map-panel">
                <ViewScopeNote where="map" />
                <ResidentMap basemap={tiles.basemap} renderPopup={renderPopup} />
              </div>
              <div id="panel-list" role="tabpanel" aria-labelledby="tab-list" hidden={view !== 'list'} className="list-panel">
                <ViewScopeNote where="list" />
                <PinList />
              </div>
            </div>
          </>
        ) : null}
      </main>
    </>
  );
}
