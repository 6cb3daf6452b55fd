// one polite live region for the page: confirmations (pin saved, pin deleted) that have no other place on screen.
import { useSyncExternalStore } from 'react';

let current = { text: '', serial: 0 };
const listeners = new Set<() => void>();

/** Says `text` to screen-reader users once; the same text twice in a row is said twice. */
export function announce(text: string): void {
  current = { text, serial: current.serial + 1 };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function LiveAnnouncer() {
  const { text, serial } = useSyncExternalStore(subscribe, () => current, () => current);
  return (
    <div className="visually-hidden" role="status" aria-live="polite">
      {/* a fresh node per message, so assistive technology reads a repeat instead of ignoring an unchanged text */}
      {text ? <p key={serial}>{text}</p> : null}
    </div>
  );
}
