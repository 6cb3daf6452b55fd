// orientation of things that face one side of the table: palettes, toasts and note cards near a drop.
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
 * Where to centre a card of the given (unrotated) size near a drop point, so it sits between the drop and
 * the person who made it (towards their side) and stays inside the viewport.
 * @example
 * cardCentreNear({ x: 960, y: 500 }, 'bottom', { width: 400, height: 200 }, { left: 0, top: 0, width: 1920, height: 1080 }, 40)
 * // => { x: 960, y: 640 } (below the drop, facing the bottom side)
 */
export function cardCentreNear(drop: ScreenPoint, side: TableSide, size: { width: number; height: number }, viewport: ScreenRect, gap = 40): ScreenPoint {
  const turned = side === 'left' || side === 'right';
  // a card turned by 90° takes its height across and its width along the screen's y axis
  const w = turned ? size.height : size.width;
  const h = turned ? size.width : size.height;
  const offset = { bottom: { x: 0, y: gap + h / 2 }, top: { x: 0, y: -(gap + h / 2) }, left: { x: -(gap + w / 2), y: 0 }, right: { x: gap + w / 2, y: 0 } }[side];
  const clamp = (value: number, min: number, max: number) => (min > max ? (min + max) / 2 : Math.min(Math.max(value, min), max));
  return {
    x: clamp(drop.x + offset.x, viewport.left + w / 2, viewport.left + viewport.width - w / 2),
    y: clamp(drop.y + offset.y, viewport.top + h / 2, viewport.top + viewport.height - h / 2),
  };
}
