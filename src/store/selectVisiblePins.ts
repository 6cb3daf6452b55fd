// derived data: the pins the filter lets through, shared by map and list and recomputed only when inputs change.
import type { PinFeature } from '../core/types.ts';
import type { AppState, PinFilter } from './appState.ts';

/** Pins passing the filter; pure, no memo. */
export function filterPins(pins: readonly PinFeature[], filter: PinFilter): PinFeature[] {
  const kinds = new Set(filter.hiddenKinds);
  const themes = new Set(filter.hiddenThemes);
  return pins.filter((p) => !kinds.has(p.properties.kind) && !themes.has(p.properties.theme));
}

let lastPins: readonly PinFeature[] | null = null;
let lastFilter: PinFilter | null = null;
let lastResult: PinFeature[] = [];

/**
 * Selector for the visible pins. It returns the same array while pins and filter are unchanged,
 * which useSyncExternalStore needs to avoid render loops.
 */
export function selectVisiblePins(state: Pick<AppState, 'pins' | 'filter'>): PinFeature[] {
  if (state.pins !== lastPins || state.filter !== lastFilter) {
    lastPins = state.pins;
    lastFilter = state.filter;
    lastResult = filterPins(state.pins, state.filter);
  }
  return lastResult;
}

/** True when this device made the pin, so it may edit and delete it. */
export function isOwnPin(state: Pick<AppState, 'deviceToken'>, pin: PinFeature): boolean {
  return pin.properties.author !== undefined && pin.properties.author === state.deviceToken;
}
