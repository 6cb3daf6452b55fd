// the resident map: basemap (optional), boundaries, pins, placement tools and a slot for later layers.
import 'leaflet/dist/leaflet.css';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MapContainer, ZoomControl } from 'react-leaflet';
import type { Basemap } from '../core/basemapConfig.ts';
import { BasemapLayer, basemapAttribution } from './BasemapLayer.tsx';
import { BoundaryLayer } from './BoundaryLayer.tsx';
import { CrosshairControl } from './CrosshairControl.tsx';
import { DraftPinLayer } from './DraftPinLayer.tsx';
import { FitToAreas } from './FitToAreas.tsx';
import { MapEvents } from './MapEvents.tsx';
import { MapLabel } from './MapLabel.tsx';
import { MapTargetFollower } from './MapTargetFollower.tsx';
import { PinLayer } from './PinLayer.tsx';
import { ViewScopeLayer } from './ViewScopeLayer.tsx';
import { useAppStore } from '../store/useAppStore.ts';
import { ReducedMotion } from './ReducedMotion.tsx';
import { residentMapView } from './residentMapView.ts';
import type { RenderPinPopup } from './PinLayer.tsx';

export interface ResidentMapProps {
  /** the basemap; none draws boundaries on a plain background. Its attribution is rendered by react as text
   * (leaflet's control would treat it as html) */
  basemap: Basemap;
  renderPopup: RenderPinPopup;
  /** extra layers (e.g. planner layers) drawn above boundaries and below pins */
  layers?: ReactNode;
}

export function ResidentMap({ basemap, renderPopup, layers }: ResidentMapProps) {
  const { t } = useTranslation();
  const placing = useAppStore((s) => s.placing);
  return (
    <div className={placing ? 'map-frame map-frame--placing' : 'map-frame'}>
      <MapContainer className="map" {...residentMapView()}>
        <BasemapLayer basemap={basemap} />
        <ZoomControl position="topright" zoomInTitle={t('map.zoomIn')} zoomOutTitle={t('map.zoomOut')} />
        <MapLabel />
        <ReducedMotion />
        <FitToAreas />
        <BoundaryLayer />
        {layers}
        <ViewScopeLayer />
        <PinLayer renderPopup={renderPopup} />
        <DraftPinLayer />
        <MapEvents />
        <MapTargetFollower />
        <CrosshairControl />
      </MapContainer>
      {basemapAttribution(basemap) ? <p className="map-attribution">{basemapAttribution(basemap)}</p> : null}
    </div>
  );
}
