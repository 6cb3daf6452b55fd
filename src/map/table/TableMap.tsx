// the touch table's map: boundaries, the pins it is given, and a projector the ui uses to turn drops into [lng, lat].
import bbox from '@turf/bbox';
import { useEffect } from 'react';
import { MapContainer, useMap } from 'react-leaflet';
import { BasemapLayer } from '../BasemapLayer.tsx';
import { dropToLngLat } from '../../core/dropToLngLat.ts';
import type { ScreenRect } from '../../core/dropToLngLat.ts';
import type { TableMapSlotProps } from '../../core/tableMapSlot.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { BoundaryLayer } from '../BoundaryLayer.tsx';
import ContextLayerOverlay from '../layers/ContextLayerOverlay.tsx';
import { bboxToBounds, fromLatLng } from '../lngLat.ts';
import { MapLabel } from '../MapLabel.tsx';
import { TablePinLayer } from './TablePinLayer.tsx';

// the contract (props and projector) is in core/tableMapSlot.ts: src/ui/table/TableApp.tsx takes this map through a slot
export type TableMapProps = TableMapSlotProps;

function ProjectorBridge({ onProjector }: { onProjector: TableMapProps['onProjector'] }) {
  const map = useMap();
  useEffect(
    function offerProjector() {
      const container = map.getContainer();
      const containerRect = (): ScreenRect => {
        const r = container.getBoundingClientRect();
        return { left: r.left, top: r.top, width: r.width, height: r.height };
      };
      onProjector({
        containerRect,
        clientToLngLat(point) {
          return dropToLngLat(point, containerRect(), ({ x, y }) => fromLatLng(map.containerPointToLatLng([x, y])));
        },
      });
      return function withdrawProjector() {
        onProjector(null);
      };
    },
    [map, onProjector],
  );
  return null;
}

function StartingView({ generation }: { generation: number }) {
  const map = useMap();
  const areas = useAppStore((s) => s.areas);
  useEffect(
    function resetView() {
      map.invalidateSize();
      if (areas.features.length === 0) return;
      map.closePopup();
      map.fitBounds(bboxToBounds(bbox(areas)), { padding: [24, 24], animate: false });
    },
    [areas, map, generation],
  );
  return null;
}

export function TableMap({ basemap, pins, pinLooks, themes, showBoundaries, showLabels, viewGeneration, onProjector }: TableMapProps) {
  return (
    <MapContainer
      className={showLabels ? 'table-map' : 'table-map table-map--no-labels'}
      center={[53.48, -2.24]}
      zoom={13}
      zoomControl={false}
      // two people tapping near each other must not zoom the map; pinch still zooms
      doubleClickZoom={false}
      zoomSnap={0.25}
      attributionControl={basemap.kind !== 'none'}
    >
      <BasemapLayer basemap={basemap} attributionInControl />
      {showBoundaries ? <BoundaryLayer /> : null}
      <ContextLayerOverlay />
      <TablePinLayer pins={pins} looks={pinLooks} themes={themes} />
      <StartingView generation={viewGeneration} />
      <ProjectorBridge onProjector={onProjector} />
      <MapLabel />
    </MapContainer>
  );
}
