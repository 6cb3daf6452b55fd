// orientation of things that face one side of the table: palettes, toasts and note cards near a drop, and keeping them on screen.
import type { ScreenPoint, TableSide } from './pointerTracker.ts';
import type { ScreenRect } from './dropToLngLat.ts';

/**
 * Degrees (clockwise, CSS rotate) that turn upright content to face people standing at that side.
 * @example
 * sideRotation('top') // => 180
 */
export function sideRotation(side: TableSide): 0 | 90 | 180 | -90 {
  switch (side) {
    case 'bottom':
      return 0;
    case 'top':
      return 180;
    case 'left':
      return 90;
    case 'right':
      return -90;
  }
}

/**
 * The screen footprint of a box turned to face a side: a quarter turn (left, right) swaps width and height.
 * @example
 * turnedSize('left', { width: 400, height: 200 }) // => { width: 200, height: 400 }
 */
export function turnedSize(side: TableSide, size: { width: number; height: number }): { width: number; height: number } {
  return side === 'left' || side === 'right' ? { width: size.height, height: size.width } : { width: size.width, height: size.height };
}

/**
 * Moves the centre of a box of the given (unturned) size, turned to face a side, so the whole box stays inside
 * the viewport; a box larger than the viewport is centred on it.
 * @example
 * centreInside({ x: 10, y: 540 }, 'left', { width: 400, height: 160 }, { left: 0, top: 0, width: 1920, height: 1080 })
 * // => { x: 80, y: 540 } (turned, the box is 160 wide on screen)
 */
export function centreInside(centre: ScreenPoint, side: TableSide, size: { width: number; height: number }, viewport: ScreenRect): ScreenPoint {
  const { width: w, height: h } = turnedSize(side, size);
  const clamp = (value: number, min: number, max: number) => (min > max ? (min + max) / 2 : Math.min(Math.max(value, min), max));
  return {
    x: clamp(centre.x, viewport.left + w / 2, viewport.left + viewport.width - w / 2),
    y: clamp(centre.y, viewport.top + h / 2, viewport.top + viewport.height - h / 2),
  };
}

/**
 * Where to centre a card of the given (unrotated) size near a drop point, so it sits between the drop and
 * the person who made it (towards their side) and stays inside the viewport.
 * @example
 * cardCentreNear({ x: 960, y: 500 }, 'bottom', { width: 400, height: 200 }, { left: 0, top: 0, width: 1920, height: 1080 }, 40)
 * // => { x: 960, y: 640 } (below the drop, facing the bottom side)
 */
export function cardCentreNear(drop: ScreenPoint, side: TableSide, size: { width: number; height: number }, viewport: ScreenRect, gap = 40): ScreenPoint {
  const { width: w, height: h } = turnedSize(side, size);
  const offset = { bottom: { x: 0, y: gap + h / 2 }, top: { x: 0, y: -(gap + h / 2) }, left: { x: -(gap + w / 2), y: 0 }, right: { x: gap + w / 2, y: 0 } }[side];
  return centreInside({ x: drop.x + offset.x, y: drop.y + offset.y }, side, size, viewport);
}
