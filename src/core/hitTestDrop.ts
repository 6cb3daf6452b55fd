// decides what a sticker was dropped on: the map, something lying over it (palette, note card), or nothing.
import type { ScreenPoint } from './pointerTracker.ts';
import { rectContains } from './dropToLngLat.ts';
import type { ScreenRect } from './dropToLngLat.ts';

export type DropTarget = { type: 'map' } | { type: 'obstacle'; id: string } | { type: 'none' };

/**
 * Obstacles (palettes, open note cards, panels) lie on top of the map, so they are tested first:
 * a sticker let go over a palette is put back, not pinned under it.
 * @example
 * hitTestDrop({ x: 50, y: 990 }, { left: 0, top: 0, width: 1920, height: 1080 }, [{ id: 'palette-bottom', rect: { left: 0, top: 960, width: 1920, height: 120 } }])
 * // => { type: 'obstacle', id: 'palette-bottom' }
 */
export function hitTestDrop(point: ScreenPoint, map: ScreenRect, obstacles: readonly { id: string; rect: ScreenRect }[] = []): DropTarget {
  for (const obstacle of obstacles) {
    if (rectContains(obstacle.rect, point)) return { type: 'obstacle', id: obstacle.id };
  }
  return rectContains(map, point) ? { type: 'map' } : { type: 'none' };
}
