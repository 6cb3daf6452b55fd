// a fetch that talks to an in-process fastify app through app.inject, with a cookie jar and hooks to simulate a bad network.
import type { FastifyInstance } from 'fastify';

export interface InjectFetch {
  fetch: typeof fetch;
  /** every request seen, as "METHOD /path" */
  calls: string[];
  /** while true every request fails before reaching the server, like being offline */
  offline: boolean;
  /** the next request matching is processed by the server, but its answer is lost on the way back */
  loseNextAnswer(match: (method: string, path: string) => boolean): void;
}

export function createInjectFetch(app: FastifyInstance): InjectFetch {
  const cookies = new Map<string, string>();
  let loseNext: ((method: string, path: string) => boolean) | null = null;
  const state: InjectFetch = {
    calls: [],
    offline: false,
    loseNextAnswer(match) {
      loseNext = match;
    },
    fetch: async (input, init = {}) => {
      const url = new URL(String(input), 'http://coplan.test');
      const method = (init.method ?? 'GET').toUpperCase();
      state.calls.push(`${method} ${url.pathname}`);
      if (state.offline) throw new TypeError('Failed to fetch');
      const headers: Record<string, string> = { ...(init.headers as Record<string, string>) };
      if (cookies.size) headers.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      const res = await app.inject({ method: method as 'GET', url: url.pathname + url.search, headers, ...(init.body ? { payload: String(init.body) } : {}) });
      const setCookie = res.headers['set-cookie'];
      for (const line of ([] as string[]).concat(setCookie ?? [])) {
        const [pair] = line.split(';');
        const [name, ...value] = pair!.split('=');
        if (/Max-Age=0/.test(line)) cookies.delete(name!);
        else cookies.set(name!, value.join('='));
      }
      if (loseNext?.(method, url.pathname)) {
        loseNext = null;
        throw new TypeError('network connection was lost');
      }
      const responseHeaders = new Headers();
      for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') responseHeaders.set(k, v);
      return new Response(res.statusCode === 204 ? null : res.body, { status: res.statusCode, headers: responseHeaders });
    },
  };
  return state;
}
