// the resident map's frame while the page's data and the checks that read them are still on the way: it pans and
// zooms at once; the basemap, boundaries and pins come with the page (ResidentMap, drawn in its place).
import 'leaflet/dist/leaflet.css';
import { useTranslation } from 'react-i18next';
import { MapContainer, ZoomControl } from 'react-leaflet';
import { MapLabel } from './MapLabel.tsx';
import { motionOptions, prefersReducedMotion } from './ReducedMotion.tsx';

export function BootMap() {
  const { t } = useTranslation();
  return (
    <div className="map-frame">
      {/* the same view and keys as ResidentMap's, which fits itself to the boundaries when they are in */}
      <MapContainer
        className="map map--booting"
        center={[0, 0]}
        zoom={2}
        zoomControl={false}
        attributionControl={false}
        keyboard
        keyboardPanDelta={60}
        zoomSnap={0.25}
        {...motionOptions(prefersReducedMotion())}
      >
        <ZoomControl position="topright" zoomInTitle={t('map.zoomIn')} zoomOutTitle={t('map.zoomOut')} />
        <MapLabel />
      </MapContainer>
    </div>
  );
}
