// measures "change → layer repainted": the layers call report() after restyling; the figure lands on the map element.
import { useCallback, useRef } from 'react';
import { useMap } from 'react-leaflet';
import { usePlannerStoreApi } from '../../store/usePlannerStore.ts';

/**
 * Returns report(layer): once the answer for the latest change is drawn, waits for the next frame and
 * writes the time since the change to the map element (data-render-ms, data-render-seq, data-render-layer)
 * and a performance.measure('planner-repaint'), so Playwright can read it.
 */
export function useRepaintReport(): (layer: string) => void {
  const map = useMap();
  const store = usePlannerStoreApi();
  const lastReported = useRef(-1);
  return useCallback(
    (layer: string) => {
      const { changedAt, pending } = store.getState();
      if (pending || changedAt === lastReported.current) return;
      lastReported.current = changedAt;
      requestAnimationFrame(() => {
        const end = performance.now();
        const element = map.getContainer();
        const seq = Number(element.dataset.renderSeq ?? '0') + 1;
        element.dataset.renderMs = (end - changedAt).toFixed(1);
        element.dataset.renderSeq = String(seq);
        element.dataset.renderLayer = layer;
        performance.measure('planner-repaint', { start: changedAt, end, detail: { layer, seq } });
      });
    },
    [map, store],
  );
}
