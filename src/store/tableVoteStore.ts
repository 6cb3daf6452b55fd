// whether the table runs in voter-code mode for formal voting: the facilitator's panel switches it on and off.
import { create } from 'zustand';

export interface TableVoteFlag {
  /** true: one voter at a time types a voter code and casts a ballot at the bottom side */
  voting: boolean;
  votingOpened(): void;
  votingClosed(): void;
}

/** one table per page, so one flag per page */
export const useTableVoteFlag = create<TableVoteFlag>()((set) => ({
  voting: false,
  votingOpened: () => set({ voting: true }),
  votingClosed: () => set({ voting: false }),
}));
