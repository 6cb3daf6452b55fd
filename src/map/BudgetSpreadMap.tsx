// the results page's small map of where a rule's money goes: the areas filled by their class (money per area or per
// resident), a dashed edge where the share of voters is withheld, and the funded projects as markers. The table
// beside it is the accessible equivalent; each shape says its figures in data attributes and a text tooltip.
import 'leaflet/dist/leaflet.css';
import './budgetSpreadMap.css';
import type L from 'leaflet';
import { useTranslation } from 'react-i18next';
import { GeoJSON, MapContainer, ZoomControl } from 'react-leaflet';
import type { Basemap } from '../core/basemapConfig.ts';
import { SPREAD_FILLS } from '../core/budget/spreadMap.ts';
import type { SpreadMapView } from '../core/budget/spreadMap.ts';
import type { Feature } from 'geojson';
import { BasemapLayer, basemapAttribution } from './BasemapLayer.tsx';
import { BudgetProjectMarkers } from './BudgetProjectMarkers.tsx';
import { FitToGivenAreas } from './FitToGivenAreas.tsx';
import { textElement } from './planner/textTooltip.ts';

export type BudgetSpreadMapProps = SpreadMapView;

const areaId = (f: Feature) => String(f.id ?? (f.properties as { id?: unknown } | null)?.id);

export function BudgetSpreadMap({ areas, figures, markers, describe, label, drawKey, basemap }: BudgetSpreadMapProps & { basemap: Basemap }) {
  const { t } = useTranslation();
  const byId = new Map(figures.map((a) => [a.id, a]));
  const style = (feature?: Feature): L.PathOptions => {
    const area = feature ? byId.get(areaId(feature)) : undefined;
    const fillClass = area?.fillClass ?? null;
    const classes = ['spread-area', fillClass === null ? 'spread-area--no-value' : `spread-area--class-${fillClass}`];
    if (area?.share === 'withheld') classes.push('spread-area--withheld');
    return {
      className: classes.join(' '),
      color: '#1f2937',
      weight: area?.share === 'withheld' ? 3 : 1.5,
      dashArray: area?.share === 'withheld' ? '6 4' : undefined,
      fillColor: fillClass === null ? '#ffffff' : SPREAD_FILLS[fillClass],
      fillOpacity: fillClass === null ? 0.2 : 0.75,
    };
  };
  const onEachFeature = (feature: Feature, layer: L.Layer) => {
    const area = byId.get(areaId(feature));
    if (!area) return;
    layer.on('add', function markShape() {
      const element = (layer as L.Path).getElement();
      element?.setAttribute('data-area-id', area.id);
      element?.setAttribute('data-fill-class', area.fillClass === null ? 'none' : String(area.fillClass));
      element?.setAttribute('data-value', area.value === null ? 'none' : String(area.value));
      element?.setAttribute('data-share', area.share === null ? 'none' : area.share === 'withheld' ? 'withheld' : String(area.share));
    });
    // the area's name is user text: the tooltip is a text node, never html
    layer.bindTooltip(() => textElement(describe(area)), { sticky: true });
  };
  return (
    <div className="map-frame spread-map" role="region" aria-label={label} data-testid="spread-map">
      <MapContainer className="map" center={[0, 0]} zoom={2} zoomControl={false} attributionControl={false} keyboard zoomSnap={0.25}>
        <BasemapLayer basemap={basemap} opacity={0.6} />
        <ZoomControl position="topright" zoomInTitle={t('map.zoomIn')} zoomOutTitle={t('map.zoomOut')} />
        <GeoJSON key={drawKey} data={areas} style={style} onEachFeature={onEachFeature} />
        <FitToGivenAreas areas={areas} />
        <BudgetProjectMarkers markers={markers} />
      </MapContainer>
      {basemapAttribution(basemap) ? <p className="map-attribution">{basemapAttribution(basemap)}</p> : null}
    </div>
  );
}
