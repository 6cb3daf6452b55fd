// a resident map page while its start-up chunk (openPage.tsx) and the server's answers are on the way: the header,
// "Loading…" where the side panel goes, and a map that already pans and zooms (main.tsx draws it before anything else).
import { useTranslation } from 'react-i18next';
import { BootMap } from '../map/BootMap.tsx';
import '../ui/resident/resident.css';

export function ResidentBootPage() {
  const { t } = useTranslation();
  return (
    <>
      <header className="app-header">
        <div className="brand">
          <h1>{t('app.title')}</h1>
          <p className="tagline">{t('app.tagline')}</p>
        </div>
      </header>
      <main className="app-main app-main--resident">
        <div className="side-panel" data-map-cover="">
          <p className="app-status" role="status">
            {t('app.loading')}
          </p>
        </div>
        <div className="views">
          <div className="map-panel">
            <BootMap />
          </div>
        </div>
      </main>
    </>
  );
}
