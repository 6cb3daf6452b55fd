// true while the screen is phone-sized: the map fills it and the panels come up as sheets over it (see app.css).
import { useSyncExternalStore } from 'react';

const PHONE = '(max-width: 899px)';

function subscribe(changed: () => void): () => void {
  const query = globalThis.matchMedia?.(PHONE);
  query?.addEventListener('change', changed);
  return () => query?.removeEventListener('change', changed);
}

export function usePhoneLayout(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => globalThis.matchMedia?.(PHONE).matches ?? false,
    () => false,
  );
}
