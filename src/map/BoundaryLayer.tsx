// neighbourhood boundaries with their names as permanent labels (react text in tooltips, never html).
import pointOnFeature from '@turf/point-on-feature';
import type { CircleMarker as LeafletCircleMarker } from 'leaflet';
import { useMemo, useRef } from 'react';
import { CircleMarker, GeoJSON, Pane, Tooltip } from 'react-leaflet';
import type { AreaCollection } from '../core/types.ts';
import { useAppStore } from '../store/useAppStore.ts';
import { AreaLabelPlacer } from './AreaLabelPlacer.tsx';
import { toLatLng } from './lngLat.ts';

const boundaryStyle = { color: '#2f4b6e', weight: 2, opacity: 0.9, fillColor: '#6f8fb4', fillOpacity: 0.08 };

let generation = 0;
const keys = new WeakMap<AreaCollection, number>();
function keyFor(areas: AreaCollection): number {
  // react-leaflet's <GeoJSON> ignores new data, so each boundary set gets its own key and a fresh layer
  let key = keys.get(areas);
  if (key === undefined) {
    key = ++generation;
    keys.set(areas, key);
  }
  return key;
}

export function BoundaryLayer() {
  const areas = useAppStore((s) => s.areas);
  const labels = useMemo(
    () =>
      areas.features.map((feature) => {
        const [lng, lat] = pointOnFeature(feature).geometry.coordinates;
        return { id: feature.properties.id, name: feature.properties.name, at: toLatLng([lng!, lat!]) };
      }),
    [areas],
  );
  const labelMarkers = useRef(new Map<string, LeafletCircleMarker>());
  return (
    <>
      <GeoJSON key={keyFor(areas)} data={areas} style={() => boundaryStyle} interactive={false} />
      {/* labels sit above the markers (pane 600) so they stay readable, but take no taps; AreaLabelPlacer moves them off pins */}
      <Pane name="area-labels" style={{ zIndex: 650, pointerEvents: 'none' }}>
        {labels.map((label) => (
        <CircleMarker
          key={`${keyFor(areas)}-${label.id}`}
          ref={(marker) => {
            if (marker) labelMarkers.current.set(label.id, marker);
            else labelMarkers.current.delete(label.id);
          }}
          center={label.at}
          radius={0}
          interactive={false}
          opacity={0}
          fillOpacity={0}
        >
          <Tooltip permanent direction="center" className="area-label" interactive={false} pane="area-labels">
            {label.name}
          </Tooltip>
        </CircleMarker>
        ))}
      </Pane>
      <AreaLabelPlacer labels={labelMarkers} />
    </>
  );
}
