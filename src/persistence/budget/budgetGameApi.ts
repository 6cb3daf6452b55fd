// the table game's server side: the consultation's budget to play with, and recording a counted game, plus this
// device's memory of each session's result for its "what we heard".
import type { GameAllocationBody } from '../../core/budget/budgetGameWire.ts';
import type { GameCount } from '../../core/budget/budgetGame.ts';
import { ApiRequestError, NetworkError } from '../httpRepository.ts';

/**
 * Records a counted game as a workshop allocation (the staff session rides on the cookie).
 * @example
 * await recordGame('neighbourhood-plan', token, { sessionId: 's1', sides: { top: ['p1'] } });
 */
export async function recordGame(slug: string, deviceToken: string, body: GameAllocationBody): Promise<{ count: GameCount }> {
  let res: Response;
  try {
    res = await fetch(`/api/consultations/${encodeURIComponent(slug)}/budget/allocations`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/json', 'x-device-token': deviceToken },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new NetworkError(error instanceof Error ? error.message : String(error));
  }
  const json = (await res.json().catch(() => null)) as { count?: GameCount; error?: { code?: string; message?: string } } | null;
  if (!res.ok || !json?.count) throw new ApiRequestError(res.status, json?.error?.code ?? `http-${res.status}`, json?.error?.message ?? res.statusText);
  return { count: json.count };
}

/** what "what we heard" says about a session's game: the funded project titles under each rule */
export interface HeardGame {
  greedy: string[];
  equalShares: string[];
}

const key = (sessionId: string) => `coplan-budget-game:${sessionId}`;

/**
 * Keeps the session's newest game result on this device (the table's sessions live on the device too).
 * @example
 * rememberGame('s1', { greedy: ['Benches'], equalShares: ['Benches', 'Trees'] });
 */
export function rememberGame(sessionId: string, heard: HeardGame): void {
  try {
    localStorage.setItem(key(sessionId), JSON.stringify(heard));
  } catch {
    // a full or blocked storage only loses the summary's line; the server has the result
  }
}

/**
 * The session's newest game result on this device, or null.
 * @example
 * recalledGame('s1')?.greedy // => ['Benches']
 */
export function recalledGame(sessionId: string): HeardGame | null {
  try {
    const raw = localStorage.getItem(key(sessionId));
    const value = raw ? (JSON.parse(raw) as HeardGame) : null;
    return value && Array.isArray(value.greedy) && Array.isArray(value.equalShares) ? value : null;
  } catch {
    return null;
  }
}
