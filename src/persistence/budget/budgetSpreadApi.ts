// the spread of a counted budget over the areas, as GET …/budget/results answers it (protected for the public there).
import type { ResultsSpread } from '../../core/budget/protectSpread.ts';
import { ApiRequestError, NetworkError } from '../httpRepository.ts';

/**
 * Both rules' money per area and per resident and the share of voters with a funded project.
 * @example
 * const spread = await fetchResultsSpread('neighbourhood-plan', deviceToken); spread.greedy.areas
 */
export async function fetchResultsSpread(slug: string, deviceToken: string): Promise<ResultsSpread> {
  let res: Response;
  try {
    res = await fetch(`/api/consultations/${encodeURIComponent(slug)}/budget/results`, { headers: { accept: 'application/json', 'x-device-token': deviceToken }, cache: 'no-store' });
  } catch (error) {
    throw new NetworkError(error instanceof Error ? error.message : String(error));
  }
  const body = (await res.json().catch(() => null)) as { spread?: ResultsSpread; error?: { code?: string; message?: string } } | null;
  if (!res.ok || !body?.spread) throw new ApiRequestError(res.status, body?.error?.code ?? `http-${res.status}`, body?.error?.message ?? res.statusText);
  return body.spread;
}
