// pointer events for the budget game's tokens: one entry per pointer id, so several hands drag tokens at once; ghosts
// move through refs (a finger's movement never re-renders react), and a token lands on the card under the finger.
import { useCallback, useLayoutEffect, useRef } from 'react';
import type { PointerEvent as ReactPointerEvent } from 'react';
import type { ScreenPoint, TableSide } from '../../../core/pointerTracker.ts';
import { useDragGhosts } from '../useDragGhosts.ts';
import type { DragGhost } from '../useDragGhosts.ts';

/** a token picked up from a side's tray (from: null) or from a project card it was on */
export interface TokenSource {
  side: TableSide;
  from: string | null;
}

export type TokenGhost = DragGhost<TokenSource>;

interface Held {
  source: TokenSource;
  start: ScreenPoint;
  at: ScreenPoint;
  dragging: boolean;
}

const THRESHOLD = 8;

function place(element: HTMLElement, at: ScreenPoint): void {
  element.style.transform = `translate(${at.x}px, ${at.y}px) translate(-50%, -50%)`;
}

/** the project card under a point, by its data-game-card attribute (null over anything else) */
function cardAt(at: ScreenPoint): string | null {
  for (const element of document.elementsFromPoint(at.x, at.y)) {
    const card = (element as HTMLElement).closest?.('[data-game-card]');
    if (card) return (card as HTMLElement).dataset.gameCard ?? null;
  }
  return null;
}

/**
 * Drag handlers for tokens. `onDrop(source, card)` gets the card a token was let go over (null: over no card).
 * @example
 * const { bind, ghosts, ghostRef } = useTokenDrag({ onDrop: (source, card) => … });
 */
export function useTokenDrag({ onDrop }: { onDrop(source: TokenSource, card: string | null): void }) {
  const held = useRef(new Map<number, Held>());
  const { ghosts, ghostRef, started, moved, ended } = useDragGhosts<TokenSource>(place);
  const drop = useRef(onDrop);
  useLayoutEffect(function keepLatestDrop() {
    drop.current = onDrop;
  });

  const forget = useCallback(
    (pointerId: number) => {
      held.current.delete(pointerId);
      ended(pointerId);
    },
    [ended],
  );

  const bind = useCallback(
    (source: TokenSource) => ({
      onPointerDown(event: ReactPointerEvent<HTMLElement>) {
        if (event.pointerType === 'mouse' && event.button !== 0) return;
        event.currentTarget.setPointerCapture(event.pointerId);
        const at = { x: event.clientX, y: event.clientY };
        held.current.set(event.pointerId, { source, start: at, at, dragging: false });
      },
      onPointerMove(event: ReactPointerEvent<HTMLElement>) {
        const state = held.current.get(event.pointerId);
        if (!state) return;
        state.at = { x: event.clientX, y: event.clientY };
        if (state.dragging) moved(event.pointerId, state.at);
        else if (Math.hypot(state.at.x - state.start.x, state.at.y - state.start.y) > THRESHOLD) {
          state.dragging = true;
          started(event.pointerId, state.source, state.at);
        }
      },
      onPointerUp(event: ReactPointerEvent<HTMLElement>) {
        const state = held.current.get(event.pointerId);
        forget(event.pointerId);
        if (state?.dragging) drop.current(state.source, cardAt({ x: event.clientX, y: event.clientY }));
      },
      onPointerCancel(event: ReactPointerEvent<HTMLElement>) {
        forget(event.pointerId);
      },
      onLostPointerCapture(event: ReactPointerEvent<HTMLElement>) {
        if (held.current.has(event.pointerId)) forget(event.pointerId);
      },
    }),
    [forget, started, moved],
  );

  return { bind, ghosts, ghostRef };
}
