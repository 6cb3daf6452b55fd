// neighbourhood outlines for context under the hex grid and clusters (not interactive).
import { GeoJSON } from 'react-leaflet';
import type { AreaCollection } from '../../core/types.ts';
import { usePlannerStore } from '../../store/usePlannerStore.ts';

const outline = { color: '#2f4b6e', weight: 1.5, opacity: 0.8, fill: false };

let generation = 0;
const keys = new WeakMap<AreaCollection, number>();
function keyFor(areas: AreaCollection): number {
  // react-leaflet's <GeoJSON> ignores new data: a new boundary set gets a new key
  let key = keys.get(areas);
  if (key === undefined) keys.set(areas, (key = ++generation));
  return key;
}

export function AreaOutlineLayer() {
  const areas = usePlannerStore((s) => s.areas);
  return <GeoJSON key={keyFor(areas)} data={areas} style={() => outline} interactive={false} />;
}
