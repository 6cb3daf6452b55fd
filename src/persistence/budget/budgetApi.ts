// the budget API as the browser uses it: the ballot paper, casting a ballot, and the anonymous .pb file results are counted from.
import type { BudgetView } from '../../core/budget/budgetWire.ts';
import type { AreaCollection, Theme } from '../../core/types.ts';
import { ApiRequestError, NetworkError } from '../httpRepository.ts';

export interface BudgetApi {
  getBudget(): Promise<BudgetView>;
  /** `code`: a one-time voter code instead of the device token */
  castBallot(projects: readonly string[], code?: string): Promise<{ projects: string[]; updatedAt: string }>;
  /** the vote as a pabulib file (visible to staff, and to everyone after voting closed) */
  exportPb(): Promise<string>;
  /** the consultation's areas and themes, to name and filter the projects */
  getCatalog(): Promise<{ areas: AreaCollection; themes: Theme[] }>;
}

async function call(url: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, cache: 'no-store' });
  } catch (error) {
    throw new NetworkError(error instanceof Error ? error.message : String(error));
  }
  if (res.ok) return res;
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; details?: unknown } } | null;
  const retry = Number(res.headers.get('retry-after'));
  throw new ApiRequestError(res.status, body?.error?.code ?? `http-${res.status}`, body?.error?.message ?? res.statusText, body?.error?.details, Number.isFinite(retry) && retry > 0 ? retry : undefined);
}

/**
 * A client for one consultation's budget.
 * @example
 * const api = createBudgetApi('neighbourhood-plan', deviceToken); const view = await api.getBudget();
 */
export function createBudgetApi(slug: string, deviceToken: string): BudgetApi {
  const base = `/api/consultations/${encodeURIComponent(slug)}/budget`;
  const headers = { accept: 'application/json', 'x-device-token': deviceToken };
  return {
    async getBudget() {
      return (await (await call(base, { headers })).json()) as BudgetView;
    },
    async castBallot(projects, code) {
      const res = await call(`${base}/ballot`, {
        method: 'PUT',
        // a voter code votes for the person at the shared device, not for the device
        headers: code ? { accept: 'application/json', 'content-type': 'application/json' } : { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(code ? { projects, code } : { projects }),
      });
      return (await res.json()) as { projects: string[]; updatedAt: string };
    },
    async getCatalog() {
      const scope = `/api/consultations/${encodeURIComponent(slug)}`;
      const [areas, themes] = await Promise.all([call(`${scope}/areas`, { headers }), call(`${scope}/themes`, { headers })]);
      return { areas: (await areas.json()) as AreaCollection, themes: (await themes.json()) as Theme[] };
    },
    async exportPb() {
      return (await call(`${base}/export.pb`, { headers: { ...headers, accept: 'text/plain' } })).text();
    },
  };
}
