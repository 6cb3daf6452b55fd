// whether the table is playing the budget game, and for which session: the facilitator's panel opens it, the game closes it.
import { create } from 'zustand';

export interface BudgetGameFlag {
  /** the table session the game is played in; null: no game on the table */
  sessionId: string | null;
  gameOpened(sessionId: string): void;
  gameClosed(): void;
}

/** one table per page, so one flag per page */
export const useBudgetGameFlag = create<BudgetGameFlag>()((set) => ({
  sessionId: null,
  gameOpened: (sessionId) => set({ sessionId }),
  gameClosed: () => set({ sessionId: null }),
}));
