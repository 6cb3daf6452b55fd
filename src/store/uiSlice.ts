// ui slice: which view is showing, the pin editor and where a new pin is being placed.
import type { StateCreator } from 'zustand';
import type { AppState, UiState } from './appState.ts';

export const uiSlice: StateCreator<AppState, [], [], UiState> = (set, get) => ({
  view: 'map',
  editor: null,
  draftPosition: null,
  placing: false,
  focusedPinId: null,
  thankedPinId: null,
  mapTarget: null,
  viewChanged(view) {
    set({ view });
  },
  addPinStarted() {
    set({ editor: { mode: 'add' }, draftPosition: null, placing: true, view: 'map', thankedPinId: null });
  },
  editPinStarted(id) {
    const pin = get().pins.find((p) => p.id === id);
    if (!pin) return;
    const [lng, lat] = pin.geometry.coordinates;
    set({ editor: { mode: 'edit', pinId: id }, draftPosition: [lng!, lat!], placing: false, thankedPinId: null });
  },
  editorClosed() {
    set({ editor: null, draftPosition: null, placing: false });
  },
  placingChanged(placing) {
    set({ placing });
  },
  placementPicked(position) {
    if (!get().editor) return;
    set({ draftPosition: [position[0], position[1]] });
  },
  pinShownOnMap(id) {
    set({ view: 'map', focusedPinId: id });
  },
  pinFocusHandled() {
    set({ focusedPinId: null });
  },
  pinThanked(id) {
    set({ thankedPinId: id });
  },
  thanksDismissed() {
    set({ thankedPinId: null });
  },
  mapTargetChosen(target) {
    set({ mapTarget: target, view: 'map' });
  },
  mapTargetReached() {
    set({ mapTarget: null });
  },
});
