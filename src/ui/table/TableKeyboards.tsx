// the table's on-screen keyboards: a touch on a text field opens one on that field's side (the side of the card or
// panel it is in), at most one per side, placed clear of the other sides' palettes; a field that goes away closes its own.
import { useEffect, useState } from 'react';
import { placeKeyboards } from '../../core/keyboardPlacement.ts';
import type { KeyboardTarget } from '../../core/keyboardPlacement.ts';
import { TABLE_SIDES } from '../../core/pointerTracker.ts';
import type { TableSide } from '../../core/pointerTracker.ts';
import { OnScreenKeyboard } from './OnScreenKeyboard.tsx';
import { useTableStore } from './useTableStore.ts';

const TYPABLE = 'textarea, input:not([type]), input[type="text"], input[type="email"], input[type="password"], input[type="search"]';

/** how long a touched field waits for the tap's own focus before it opens its keyboard itself */
const FOCUS_GRACE_MS = 350;

function sideOf(element: Element): TableSide | null {
  const side = element.closest<HTMLElement>('[data-table-side]')?.dataset.tableSide;
  return TABLE_SIDES.find((s) => s === side) ?? null;
}

function palettes(): { side: TableSide; rect: { left: number; top: number; width: number; height: number } }[] {
  return TABLE_SIDES.flatMap((side) => {
    const element = document.querySelector(`[data-drop-obstacle="palette-${side}"]`);
    const r = element?.getBoundingClientRect();
    return r && r.width > 0 ? [{ side, rect: { left: r.left, top: r.top, width: r.width, height: r.height } }] : [];
  });
}

export function TableKeyboards({ root }: { root: HTMLElement | null }) {
  const keyboards = useTableStore((s) => s.keyboards);
  const opened = useTableStore((s) => s.keyboardOpened);
  const closed = useTableStore((s) => s.keyboardClosed);
  const [, setViewport] = useState(0);

  useEffect(
    function openOnTouch() {
      if (!root) return;
      let touchedAt = 0;
      let pressed: { field: HTMLElement; pointerId: number } | null = null;
      const fieldOf = (event: Event) => (event.target instanceof Element ? event.target.closest<HTMLElement>(TYPABLE) : null);
      const down = (event: PointerEvent) => {
        if (event.pointerType === 'mouse') return;
        touchedAt = Date.now();
        const field = fieldOf(event);
        pressed = field ? { field, pointerId: event.pointerId } : null;
        // the system's own keyboard stays away: this table has its own
        if (field && sideOf(field)) field.setAttribute('inputmode', 'none');
      };
      // the focus a tap should bring does not always come (Chromium dropped it now and then for a tap soon after a
      // two-finger drag), and then nothing opened and the person's touch did nothing: a finger lifted on the field it
      // touched that has no focus a moment later opens the keyboard itself. Not at once: the tap's own mouse events
      // follow the lift, and a keyboard already open under the finger would take them as a key press
      const timers = new Set<number>();
      const up = (event: PointerEvent) => {
        const was = pressed;
        pressed = null;
        if (event.pointerType === 'mouse' || !was || was.pointerId !== event.pointerId || fieldOf(event) !== was.field) return;
        const side = sideOf(was.field);
        if (!side) return;
        const timer = window.setTimeout(() => {
          timers.delete(timer);
          if (document.activeElement === was.field || !was.field.isConnected || !was.field.id) return;
          was.field.focus({ preventScroll: true });
          opened(side, was.field.id);
        }, FOCUS_GRACE_MS);
        timers.add(timer);
      };
      const focused = (event: FocusEvent) => {
        const field = event.target instanceof HTMLElement ? event.target : null;
        if (!field?.matches(TYPABLE) || Date.now() - touchedAt > 1500) return;
        const side = sideOf(field);
        if (!side || !field.id) return;
        field.setAttribute('inputmode', 'none');
        opened(side, field.id);
      };
      root.addEventListener('pointerdown', down, true);
      root.addEventListener('pointerup', up, true);
      root.addEventListener('focusin', focused);
      return function stopOpening() {
        root.removeEventListener('pointerdown', down, true);
        root.removeEventListener('pointerup', up, true);
        root.removeEventListener('focusin', focused);
        for (const timer of timers) window.clearTimeout(timer);
      };
    },
    [root, opened],
  );

  useEffect(
    function closeWhenFieldGoes() {
      const targets = Object.values(keyboards);
      if (!root || targets.length === 0) return;
      const check = () => {
        for (const target of targets) if (!document.getElementById(target.fieldId)) closed(target.fieldId);
      };
      const observer = new MutationObserver(check);
      observer.observe(root, { childList: true, subtree: true });
      const resized = () => setViewport((n) => n + 1);
      window.addEventListener('resize', resized);
      return function stopWatching() {
        observer.disconnect();
        window.removeEventListener('resize', resized);
      };
    },
    [root, keyboards, closed],
  );

  const open = Object.entries(keyboards) as [TableSide, KeyboardTarget][];
  if (open.length === 0) return null;
  const order = [...open].sort((a, b) => a[1].order - b[1].order).map(([side]) => side);
  const frames = placeKeyboards(order, { left: 0, top: 0, width: window.innerWidth, height: window.innerHeight }, palettes());
  return (
    <>
      {open.map(([side, target]) => {
        const frame = frames[side];
        return frame ? <OnScreenKeyboard key={`${side}-${target.fieldId}`} frame={frame} fieldId={target.fieldId} /> : null;
      })}
    </>
  );
}
