// the anonymous token that marks this device's pins as its own (no accounts in the resident map), issued by the server.
const KEY = 'coplan.deviceToken';

type TokenStorage = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * Returns this device's token as remembered (the server's signed one once it was reached), creating and remembering a
 * local one on first use. Falls back to a token for this page load only when storage is unavailable (private mode, blocked).
 */
export function getDeviceToken(storage: TokenStorage | undefined = globalThis.localStorage): string {
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

/** a token the server signed (`<id>.<signature>`); a bare id is a local one, from offline or an older version */
export const isSignedToken = (token: string): boolean => token.includes('.');

/**
 * The device's token, signed by the server (`POST /api/device { previous }`: the server signs the local id, so pins made
 * with it stay this device's). Offline, or when the server does not answer within `timeoutMs`, the local token as it is:
 * it can make and change pins (they wait in the outbox while offline), and the next start signs it.
 * @example
 * const deviceToken = await ensureSignedDeviceToken(); // at start, before the repository is made
 */
export async function ensureSignedDeviceToken(
  options: { storage?: TokenStorage | undefined; fetch?: typeof fetch; baseUrl?: string; timeoutMs?: number } = {},
): Promise<string> {
  const storage = 'storage' in options ? options.storage : globalThis.localStorage;
  const current = getDeviceToken(storage);
  if (isSignedToken(current)) return current;
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  try {
    const res = await doFetch(`${options.baseUrl ?? ''}/api/device`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ previous: current }),
      cache: 'no-store',
      signal: AbortSignal.timeout(options.timeoutMs ?? 3000),
    });
    const body = res.ok ? ((await res.json()) as { token?: unknown }) : null;
    if (typeof body?.token !== 'string' || !isSignedToken(body.token)) return current;
    storage?.setItem(KEY, body.token);
    return body.token;
  } catch {
    return current;
  }
}
