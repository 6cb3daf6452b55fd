// the planner's map: boundaries fitted, and the chosen layer (areas, priority gaps, hex grid or clusters).
import 'leaflet/dist/leaflet.css';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MapContainer, ZoomControl } from 'react-leaflet';
import type { Basemap } from '../../core/basemapConfig.ts';
import { BasemapLayer, basemapAttribution } from '../BasemapLayer.tsx';
import { BudgetProjectMarkers } from '../BudgetProjectMarkers.tsx';
import type { BudgetMarker } from '../../core/budget/projectPlaces.ts';
import { usePlannerStore } from '../../store/usePlannerStore.ts';
import { FitToAreas } from '../FitToAreas.tsx';
import { ReducedMotion } from '../ReducedMotion.tsx';
import { AreaChoroplethLayer } from './AreaChoroplethLayer.tsx';
import { AreaOutlineLayer } from './AreaOutlineLayer.tsx';
import { ClusterLayer, type ClusterPicking } from './ClusterLayer.tsx';
import ContextLayerOverlay from '../layers/ContextLayerOverlay.tsx';
import { ExplorerPinLayer } from './ExplorerPinLayer.tsx';
import { HatchPattern } from './HatchPattern.tsx';
import { HexGridLayer } from './HexGridLayer.tsx';
import { PlannerMapEvents } from './PlannerMapEvents.tsx';
import { PriorityGapLayer } from './PriorityGapLayer.tsx';

/**
 * `overlays`: layers the page adds over the figures (the quiet areas); `projects`: the budget's project markers;
 * `clusterPicking`: what a chosen cluster's popup offers to do with its pins (unset: a cluster only zooms in)
 */
export function PlannerMap({ basemap, overlays, projects = [], onProjectPick, clusterPicking }: { basemap: Basemap; overlays?: ReactNode; projects?: readonly BudgetMarker[]; onProjectPick?: (id: string) => void; clusterPicking?: ClusterPicking }) {
  const { t } = useTranslation();
  const layer = usePlannerStore((s) => s.layer);
  return (
    <div className="map-frame planner-map" role="region" aria-label={t('planner.map.label')}>
      <HatchPattern />
      <MapContainer className="map" center={[0, 0]} zoom={2} zoomControl={false} attributionControl={false} keyboard zoomSnap={0.25}>
        <BasemapLayer basemap={basemap} opacity={basemap.kind === 'vector' ? 0.7 : 0.5} />
        <ZoomControl position="topright" zoomInTitle={t('map.zoomIn')} zoomOutTitle={t('map.zoomOut')} />
        <FitToAreas />
        <PlannerMapEvents />
        {layer === 'areas' ? <AreaChoroplethLayer /> : null}
        {layer === 'gaps' ? <PriorityGapLayer /> : null}
        {layer === 'hex' || layer === 'clusters' ? <AreaOutlineLayer /> : null}
        {layer === 'hex' ? <HexGridLayer /> : null}
        {layer === 'clusters' ? <ClusterLayer picking={clusterPicking} /> : null}
        {overlays}
        <ContextLayerOverlay />
        <ExplorerPinLayer />
        {projects.length ? <BudgetProjectMarkers markers={projects} {...(onProjectPick ? { onPick: onProjectPick } : {})} /> : null}
        <ReducedMotion />
      </MapContainer>
      {basemapAttribution(basemap) ? <p className="map-attribution">{basemapAttribution(basemap)}</p> : null}
    </div>
  );
}
