// the few server calls the touch table makes: is there a server, facilitator sign-in, hiding a pin there too.
import { z } from 'zod';

export type ServerPresence = 'server' | 'none';

const signInReply = z.object({ role: z.literal('planner'), token: z.string().min(1) });
const errorReply = z.object({ error: z.object({ message: z.string() }).partial() }).partial();

/** A server answers GET /api/session with { role }; vite dev, a static host or no network do not. */
export async function probeServer(fetcher: typeof fetch = fetch): Promise<ServerPresence> {
  try {
    const response = await fetcher('/api/session', { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(3000) });
    if (!response.ok) return 'none';
    const body: unknown = await response.json();
    return typeof body === 'object' && body !== null && 'role' in body ? 'server' : 'none';
  } catch {
    return 'none';
  }
}

export type SignInResult = { ok: true; token: string } | { ok: false; reason: 'wrong-passphrase' | 'too-many-attempts' | 'unreachable' | 'invalid'; message: string };

/** POST /api/session with the facilitator passphrase (the planners' one). */
export async function signInFacilitator(passphrase: string, fetcher: typeof fetch = fetch): Promise<SignInResult> {
  let response: Response;
  try {
    response = await fetcher('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ passphrase }),
      signal: AbortSignal.timeout(8000),
    });
  } catch (error) {
    return { ok: false, reason: 'unreachable', message: error instanceof Error ? error.message : String(error) };
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // a reply that is not json is reported by its status below
  }
  if (response.ok) {
    const parsed = signInReply.safeParse(body);
    return parsed.success ? { ok: true, token: parsed.data.token } : { ok: false, reason: 'invalid', message: 'the server sent an unexpected sign-in reply' };
  }
  const message = errorReply.safeParse(body).data?.error?.message ?? `status ${response.status}`;
  if (response.status === 401) return { ok: false, reason: 'wrong-passphrase', message };
  if (response.status === 429) return { ok: false, reason: 'too-many-attempts', message };
  return { ok: false, reason: 'invalid', message };
}

/** Hides a pin on the server as well (planner moderation); false when the server does not have it (not synced yet). */
export async function hidePinOnServer(pinId: string, reason: string, token: string, fetcher: typeof fetch = fetch): Promise<boolean> {
  try {
    const response = await fetcher(`/api/pins/${encodeURIComponent(pinId)}/hide`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ reason }),
      signal: AbortSignal.timeout(8000),
    });
    return response.ok;
  } catch {
    return false;
  }
}
