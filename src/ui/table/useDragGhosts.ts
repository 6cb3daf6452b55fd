// the ghosts under dragging fingers, for every drag on the table (stickers, budget tokens): one per pointer id, shown
// when a drag starts and gone when it ends; a finger's movement moves its ghost through a ref, never re-rendering react.
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { ScreenPoint } from '../../core/pointerTracker.ts';

export interface DragGhost<S> {
  pointerId: number;
  source: S;
}

/**
 * Ghost bookkeeping for a drag hook. `place` puts a ghost's element at a point (turned for its source's side, say).
 * @example
 * const ghosts = useDragGhosts(placeGhost); ghosts.started(id, source, at); ghosts.moved(id, at); ghosts.ended(id);
 */
export function useDragGhosts<S>(place: (element: HTMLElement, at: ScreenPoint, source: S) => void) {
  const elements = useRef(new Map<number, HTMLElement>());
  // where each ghost is now: an element mounted after its finger moved on starts there
  const positions = useRef(new Map<number, { source: S; at: ScreenPoint }>());
  const [ghosts, setGhosts] = useState<DragGhost<S>[]>([]);
  const placeLatest = useRef(place);
  useLayoutEffect(function keepLatestPlace() {
    placeLatest.current = place;
  });

  /** the ref callback for pointer `pointerId`'s ghost element */
  const ghostRef = useCallback(
    (pointerId: number) => (element: HTMLElement | null) => {
      if (!element) return;
      elements.current.set(pointerId, element);
      const now = positions.current.get(pointerId);
      if (now) placeLatest.current(element, now.at, now.source);
    },
    [],
  );
  /** a finger passed the drag threshold: its ghost appears */
  const started = useCallback((pointerId: number, source: S, at: ScreenPoint) => {
    positions.current.set(pointerId, { source, at });
    setGhosts((list) => [...list.filter((g) => g.pointerId !== pointerId), { pointerId, source }]);
  }, []);
  const moved = useCallback((pointerId: number, at: ScreenPoint) => {
    const now = positions.current.get(pointerId);
    if (!now) return;
    now.at = at;
    const element = elements.current.get(pointerId);
    if (element) placeLatest.current(element, at, now.source);
  }, []);
  /** the finger lifted or was cancelled (whether or not it ever dragged) */
  const ended = useCallback((pointerId: number) => {
    elements.current.delete(pointerId);
    positions.current.delete(pointerId);
    setGhosts((list) => (list.some((g) => g.pointerId === pointerId) ? list.filter((g) => g.pointerId !== pointerId) : list));
  }, []);
  const cleared = useCallback(() => {
    elements.current.clear();
    positions.current.clear();
    setGhosts([]);
  }, []);

  return { ghosts, ghostRef, started, moved, ended, cleared };
}
