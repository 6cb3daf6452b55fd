// @vitest-environment jsdom
// the drag ghosts shared by the table's stickers and budget tokens: one per finger, placed through refs, gone on lift.
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScreenPoint } from '../../src/core/pointerTracker.ts';
import { useDragGhosts } from '../../src/ui/table/useDragGhosts.ts';

afterEach(cleanup);

const place = (element: HTMLElement, at: ScreenPoint, source: string) => {
  element.dataset.at = `${at.x},${at.y}:${source}`;
};

describe('useDragGhosts', () => {
  it('shows one ghost per finger, puts a late-mounted element where its finger is, moves it, and forgets it on lift', () => {
    const { result } = renderHook(() => useDragGhosts(place));
    act(() => result.current.started(1, 'bottom', { x: 10, y: 20 }));
    act(() => result.current.started(2, 'top', { x: 30, y: 40 }));
    expect(result.current.ghosts).toEqual([{ pointerId: 1, source: 'bottom' }, { pointerId: 2, source: 'top' }]);

    // the finger moved on before react mounted the ghost: it appears where the finger is now
    act(() => result.current.moved(1, { x: 11, y: 21 }));
    const one = document.createElement('span');
    result.current.ghostRef(1)(one);
    expect(one.dataset.at).toBe('11,21:bottom');
    act(() => result.current.moved(1, { x: 50, y: 60 }));
    expect(one.dataset.at).toBe('50,60:bottom');

    act(() => result.current.ended(1));
    expect(result.current.ghosts).toEqual([{ pointerId: 2, source: 'top' }]);
    // a lifted finger's element is no longer moved
    act(() => result.current.moved(1, { x: 99, y: 99 }));
    expect(one.dataset.at).toBe('50,60:bottom');

    act(() => result.current.cleared());
    expect(result.current.ghosts).toEqual([]);
  });

  it('keeps the ghost list as it was when a finger that never dragged lifts (no re-render for a tap)', () => {
    const { result } = renderHook(() => useDragGhosts(place));
    act(() => result.current.started(3, 'left', { x: 0, y: 0 }));
    const before = result.current.ghosts;
    act(() => result.current.ended(7));
    expect(result.current.ghosts).toBe(before);
  });
});
