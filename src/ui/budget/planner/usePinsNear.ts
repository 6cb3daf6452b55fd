// the pins near a place, asked of the server (GET …/pins/near) when the place changes: what a project builds on.
import { useEffect, useState } from 'react';
import { ASSETS_NEAR_METRES } from '../../../core/budget/projectPlaces.ts';
import type { NearAnswer } from '../../../core/pins/nearPinsWire.ts';
import type { LngLat } from '../../../core/types.ts';
import type { PinsNear } from '../../../persistence/pinsNearClient.ts';

export type NearState = { kind: 'idle' | 'loading' } | { kind: 'ready'; answer: NearAnswer } | { kind: 'failed'; message: string };

/**
 * The asset pins within 300 m of `position`, nearest first, at most `limit`; `waitMs` lets a typed place settle first.
 * @example
 * const near = usePinsNear(pinsNear, [-2.1, 53.4], 5); // near.kind === 'ready' ? near.answer.pins : []
 */
export function usePinsNear(pinsNear: PinsNear, position: LngLat | null, limit: number, waitMs = 0): NearState {
  const [state, setState] = useState<NearState>({ kind: 'idle' });
  const lng = position?.[0] ?? null;
  const lat = position?.[1] ?? null;
  useEffect(function askWhatIsNear() {
    if (lng === null || lat === null || !Number.isFinite(lng) || !Number.isFinite(lat) || Math.abs(lng) > 180 || Math.abs(lat) > 90) {
      setState({ kind: 'idle' });
      return;
    }
    let live = true;
    setState({ kind: 'loading' });
    const timer = setTimeout(() => {
      pinsNear({ position: [lng, lat], radius: ASSETS_NEAR_METRES, kind: 'asset', limit }).then(
        (answer) => live && setState({ kind: 'ready', answer }),
        (error: unknown) => live && setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
      );
    }, waitMs);
    return function forgetTheQuestion() {
      live = false;
      clearTimeout(timer);
    };
  }, [pinsNear, lng, lat, limit, waitMs]);
  return state;
}
