import { describe, expect, it } from 'vitest';
import { createPointerTracker } from '../../src/core/pointerTracker.ts';
import type { DragSource } from '../../src/core/pointerTracker.ts';

const bottom: DragSource = { theme: 'green-space', kind: 'asset', side: 'bottom' };
const top: DragSource = { theme: 'safety', kind: 'priority', side: 'top' };

describe('createPointerTracker', () => {
  it('keeps two interleaved pointers apart and drops each where it was lifted', () => {
    const tracker = createPointerTracker({ threshold: 8 });
    tracker.down(11, { x: 700, y: 1000 }, bottom);
    tracker.down(12, { x: 900, y: 60 }, top);
    for (let i = 1; i <= 5; i++) {
      tracker.move(11, { x: 700, y: 1000 - i * 80 });
      tracker.move(12, { x: 900 + i * 10, y: 60 + i * 70 });
    }
    expect(tracker.active().map((s) => [s.pointerId, s.current.x, s.current.y, s.source.side])).toEqual([
      [11, 700, 600, 'bottom'],
      [12, 950, 410, 'top'],
    ]);
    expect(tracker.up(12, { x: 950, y: 410 })).toEqual({ type: 'drop', pointerId: 12, source: top, at: { x: 950, y: 410 } });
    // the other finger is still being tracked after the first one lifted
    expect(tracker.get(11)?.dragging).toBe(true);
    expect(tracker.up(11, { x: 705, y: 598 })).toEqual({ type: 'drop', pointerId: 11, source: bottom, at: { x: 705, y: 598 } });
    expect(tracker.active()).toEqual([]);
  });

  it('is a tap until the pointer travels further than the threshold, and a drag from then on', () => {
    const tracker = createPointerTracker({ threshold: 10 });
    tracker.down(1, { x: 0, y: 0 }, bottom);
    expect(tracker.move(1, { x: 6, y: 8 })?.dragging).toBe(false); // exactly 10 px: not yet
    expect(tracker.move(1, { x: 7, y: 8 })?.dragging).toBe(true);
    // coming back near the start does not turn a drag back into a tap
    expect(tracker.move(1, { x: 1, y: 1 })?.dragging).toBe(true);
    expect(tracker.up(1, { x: 1, y: 1 }).type).toBe('drop');

    tracker.down(2, { x: 50, y: 50 }, top);
    tracker.move(2, { x: 53, y: 52 });
    expect(tracker.up(2, { x: 53, y: 52 })).toMatchObject({ type: 'tap', source: top });
  });

  it('counts a fast flick with no move event as a drag by its lift position', () => {
    const tracker = createPointerTracker();
    tracker.down(3, { x: 10, y: 10 }, bottom);
    expect(tracker.up(3, { x: 300, y: 10 }).type).toBe('drop');
  });

  it('cancels one pointer without touching the others, and ignores pointers it never saw', () => {
    const tracker = createPointerTracker();
    tracker.down(1, { x: 0, y: 0 }, bottom);
    tracker.down(2, { x: 0, y: 0 }, top);
    expect(tracker.cancel(1)).toEqual({ type: 'cancel', pointerId: 1, source: bottom });
    expect(tracker.move(1, { x: 100, y: 100 })).toBeNull();
    expect(tracker.up(1, { x: 100, y: 100 })).toEqual({ type: 'unknown', pointerId: 1 });
    expect(tracker.cancel(99)).toEqual({ type: 'unknown', pointerId: 99 });
    expect(tracker.active().map((s) => s.pointerId)).toEqual([2]);
  });

  it('restarts a pointer id that goes down again (a lost pointerup must not block the sticker)', () => {
    const tracker = createPointerTracker();
    tracker.down(5, { x: 0, y: 0 }, bottom);
    tracker.move(5, { x: 200, y: 0 });
    tracker.down(5, { x: 400, y: 400 }, top);
    expect(tracker.get(5)).toMatchObject({ dragging: false, start: { x: 400, y: 400 }, source: top });
    expect(tracker.active()).toHaveLength(1);
  });

  it('hands out copies and never keeps the caller\'s objects', () => {
    const tracker = createPointerTracker();
    const source = { ...bottom };
    const at = { x: 1, y: 2 };
    const state = tracker.down(1, at, source);
    state.current.x = 999;
    source.theme = 'changed';
    at.x = 500;
    expect(tracker.get(1)).toMatchObject({ current: { x: 1, y: 2 }, source: { theme: 'green-space' } });
  });

  it('refuses a bad threshold and non-finite positions with clear errors', () => {
    expect(() => createPointerTracker({ threshold: -1 })).toThrow(/threshold must be a finite number >= 0/);
    const tracker = createPointerTracker();
    expect(() => tracker.down(1, { x: Number.NaN, y: 0 }, bottom)).toThrow(/pointer position must be finite/);
  });
});
