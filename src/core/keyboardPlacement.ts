// where the touch-table's on-screen keyboards go: one per side at most, along the typer's own edge, clear of the
// other sides' palettes and keyboards.
import type { ScreenRect } from './dropToLngLat.ts';
import type { ScreenPoint, TableSide } from './pointerTracker.ts';

/** The field a side's keyboard types into (an element id), and when it was opened (later keyboards give way). */
export interface KeyboardTarget {
  fieldId: string;
  order: number;
}

export type OpenKeyboards = Partial<Record<TableSide, KeyboardTarget>>;

/**
 * Opens a side's keyboard on a field: a side has at most one keyboard (a new field takes it over), and a field is
 * typed from one side only (a keyboard another side had open on it closes).
 * @example
 * keyboardOpened({ bottom: { fieldId: 'a', order: 1 } }, 'top', 'a', 2) // => { top: { fieldId: 'a', order: 2 } }
 */
export function keyboardOpened(open: OpenKeyboards, side: TableSide, fieldId: string, order: number): OpenKeyboards {
  const out: OpenKeyboards = {};
  for (const [s, target] of Object.entries(open) as [TableSide, KeyboardTarget][]) if (s !== side && target.fieldId !== fieldId) out[s] = target;
  out[side] = { fieldId, order };
  return out;
}

/**
 * Closes whatever keyboard types into a field (when the field goes away or is done).
 * @example
 * keyboardClosedFor({ top: { fieldId: 'a', order: 1 } }, 'a') // => {}
 */
export function keyboardClosedFor(open: OpenKeyboards, fieldId: string): OpenKeyboards {
  return Object.fromEntries(Object.entries(open).filter(([, target]) => target.fieldId !== fieldId)) as OpenKeyboards;
}

/** A keyboard's place: its centre on screen, and its size before it is turned to face its side. */
export interface KeyboardFrame {
  side: TableSide;
  centre: ScreenPoint;
  width: number;
  height: number;
}

/** The size a keyboard takes when there is room, before it is turned to face its side. */
export const KEYBOARD_SIZE = { width: 1100, height: 340 } as const;

export interface KeyboardPlacementOptions {
  /** the size a keyboard would like, unturned (default 1100 × 340) */
  preferred?: { width: number; height: number };
  /** space kept between a keyboard and what it avoids (default 12) */
  gap?: number;
}

/**
 * The screen rectangle a keyboard frame covers (a quarter-turned one lies along its short end).
 * @example
 * keyboardFootprint({ side: 'left', centre: { x: 170, y: 540 }, width: 700, height: 340 })
 * // => { left: 0, top: 190, width: 340, height: 700 }
 */
export function keyboardFootprint(frame: KeyboardFrame): ScreenRect {
  const across = frame.side === 'left' || frame.side === 'right';
  const w = across ? frame.height : frame.width;
  const h = across ? frame.width : frame.height;
  return { left: frame.centre.x - w / 2, top: frame.centre.y - h / 2, width: w, height: h };
}

const overlaps = (a0: number, a1: number, b0: number, b1: number) => a0 < b1 && b0 < a1;

/** the free stretches of [from, to] once the blocked intervals are taken out */
function freeIntervals(from: number, to: number, blocked: [number, number][]): [number, number][] {
  const sorted = [...blocked].sort((a, b) => a[0] - b[0]);
  const free: [number, number][] = [];
  let at = from;
  for (const [b0, b1] of sorted) {
    if (b0 > at) free.push([at, Math.min(b0, to)]);
    at = Math.max(at, b1);
    if (at >= to) break;
  }
  if (at < to) free.push([at, to]);
  return free.filter(([a, b]) => b > a);
}

function placeOne(side: TableSide, viewport: ScreenRect, avoid: readonly ScreenRect[], preferred: { width: number; height: number }, gap: number): KeyboardFrame {
  const across = side === 'left' || side === 'right';
  const length = across ? viewport.height : viewport.width;
  const start = across ? viewport.top : viewport.left;
  const depth = Math.min(preferred.height, (across ? viewport.width : viewport.height) / 2);
  // the band along the edge the keyboard would lie in, and what of it is taken
  const band: ScreenRect = {
    bottom: { left: viewport.left, top: viewport.top + viewport.height - depth, width: viewport.width, height: depth },
    top: { left: viewport.left, top: viewport.top, width: viewport.width, height: depth },
    left: { left: viewport.left, top: viewport.top, width: depth, height: viewport.height },
    right: { left: viewport.left + viewport.width - depth, top: viewport.top, width: depth, height: viewport.height },
  }[side];
  const blocked = avoid
    .filter((r) => overlaps(r.left, r.left + r.width, band.left, band.left + band.width) && overlaps(r.top, r.top + r.height, band.top, band.top + band.height))
    .map((r): [number, number] => (across ? [r.top - gap, r.top + r.height + gap] : [r.left - gap, r.left + r.width + gap]));
  const free = freeIntervals(start, start + length, blocked);
  const middle = start + length / 2;
  // the stretch holding the edge's middle, else the longest one (a keyboard as small as it has to be)
  const chosen = free.find(([a, b]) => a <= middle && middle <= b && b - a >= Math.min(preferred.width, length) * 0.5) ??
    free.reduce<[number, number]>((best, s) => (s[1] - s[0] > best[1] - best[0] ? s : best), [middle, middle]);
  const width = Math.min(preferred.width, chosen[1] - chosen[0]);
  const along = Math.min(Math.max(middle, chosen[0] + width / 2), chosen[1] - width / 2);
  const centre = {
    bottom: { x: along, y: viewport.top + viewport.height - depth / 2 },
    top: { x: along, y: viewport.top + depth / 2 },
    left: { x: viewport.left + depth / 2, y: along },
    right: { x: viewport.left + viewport.width - depth / 2, y: along },
  }[side];
  return { side, centre, width, height: depth };
}

/**
 * Places the open keyboards in the order they were opened: each lies along its own side's edge, over that side's
 * own palette, and keeps clear of the other sides' palettes and of the keyboards placed before it.
 * @example
 * placeKeyboards(['bottom'], { left: 0, top: 0, width: 1920, height: 1080 }, [])
 * // => { bottom: { side: 'bottom', centre: { x: 960, y: 910 }, width: 1100, height: 340 } }
 */
export function placeKeyboards(
  sides: readonly TableSide[],
  viewport: ScreenRect,
  palettes: readonly { side: TableSide; rect: ScreenRect }[],
  options: KeyboardPlacementOptions = {},
): Partial<Record<TableSide, KeyboardFrame>> {
  const preferred = options.preferred ?? KEYBOARD_SIZE;
  const gap = options.gap ?? 12;
  const out: Partial<Record<TableSide, KeyboardFrame>> = {};
  const placed: ScreenRect[] = [];
  for (const side of sides) {
    const avoid = [...palettes.filter((p) => p.side !== side).map((p) => p.rect), ...placed];
    const frame = placeOne(side, viewport, avoid, preferred, gap);
    out[side] = frame;
    placed.push(keyboardFootprint(frame));
  }
  return out;
}

/**
 * The part of the viewport a side's keyboard leaves free, so a card or panel facing that side can move above it.
 * @example
 * viewportBeside({ left: 0, top: 0, width: 1920, height: 1080 }, 'bottom', 340) // => { left: 0, top: 0, width: 1920, height: 740 }
 */
export function viewportBeside(viewport: ScreenRect, side: TableSide, depth: number): ScreenRect {
  switch (side) {
    case 'bottom':
      return { ...viewport, height: viewport.height - depth };
    case 'top':
      return { ...viewport, top: viewport.top + depth, height: viewport.height - depth };
    case 'left':
      return { ...viewport, left: viewport.left + depth, width: viewport.width - depth };
    case 'right':
      return { ...viewport, width: viewport.width - depth };
  }
}
