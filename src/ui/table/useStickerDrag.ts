// pointer events for dragging stickers: one tracker entry per pointer id, capture on the sticker, ghosts moved
// through refs so a finger's movement never re-renders react (only starting and ending a drag do: useDragGhosts).
import { useCallback, useLayoutEffect, useRef } from 'react';
import type { PointerEvent as ReactPointerEvent, MouseEvent as ReactMouseEvent } from 'react';
import { createPointerTracker } from '../../core/pointerTracker.ts';
import type { DragSource, ScreenPoint } from '../../core/pointerTracker.ts';
import { sideRotation } from '../../core/sideRotation.ts';
import { useDragGhosts } from './useDragGhosts.ts';
import type { DragGhost } from './useDragGhosts.ts';

export type Ghost = DragGhost<DragSource>;

export interface StickerDragHandlers {
  onPointerDown(event: ReactPointerEvent<HTMLElement>): void;
  onPointerMove(event: ReactPointerEvent<HTMLElement>): void;
  onPointerUp(event: ReactPointerEvent<HTMLElement>): void;
  onPointerCancel(event: ReactPointerEvent<HTMLElement>): void;
  onLostPointerCapture(event: ReactPointerEvent<HTMLElement>): void;
  onClick(event: ReactMouseEvent<HTMLElement>): void;
}

export interface StickerDragOptions {
  onDrop(source: DragSource, at: ScreenPoint): void;
  onTap(source: DragSource, at: ScreenPoint): void;
  /** keyboard activation (Enter/Space) has no position: the caller places the sticker itself */
  onKeyboard(source: DragSource): void;
}

function placeGhost(element: HTMLElement, at: ScreenPoint, source: DragSource): void {
  element.style.transform = `translate(${at.x}px, ${at.y}px) translate(-50%, -50%) rotate(${sideRotation(source.side)}deg)`;
}

export function useStickerDrag({ onDrop, onTap, onKeyboard }: StickerDragOptions) {
  const tracker = useRef(createPointerTracker({ threshold: 8 }));
  const { ghosts, ghostRef, started, moved, ended, cleared } = useDragGhosts(placeGhost);
  const callbacks = useRef({ onDrop, onTap, onKeyboard });
  useLayoutEffect(function keepLatestCallbacks() {
    callbacks.current = { onDrop, onTap, onKeyboard };
  });

  const bind = useCallback(
    (source: DragSource): StickerDragHandlers => ({
      onPointerDown(event) {
        if (event.pointerType === 'mouse' && event.button !== 0) return;
        // capture: this finger's moves and lift come back to this sticker wherever it goes
        event.currentTarget.setPointerCapture(event.pointerId);
        tracker.current.down(event.pointerId, { x: event.clientX, y: event.clientY }, source);
      },
      onPointerMove(event) {
        const before = tracker.current.get(event.pointerId);
        const state = tracker.current.move(event.pointerId, { x: event.clientX, y: event.clientY });
        if (!state || !state.dragging) return;
        if (before?.dragging) moved(state.pointerId, state.current);
        else started(state.pointerId, state.source, state.current);
      },
      onPointerUp(event) {
        const outcome = tracker.current.up(event.pointerId, { x: event.clientX, y: event.clientY });
        ended(event.pointerId);
        if (outcome.type === 'drop') callbacks.current.onDrop(outcome.source, outcome.at);
        else if (outcome.type === 'tap') callbacks.current.onTap(outcome.source, outcome.at);
      },
      onPointerCancel(event) {
        tracker.current.cancel(event.pointerId);
        ended(event.pointerId);
      },
      onLostPointerCapture(event) {
        // fires after pointerup too, when the pointer is already gone from the tracker; then it does nothing
        if (tracker.current.get(event.pointerId)) {
          tracker.current.cancel(event.pointerId);
          ended(event.pointerId);
        }
      },
      onClick(event) {
        // detail 0: a keyboard or assistive-technology click, not the end of a touch
        if (event.detail === 0) callbacks.current.onKeyboard(source);
      },
    }),
    [started, moved, ended],
  );

  const cancelAll = useCallback(() => {
    tracker.current.clear();
    cleared();
  }, [cleared]);

  return { bind, ghosts, ghostRef, cancelAll };
}
