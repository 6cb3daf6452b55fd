// a pin by the id it was made with on this device, which views that outlive the server's answer hold on to.
import type { PinFeature } from '../core/types.ts';
import type { AppState } from './appState.ts';

type PinIds = Pick<AppState, 'pins' | 'localIdOf'>;

/**
 * The id a pin was made with here: today the server gives a pin made here its own id when it stores it, and
 * `localIdOf` remembers the first one (a pin from elsewhere, or one not sent yet, has only the one id).
 * WARNING: once the server keeps the device's id, this is the identity and both helpers here can go.
 * @example
 * firstIdOf({ pins, localIdOf: new Map([['server-1', 'local-1']]) }, 'server-1') // => 'local-1'
 */
export function firstIdOf(state: PinIds, id: string): string {
  return state.localIdOf.get(id) ?? id;
}

/**
 * The pin that was made as `firstId`, under whichever id it has now.
 * @example
 * pinByFirstId(store.getState(), dropped.pin.id)?.id // => the server's id once it has stored the pin
 */
export function pinByFirstId(state: PinIds, firstId: string): PinFeature | undefined {
  return state.pins.find((p) => p.id === firstId || state.localIdOf.get(p.id) === firstId);
}
