// a leaflet layer group on the map for as long as the component is mounted, for layers drawn by hand.
import L from 'leaflet';
import { useEffect, useRef, type RefObject } from 'react';
import { useMap } from 'react-leaflet';

/**
 * Adds an empty layer group to the map on mount and removes it on unmount. Call it before the effects that draw into
 * it: effects run in order, so the group is there when they do.
 * @example
 * const group = useLayerGroup();
 * useEffect(() => { group.current?.clearLayers(); … }, [marks]);
 */
export function useLayerGroup(): RefObject<L.LayerGroup | null> {
  const map = useMap();
  const group = useRef<L.LayerGroup | null>(null);
  useEffect(
    function addLayerGroup() {
      const layer = L.layerGroup().addTo(map);
      group.current = layer;
      return function removeLayerGroup() {
        layer.remove();
        group.current = null;
      };
    },
    [map],
  );
  return group;
}
