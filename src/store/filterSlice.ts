// filter slice: which kinds and themes are shown, on the map and in the list alike.
import type { StateCreator } from 'zustand';
import type { AppState, FilterState } from './appState.ts';

export const filterSlice: StateCreator<AppState, [], [], FilterState> = (set) => ({
  filter: { hiddenKinds: [], hiddenThemes: [] },
  filterChanged(changes) {
    set((state) => ({ filter: { ...state.filter, ...changes } }));
  },
});
