// the resident map's frame while the page's data and the checks that read them are still on the way: it pans and
// zooms at once; the basemap, boundaries and pins come with the page (ResidentMap, drawn in its place).
import 'leaflet/dist/leaflet.css';
import { useTranslation } from 'react-i18next';
import { MapContainer, ZoomControl } from 'react-leaflet';
import { MapLabel } from './MapLabel.tsx';
import { residentMapView } from './residentMapView.ts';

export function BootMap() {
  const { t } = useTranslation();
  return (
    <div className="map-frame">
      {/* the same view and keys as ResidentMap, which fits itself to the boundaries when they are in */}
      <MapContainer className="map map--booting" {...residentMapView()}>
        <ZoomControl position="topright" zoomInTitle={t('map.zoomIn')} zoomOutTitle={t('map.zoomOut')} />
        <MapLabel />
      </MapContainer>
    </div>
  );
}
