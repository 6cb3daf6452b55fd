// the anonymous token that marks this device's pins as its own (no accounts in the resident map).
const KEY = 'coplan.deviceToken';

/**
 * Returns this device's token, creating and remembering one on first use.
 * Falls back to a token for this page load only when storage is unavailable (private mode, blocked).
 */
export function getDeviceToken(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage): string {
  try {
    const existing = storage?.getItem(KEY);
    if (existing) return existing;
    const token = crypto.randomUUID();
    storage?.setItem(KEY, token);
    return token;
  } catch {
    return crypto.randomUUID();
  }
}
