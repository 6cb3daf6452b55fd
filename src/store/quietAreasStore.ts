// the planner's "quiet areas" layer: areas whose contributions per 1,000 residents are far below the consultation's.
import { create } from 'zustand';
import type { QuietAreasAnswer } from '../persistence/quietAreasClient.ts';

export interface QuietAreasState {
  status: 'idle' | 'loading' | 'ready' | 'failed';
  answer: QuietAreasAnswer | null;
  failure: string | null;
  shown: boolean;
  loaded(read: () => Promise<QuietAreasAnswer>): Promise<void>;
  shownChanged(shown: boolean): void;
}

export const useQuietAreas = create<QuietAreasState>()((set) => ({
  status: 'idle',
  answer: null,
  failure: null,
  shown: true,
  async loaded(read) {
    set({ status: 'loading', failure: null });
    try {
      set({ status: 'ready', answer: await read() });
    } catch (error) {
      set({ status: 'failed', failure: error instanceof Error ? error.message : String(error) });
    }
  },
  shownChanged(shown) {
    set({ shown });
  },
}));
