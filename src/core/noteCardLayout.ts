// note cards of several people at once: each near its pin and facing its side, moved apart so none covers another.
import type { ScreenRect } from './dropToLngLat.ts';
import type { ScreenPoint, TableSide } from './pointerTracker.ts';
import { centreInside, turnedSize } from './sideRotation.ts';

export interface PlacedCard {
  centre: ScreenPoint;
  side: TableSide;
  /** where this card may go (the screen, less its side's keyboard) */
  room: ScreenRect;
}

function footprint(card: PlacedCard, size: { width: number; height: number }): ScreenRect {
  const { width, height } = turnedSize(card.side, size);
  return { left: card.centre.x - width / 2, top: card.centre.y - height / 2, width, height };
}

function overlap(a: ScreenRect, b: ScreenRect): { x: number; y: number } {
  return {
    x: Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left),
    y: Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top),
  };
}

const covers = (a: ScreenRect, b: ScreenRect) => {
  const o = overlap(a, b);
  return o.x > 0 && o.y > 0;
};

/**
 * Moves overlapping cards apart, each pair along the way that takes the smaller move and still fits their rooms
 * (side by side when two keyboards leave little height), and keeps every card inside its room. Cards that do not
 * overlap stay where they are; the input is not changed.
 * @example
 * spreadCards([{ centre: { x: 860, y: 590 }, side: 'bottom', room }, { centre: { x: 1080, y: 490 }, side: 'top', room }], { width: 440, height: 300 })
 * // => [{ x: 742, y: 590 }, { x: 1198, y: 490 }] (pushed apart sideways: there is no height for one above the other)
 */
export function spreadCards(cards: readonly PlacedCard[], size: { width: number; height: number }, gap = 16): ScreenPoint[] {
  const placed = cards.map((c) => ({ ...c, centre: centreInside(c.centre, c.side, size, c.room) }));
  for (let pass = 0; pass < 8; pass++) {
    let moved = false;
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) {
        const a = placed[i]!;
        const b = placed[j]!;
        const o = overlap(footprint(a, size), footprint(b, size));
        if (o.x <= 0 || o.y <= 0) continue;
        const tries = (['x', 'y'] as const)
          .map((axis) => {
            const push = (o[axis] + gap) / 2;
            const sign = a.centre[axis] <= b.centre[axis] ? -1 : 1;
            const ca = centreInside({ ...a.centre, [axis]: a.centre[axis] + sign * push }, a.side, size, a.room);
            const cb = centreInside({ ...b.centre, [axis]: b.centre[axis] - sign * push }, b.side, size, b.room);
            const left = overlap(footprint({ ...a, centre: ca }, size), footprint({ ...b, centre: cb }, size));
            return { ca, cb, remaining: Math.max(0, left.x) * Math.max(0, left.y), move: push };
          })
          .sort((p, q) => p.remaining - q.remaining || p.move - q.move);
        const best = tries[0]!;
        a.centre = best.ca;
        b.centre = best.cb;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return placed.map((c) => c.centre);
}

/** True when no two cards of the layout cover each other (for tests and checks). */
export function cardsApart(centres: readonly PlacedCard[], size: { width: number; height: number }): boolean {
  return centres.every((a, i) => centres.every((b, j) => j <= i || !covers(footprint(a, size), footprint(b, size))));
}
