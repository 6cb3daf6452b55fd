// the response explorer's index of one consultation on the server: built from every pin (hidden ones too) and kept until pins change.
import { buildResponseIndex, selectResponses, sortResponses } from '../core/responses/responseIndex.ts';
import type { ResponseIndex } from '../core/responses/responseIndex.ts';
import type { ResponseFilter, ResponseSortKey, SortDirection } from '../core/responses/responseQuery.ts';
import type { ConsultationStorage } from './storage/storage.ts';

export interface ResponseIndexCache {
  index(): Promise<ResponseIndex>;
  /** the rows (indices) passing `filter` in the given order, remembered for the next page of the same list */
  ordered(filter: ResponseFilter, sort: ResponseSortKey, dir: SortDirection): Promise<{ index: ResponseIndex; order: readonly number[] }>;
}

/** a few recent lists (one per planner paging through, more or less) */
const ORDERS_KEPT = 16;

/**
 * Reads every pin once and keeps the index until a storage event (a pin, area or theme change from any process)
 * marks it stale; sorted lists are kept per filter and order, so paging through 100k pins sorts them once.
 * @example
 * const cache = createResponseIndexCache(store);
 * const { index, order } = await cache.ordered(NO_RESPONSE_FILTER, 'createdAt', 'desc');
 */
export function createResponseIndexCache(store: ConsultationStorage): ResponseIndexCache {
  let built: Promise<ResponseIndex> | null = null;
  let orders = new Map<string, readonly number[]>();
  // WARNING: never unsubscribed, like the catalog's: it lives as long as the consultation's runtime
  store.subscribe(() => {
    built = null;
  });

  function index(): Promise<ResponseIndex> {
    if (built) return built;
    orders = new Map();
    const reading = Promise.all([store.getAreas(), store.getThemes(), store.listPins({ includeHidden: true })]).then(([areas, themes, pins]) =>
      buildResponseIndex(pins, { themes, areas }),
    );
    built = reading;
    // a failed read is tried again by the next request
    reading.catch(() => {
      if (built === reading) built = null;
    });
    return reading;
  }

  return {
    index,
    async ordered(filter, sort, dir) {
      const current = await index();
      const mine = orders;
      const key = JSON.stringify([filter, sort, dir]);
      let order = mine.get(key);
      if (!order) {
        order = sortResponses(current, selectResponses(current, filter), sort, dir);
        if (mine.size >= ORDERS_KEPT) mine.delete(mine.keys().next().value!);
        mine.set(key, order);
      }
      return { index: current, order };
    },
  };
}

const caches = new WeakMap<object, ResponseIndexCache>();

/** one cache per consultation: keyed by its runtime's catalog, which lives as long as the runtime */
export function responseIndexCacheFor(scope: { catalog: object; store: ConsultationStorage }): ResponseIndexCache {
  let cache = caches.get(scope.catalog);
  if (!cache) {
    cache = createResponseIndexCache(scope.store);
    caches.set(scope.catalog, cache);
  }
  return cache;
}
