// the ballot's small map: the neighbourhood's areas and the projects the list shows, as markers; picking a marker
// goes to that project in the list (the list stays the full, equal way to vote).
import 'leaflet/dist/leaflet.css';
import './ballotProjectMap.css';
import { useTranslation } from 'react-i18next';
import { GeoJSON, MapContainer, ZoomControl } from 'react-leaflet';
import type { Basemap } from '../core/basemapConfig.ts';
import type { BudgetMarker } from '../core/budget/projectPlaces.ts';
import type { AreaCollection } from '../core/types.ts';
import { BasemapLayer, basemapAttribution } from './BasemapLayer.tsx';
import { BudgetProjectMarkers } from './BudgetProjectMarkers.tsx';
import { FitToGivenAreas } from './FitToGivenAreas.tsx';

export interface BallotProjectMapProps {
  areas: AreaCollection;
  markers: readonly BudgetMarker[];
  onPick(id: string): void;
  label: string;
}

const areaStyle = { color: '#2f4b6e', weight: 2, opacity: 0.9, fillColor: '#6f8fb4', fillOpacity: 0.06 };

export function BallotProjectMap({ areas, markers, onPick, label, basemap }: BallotProjectMapProps & { basemap: Basemap }) {
  const { t } = useTranslation();
  return (
    <div className="map-frame ballot-map" role="region" aria-label={label}>
      <MapContainer className="map" center={[0, 0]} zoom={2} zoomControl={false} attributionControl={false} keyboard zoomSnap={0.25}>
        <BasemapLayer basemap={basemap} opacity={0.7} />
        <ZoomControl position="topright" zoomInTitle={t('map.zoomIn')} zoomOutTitle={t('map.zoomOut')} />
        <GeoJSON data={areas} style={() => areaStyle} interactive={false} />
        <FitToGivenAreas areas={areas} />
        <BudgetProjectMarkers markers={markers} onPick={onPick} />
      </MapContainer>
      {basemapAttribution(basemap) ? <p className="map-attribution">{basemapAttribution(basemap)}</p> : null}
    </div>
  );
}
