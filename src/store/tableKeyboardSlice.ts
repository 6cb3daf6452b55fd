// the table store's keyboards: which field each side's on-screen keyboard types into (ids only, never elements).
import { keyboardClosedFor, keyboardOpened } from '../core/keyboardPlacement.ts';
import type { OpenKeyboards } from '../core/keyboardPlacement.ts';
import type { TableSide } from '../core/pointerTracker.ts';

export interface TableKeyboardSlice {
  /** at most one keyboard per side, each on one field (by element id) */
  keyboards: OpenKeyboards;
  keyboardOpened(side: TableSide, fieldId: string): void;
  /** closes whichever keyboard types into the field */
  keyboardClosed(fieldId: string): void;
}

export function createKeyboardSlice(set: (update: (state: TableKeyboardSlice) => Partial<TableKeyboardSlice>) => void): TableKeyboardSlice {
  // later keyboards give way to earlier ones when they are placed, so the opening order is kept
  let opened = 0;
  return {
    keyboards: {},
    keyboardOpened(side, fieldId) {
      set((state) => (state.keyboards[side]?.fieldId === fieldId ? {} : { keyboards: keyboardOpened(state.keyboards, side, fieldId, ++opened) }));
    },
    keyboardClosed(fieldId) {
      set((state) => (Object.values(state.keyboards).some((k) => k.fieldId === fieldId) ? { keyboards: keyboardClosedFor(state.keyboards, fieldId) } : {}));
    },
  };
}
