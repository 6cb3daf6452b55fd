// which page a path opens, asked of the server: the front page, one consultation (the only one, or the default for the
// old links), "no such consultation", or, without a server, today's bundled demo.
import type { AppRoute, ConsultationPage } from '../core/appRoutes.ts';
import { ApiRequestError, NetworkError } from '../persistence/httpRepository.ts';
import type { Consultation, ConsultationSummary, StaffApi } from '../persistence/staffApi.ts';

export type OpenedPage =
  | { kind: 'front'; consultations: ConsultationSummary[] }
  | { kind: 'not-found' }
  | { kind: 'staff' }
  | { kind: 'invite'; token: string }
  /** a consultation's budget ballot or results: the page asks the server for the budget itself */
  | { kind: 'budget'; slug: string; results: boolean }
  /** a consultation's public results page: it asks the server for its figures itself */
  | { kind: 'results'; slug: string }
  /** the server answered something unexpected (a 500): said on the page */
  | { kind: 'failed'; message: string }
  /** `consultation` null: no server (or none reachable and none saved), the page runs as today on the bundled demo */
  | { kind: 'consultation'; page: ConsultationPage; consultation: Consultation | null };

export interface ResolvePageOptions {
  route: AppRoute;
  staff: Pick<StaffApi, 'listConsultations' | 'getConsultation'>;
  /** location.search; `?server=off` keeps everything on the device */
  search?: string;
  /** where the last answers are kept for opening the same page offline */
  storage?: Pick<Storage, 'getItem' | 'setItem'> | undefined;
}

const LIST_KEY = 'coplan.consultations';
const detailKey = (slug: string) => `coplan.consultation:${slug}`;

function remember(storage: ResolvePageOptions['storage'], key: string, value: unknown): void {
  try {
    storage?.setItem(key, JSON.stringify(value));
  } catch {
    // storage blocked or full: the page just cannot open offline later
  }
}
function recall<T>(storage: ResolvePageOptions['storage'], key: string): T | null {
  try {
    const text = storage?.getItem(key);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}

/** a consultation opened from its list entry when the server cannot be asked for more: read-only unless open */
function fromSummary(summary: ConsultationSummary): Consultation {
  return { ...summary, settings: { minCount: 5, parts: { map: true, table: true } }, viewerRole: null };
}

/**
 * Resolves a route against the server's consultations. An unreachable server falls back to what this device saw last;
 * a static host (no API) is the device-only demo.
 * @example
 * await resolvePage({ route: { page: 'front' }, staff }) // => { kind: 'consultation', page: 'resident', consultation } with one consultation
 */
export async function resolvePage(options: ResolvePageOptions): Promise<OpenedPage> {
  const { route, staff, storage } = options;
  if (route.page === 'staff') return { kind: 'staff' };
  if (route.page === 'invite') return { kind: 'invite', token: route.token };
  if (route.page === 'not-found') return { kind: 'not-found' };
  if (route.page === 'budget') return { kind: 'budget', slug: route.slug, results: route.results };
  if (route.page === 'results') return { kind: 'results', slug: route.slug };
  const page: ConsultationPage = route.page === 'front' ? 'resident' : route.page;
  const local: OpenedPage = { kind: 'consultation', page, consultation: null };
  if (new URLSearchParams(options.search ?? '').get('server') === 'off') return local;

  let slug = route.page === 'front' ? null : route.slug;
  if (slug === null) {
    let list: ConsultationSummary[] | null;
    try {
      list = await staff.listConsultations();
      remember(storage, LIST_KEY, list);
    } catch (error) {
      // no answer: what this device saw last; an answer that is not the API (a static host): no server at all
      list = error instanceof NetworkError ? recall<ConsultationSummary[]>(storage, LIST_KEY) : null;
    }
    if (!list) return local;
    if (route.page === 'front' && list.length !== 1) return { kind: 'front', consultations: list };
    // the only consultation, or for the old /planner and /table links the default one (the oldest)
    const first = list[0];
    if (!first) return { kind: 'front', consultations: list };
    slug = first.slug;
  }
  try {
    // the list is read too (at the same time), so that /planner and /table find the default consultation offline later
    const [consultation] = await Promise.all([
      staff.getConsultation(slug),
      route.page !== 'front' && route.slug !== null ? staff.listConsultations().then((list) => remember(storage, LIST_KEY, list), () => undefined) : null,
    ]);
    remember(storage, detailKey(slug), consultation);
    return { kind: 'consultation', page, consultation };
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 404 && error.code !== 'http-404') return { kind: 'not-found' };
    // a static host answers every path with the app itself (or a bare 404): no server, the bundled demo
    if (error instanceof ApiRequestError && (error.code === 'invalid-response' || error.code === 'http-404')) return local;
    if (!(error instanceof NetworkError)) throw error;
    const saved = recall<Consultation>(storage, detailKey(slug)) ?? recall<ConsultationSummary[]>(storage, LIST_KEY)?.find((c) => c.slug === slug);
    // never seen on this device: open it as it was linked, and let the server say what it refuses when it is back
    if (!saved) return { kind: 'consultation', page, consultation: fromSummary({ slug, title: '', summary: '', status: 'open', opensAt: null, closesAt: null, statusChangedAt: null, closedAt: null, counts: { pins: 0 } }) };
    return { kind: 'consultation', page, consultation: 'settings' in saved ? (saved as Consultation) : fromSummary(saved) };
  }
}
