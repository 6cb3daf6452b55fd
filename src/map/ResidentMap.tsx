// the resident map: basemap (optional), boundaries, pins, placement tools and a slot for later layers.
import 'leaflet/dist/leaflet.css';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MapContainer, TileLayer, ZoomControl } from 'react-leaflet';
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
import { motionOptions, prefersReducedMotion, ReducedMotion } from './ReducedMotion.tsx';
import type { RenderPinPopup } from './PinLayer.tsx';

export interface ResidentMapProps {
  /** '' for no basemap: boundaries on a plain background */
  tileUrl: string;
  /** plain-text attribution, rendered by react (leaflet's control would treat it as html) */
  tileAttribution: string;
  renderPopup: RenderPinPopup;
  /** extra layers (e.g. planner layers) drawn above boundaries and below pins */
  layers?: ReactNode;
}

export function ResidentMap({ tileUrl, tileAttribution, renderPopup, layers }: ResidentMapProps) {
  const { t } = useTranslation();
  const placing = useAppStore((s) => s.placing);
  return (
    <div className={placing ? 'map-frame map-frame--placing' : 'map-frame'}>
      <MapContainer
        className="map"
        center={[0, 0]}
        zoom={2}
        zoomControl={false}
        attributionControl={false}
        keyboard
        keyboardPanDelta={60}
        zoomSnap={0.25}
        {...motionOptions(prefersReducedMotion())}
      >
        {tileUrl ? <TileLayer url={tileUrl} /> : null}
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
      {tileUrl && tileAttribution ? <p className="map-attribution">{tileAttribution}</p> : null}
    </div>
  );
}
