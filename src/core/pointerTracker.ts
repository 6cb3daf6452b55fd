// per-pointer drag tracking for the touch table: several fingers drag stickers at once, each its own state.

/** A table edge; palettes, toasts and note cards face the people standing on that side. */
export type TableSide = 'bottom' | 'top' | 'left' | 'right';
export const TABLE_SIDES: readonly TableSide[] = ['bottom', 'top', 'left', 'right'];

/** A point in CSS pixels of the viewport (client coordinates). */
export interface ScreenPoint {
  x: number;
  y: number;
}

/** What a pointer picked up when it went down: a sticker of a theme and kind, on the palette of one side. */
export interface DragSource {
  theme: string;
  kind: 'asset' | 'priority';
  side: TableSide;
}

export interface DragState {
  pointerId: number;
  source: DragSource;
  start: ScreenPoint;
  current: ScreenPoint;
  /** true once the pointer moved further than the threshold; a press that never does is a tap */
  dragging: boolean;
}

/** How a tracked pointer ended. */
export type PointerOutcome =
  | { type: 'drop'; pointerId: number; source: DragSource; at: ScreenPoint }
  | { type: 'tap'; pointerId: number; source: DragSource; at: ScreenPoint }
  | { type: 'cancel'; pointerId: number; source: DragSource }
  | { type: 'unknown'; pointerId: number };

export interface PointerTrackerOptions {
  /** distance in CSS px a pointer must travel before a press becomes a drag (default 8) */
  threshold?: number;
}

export interface PointerTracker {
  /** starts tracking a pointer; a pointer id already tracked is restarted (a lost pointerup must not block it) */
  down(pointerId: number, at: ScreenPoint, source: DragSource): DragState;
  /** updates a pointer; returns its state, or null for a pointer that is not tracked */
  move(pointerId: number, at: ScreenPoint): DragState | null;
  /** stops tracking and says whether this was a drop (after a drag) or a tap */
  up(pointerId: number, at: ScreenPoint): PointerOutcome;
  /** stops tracking without a drop (pointercancel, lost capture) */
  cancel(pointerId: number): PointerOutcome;
  get(pointerId: number): DragState | undefined;
  /** the pointers being tracked, oldest first */
  active(): DragState[];
  clear(): void;
}

/**
 * Creates a tracker keeping one DragState per pointer id, so interleaved events of several fingers never mix.
 * States handed out are copies; the tracker's own map is the only thing it changes.
 * @example
 * const tracker = createPointerTracker({ threshold: 8 });
 * tracker.down(1, { x: 100, y: 1000 }, { theme: 'green-space', kind: 'asset', side: 'bottom' });
 * tracker.move(1, { x: 100, y: 900 })?.dragging // => true
 * tracker.up(1, { x: 120, y: 600 }) // => { type: 'drop', pointerId: 1, source: {…}, at: { x: 120, y: 600 } }
 */
export function createPointerTracker(options: PointerTrackerOptions = {}): PointerTracker {
  const threshold = options.threshold ?? 8;
  if (!Number.isFinite(threshold) || threshold < 0) throw new RangeError(`threshold must be a finite number >= 0, got ${threshold}`);
  const states = new Map<number, DragState>();

  const copy = (state: DragState): DragState => ({ ...state, source: { ...state.source }, start: { ...state.start }, current: { ...state.current } });

  return {
    down(pointerId, at, source) {
      checkPoint(at);
      const state: DragState = { pointerId, source: { ...source }, start: { x: at.x, y: at.y }, current: { x: at.x, y: at.y }, dragging: false };
      states.delete(pointerId);
      states.set(pointerId, state);
      return copy(state);
    },
    move(pointerId, at) {
      const state = states.get(pointerId);
      if (!state) return null;
      checkPoint(at);
      const dragging = state.dragging || distance(state.start, at) > threshold;
      const next: DragState = { ...state, current: { x: at.x, y: at.y }, dragging };
      states.set(pointerId, next);
      return copy(next);
    },
    up(pointerId, at) {
      const state = states.get(pointerId);
      if (!state) return { type: 'unknown', pointerId };
      checkPoint(at);
      states.delete(pointerId);
      const dragging = state.dragging || distance(state.start, at) > threshold;
      return { type: dragging ? 'drop' : 'tap', pointerId, source: { ...state.source }, at: { x: at.x, y: at.y } };
    },
    cancel(pointerId) {
      const state = states.get(pointerId);
      if (!state) return { type: 'unknown', pointerId };
      states.delete(pointerId);
      return { type: 'cancel', pointerId, source: { ...state.source } };
    },
    get(pointerId) {
      const state = states.get(pointerId);
      return state ? copy(state) : undefined;
    },
    active() {
      return [...states.values()].map(copy);
    },
    clear() {
      states.clear();
    },
  };
}

function checkPoint(at: ScreenPoint): void {
  if (!Number.isFinite(at.x) || !Number.isFinite(at.y)) throw new RangeError(`pointer position must be finite numbers, got (${at.x}, ${at.y})`);
}

function distance(a: ScreenPoint, b: ScreenPoint): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}
