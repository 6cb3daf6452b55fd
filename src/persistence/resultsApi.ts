// what the public results page reads: the public (small-count protected) figures, the answered pins, the dates, the budget.
import type { PinResponse } from '../core/dialogue/responseStatus.ts';
import type { SupportedPin } from '../core/results/resultsSummary.ts';
import type { PublishedCount, PublishedCounts } from '../core/smallCounts.ts';
import type { Theme } from '../core/types.ts';
import { ApiRequestError, NetworkError } from './httpRepository.ts';

export interface ResultsArea {
  id: string;
  name: string;
  counts: PublishedCounts;
  geometry: { type: string; coordinates: unknown } | null;
}

export interface ResultsData {
  title: string;
  status: string;
  opensAt: string | null;
  closesAt: string | null;
  closedAt: string | null;
  /** the small-count threshold the public figures are protected with */
  minCount: number;
  areas: ResultsArea[];
  outside: PublishedCount;
  themes: Theme[];
  top: { asset: SupportedPin[]; priority: SupportedPin[] };
  pins: { id: string; title: string; response?: PinResponse }[];
  /** the consultation has a community budget (its results page says when they are public) */
  hasBudget: boolean;
  /** residents' words planners chose to feature, as text */
  quotes: { pinId: string; text: string; theme: string }[];
}

async function getJson<T>(url: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: 'application/json' }, cache: 'no-store' });
  } catch (error) {
    throw new NetworkError(error instanceof Error ? error.message : String(error));
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw new ApiRequestError(res.status, body?.error?.code ?? `http-${res.status}`, body?.error?.message ?? res.statusText);
  }
  return (await res.json()) as T;
}

interface AreaFeature {
  geometry: ResultsArea['geometry'];
  properties: { id?: string; name?: string; counts: PublishedCounts };
}
interface PinFeature {
  properties: { id: string; title?: string; response?: PinResponse };
}

/** The base path of one consultation's API. */
export const consultationApi = (slug: string): string => `/api/consultations/${encodeURIComponent(slug)}`;

/**
 * Reads everything the results page shows, as the public sees it (no staff cookie is needed; with one the server
 * still answers the public aggregates unless raw counts are asked for, which they are not).
 * @example
 * const data = await loadResults('neighbourhood-plan');
 */
export async function loadResults(slug: string): Promise<ResultsData> {
  const base = consultationApi(slug);
  const [consultation, areas, planner, pins, themes, budget, quotes] = await Promise.all([
    getJson<{ title: string; status: string; opensAt: string | null; closesAt: string | null; closedAt: string | null; settings?: { minCount?: number } }>(base),
    getJson<{ features: AreaFeature[]; outside: PublishedCount }>(`${base}/aggregates/areas`),
    getJson<{ top: { asset: SupportedPin[]; priority: SupportedPin[] } }>(`${base}/aggregates/planner?top=10&hex=2000`),
    getJson<{ features: PinFeature[] }>(`${base}/pins`),
    getJson<Theme[]>(`${base}/themes`),
    fetch(`${base}/budget`, { headers: { accept: 'application/json' }, cache: 'no-store' }).then((r) => r.ok, () => false),
    // a server without quotes (older) still shows the rest of the page
    getJson<{ quotes: { pinId: string; text: string; theme: string }[] }>(`${base}/quotes`).catch(() => ({ quotes: [] })),
  ]);
  return {
    title: consultation.title,
    status: consultation.status,
    opensAt: consultation.opensAt,
    closesAt: consultation.closesAt,
    closedAt: consultation.closedAt,
    minCount: consultation.settings?.minCount ?? 5,
    areas: areas.features.map((f, i) => ({ id: f.properties.id ?? String(i), name: f.properties.name ?? f.properties.id ?? String(i + 1), counts: f.properties.counts, geometry: f.geometry })),
    outside: areas.outside,
    themes,
    top: { asset: planner.top.asset.map(({ title, theme, supports }) => ({ title, theme, supports })), priority: planner.top.priority.map(({ title, theme, supports }) => ({ title, theme, supports })) },
    pins: pins.features.map((f) => ({ id: f.properties.id, title: f.properties.title ?? '', ...(f.properties.response ? { response: f.properties.response } : {}) })),
    hasBudget: budget,
    quotes: quotes.quotes.filter((q) => typeof q.text === 'string').map(({ pinId, text, theme }) => ({ pinId, text, theme })),
  };
}
