// the response explorer's state: its query (filters, sort, page), the rows on show, the selected pin; actions named as events.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ResponsePage, ResponseRow } from '../core/responses/responseIndex.ts';
import { DEFAULT_RESPONSE_QUERY } from '../core/responses/responseQuery.ts';
import type { ResponseFilter, ResponseQuery, ResponseSortKey } from '../core/responses/responseQuery.ts';
import type { ResponseFileFormat, ResponseFile, ResponseSource } from '../persistence/responseExplorer/responseSource.ts';

export interface ResponseExplorerState {
  source: ResponseSource | null;
  query: ResponseQuery;
  status: 'idle' | 'loading' | 'ready' | 'failed';
  page: ResponsePage | null;
  /** why the last page could not be read, and the server's code (e.g. 'sign-in-required') */
  problem: { message: string; code: string } | null;
  /** the pin picked in the table or on the map, with its row (kept when it leaves the page) */
  selected: ResponseRow | null;
  /** counts each request to show a pin on the map, so choosing the same pin again flies to it again */
  flyRequest: number;

  sourceChosen(source: ResponseSource | null): void;
  filterChanged(changes: Partial<ResponseFilter>): void;
  sortChosen(key: ResponseSortKey): void;
  pageChosen(offset: number): void;
  pageSizeChosen(limit: number): void;
  /** from the table (fly to it on the map) or from the map (`fly: false`) */
  pinSelected(row: ResponseRow | null, options?: { fly?: boolean }): void;
  /** the pins may have changed (live events, moderation): the same page is read again */
  refreshed(): Promise<void>;
  exportRequested(format: ResponseFileFormat): Promise<ResponseFile>;
  pinModerated(id: string, action: 'hide' | 'restore', reason: string): Promise<void>;
}

export type ResponseExplorerStore = StoreApi<ResponseExplorerState>;

const problemOf = (error: unknown) => ({
  message: error instanceof Error ? error.message : String(error),
  code: typeof (error as { code?: unknown } | null)?.code === 'string' ? (error as { code: string }).code : 'unexpected',
});

/**
 * The explorer's store; pages are read from its source, so nothing is filtered here.
 * @example
 * const explorer = createResponseExplorerStore();
 * explorer.getState().sourceChosen(createHttpResponseSource(api));
 * explorer.getState().filterChanged({ kind: 'priority' }); // reads the first page of priorities
 */
export function createResponseExplorerStore(): ResponseExplorerStore {
  let seq = 0;
  return createStore<ResponseExplorerState>()((set, get) => {
    async function load(query: ResponseQuery): Promise<void> {
      const { source } = get();
      set({ query });
      if (!source) return;
      const mine = ++seq;
      set({ status: 'loading' });
      try {
        const page = await source.page(query);
        if (mine !== seq) return;
        // a filter that shrank the list past this page goes back to the last page there is
        if (page.rows.length === 0 && page.total > 0 && query.offset > 0) {
          await load({ ...query, offset: Math.floor((page.total - 1) / query.limit) * query.limit });
          return;
        }
        set({ status: 'ready', page, problem: null });
      } catch (error) {
        if (mine === seq) set({ status: 'failed', problem: problemOf(error) });
      }
    }

    return {
      source: null,
      query: DEFAULT_RESPONSE_QUERY,
      status: 'idle',
      page: null,
      problem: null,
      selected: null,
      flyRequest: 0,
      sourceChosen(source) {
        set({ source, page: null, selected: null, problem: null, status: 'idle' });
        void load(get().query);
      },
      filterChanged(changes) {
        void load({ ...get().query, ...changes, offset: 0 });
      },
      sortChosen(key) {
        const { query } = get();
        // a new column starts with what a planner wants first: newest, most supported, A to Z
        const dir = query.sort === key ? (query.dir === 'asc' ? 'desc' : 'asc') : key === 'createdAt' || key === 'supports' ? 'desc' : 'asc';
        void load({ ...query, sort: key, dir, offset: 0 });
      },
      pageChosen(offset) {
        void load({ ...get().query, offset: Math.max(0, offset) });
      },
      pageSizeChosen(limit) {
        void load({ ...get().query, limit, offset: 0 });
      },
      pinSelected(row, options = {}) {
        set((s) => ({ selected: row, flyRequest: row && options.fly !== false ? s.flyRequest + 1 : s.flyRequest }));
      },
      refreshed() {
        return load(get().query);
      },
      async exportRequested(format) {
        const { source, query } = get();
        if (!source) throw new Error('The responses are not loaded yet.');
        return source.exportFile(query, format);
      },
      async pinModerated(id, action, reason) {
        const { source } = get();
        if (!source?.moderate) throw new Error('Moderation needs the Coplan server.');
        await source.moderate(id, action, reason);
        const { selected } = get();
        if (selected?.id === id) set({ selected: { ...selected, hidden: action === 'hide', hiddenReason: action === 'hide' ? reason : null } });
        await load(get().query);
      },
    };
  });
}
