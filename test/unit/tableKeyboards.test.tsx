// @vitest-environment jsdom
// a touch on a field at the table opens that side's on-screen keyboard: through the focus the tap brings, and also
// when that focus never comes (Chromium dropped it now and then for a tap soon after a two-finger drag), so a
// person's touch is never lost. A mouse opens none.
import i18next from 'i18next';
import '../../src/i18n/i18n.ts';
import table17 from '../../src/i18n/locales/en/table17.json';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand';
import { createKeyboardSlice } from '../../src/store/tableKeyboardSlice.ts';
import type { TableStore } from '../../src/store/tableStore.ts';
import { TableKeyboards } from '../../src/ui/table/TableKeyboards.tsx';
import { TableStoreProvider } from '../../src/ui/table/TableStoreContext.tsx';

// the table's English comes with its route's chunk (src/app/TableRoute.tsx), as here
i18next.addResourceBundle('en', 'translation', table17, true, false);

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  cleanup();
  document.body.replaceChildren();
});

function renderTable() {
  const table = createStore((set) => ({ ...createKeyboardSlice(set as never) })) as unknown as TableStore;
  const root = document.createElement('div');
  for (const [side, id] of [['bottom', 'note-1'], ['top', 'note-2']] as const) {
    const card = document.createElement('form');
    card.dataset.tableSide = side;
    const note = document.createElement('textarea');
    note.id = id;
    card.append(note);
    root.append(card);
  }
  document.body.append(root);
  render(
    <TableStoreProvider store={table}>
      <TableKeyboards root={root} />
    </TableStoreProvider>,
  );
  const field = (id: string) => root.querySelector<HTMLTextAreaElement>(`#${id}`)!;
  const keyboards = () => (table.getState() as unknown as { keyboards: Record<string, { fieldId: string }> }).keyboards;
  return { root, field, keyboards };
}

/** a finger down and up on `el`, and the moment after it in which a tap's own focus would have come */
const press = (el: Element, pointerType: string, pointerId = 7) => {
  fireEvent.pointerDown(el, { pointerType, pointerId, bubbles: true });
  fireEvent.pointerUp(el, { pointerType, pointerId, bubbles: true });
  vi.advanceTimersByTime(400);
};

describe('the table keyboards open on a touch', () => {
  it('opens the side of the field touched even when the tap brings no focus', () => {
    const { field, keyboards } = renderTable();
    // not at once: the tap's own mouse events come after the lift, and must not land on a keyboard opened under them
    act(() => {
      fireEvent.pointerDown(field('note-1'), { pointerType: 'touch', pointerId: 7, bubbles: true });
      fireEvent.pointerUp(field('note-1'), { pointerType: 'touch', pointerId: 7, bubbles: true });
    });
    expect(keyboards()).toEqual({});
    act(() => vi.advanceTimersByTime(400));
    expect(keyboards().bottom?.fieldId).toBe('note-1');
    expect(document.activeElement).toBe(field('note-1'));
    expect(screen.getByRole('group', { name: 'Keyboard for the bottom side' })).toBeTruthy();
    // the other side's person touches theirs: both keyboards are open, one per side
    act(() => press(field('note-2'), 'touch', 8));
    expect(keyboards().top?.fieldId).toBe('note-2');
    expect(keyboards().bottom?.fieldId).toBe('note-1');
  });

  it('opens none for a mouse, nor for a touch lifted on something else', () => {
    const { root, field, keyboards } = renderTable();
    act(() => press(field('note-1'), 'mouse'));
    act(() => {
      fireEvent.pointerDown(field('note-2'), { pointerType: 'touch', pointerId: 9, bubbles: true });
      fireEvent.pointerUp(root, { pointerType: 'touch', pointerId: 9, bubbles: true });
      vi.advanceTimersByTime(400);
    });
    expect(keyboards()).toEqual({});
  });
});
