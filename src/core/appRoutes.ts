// the app's pages and their paths: one consultation's resident map, planner view and touch table, the front page, staff.

/** a consultation's page; `slug` null for the old /planner and /table links, which open the default consultation */
export type ConsultationPage = 'resident' | 'planner' | 'table' | 'privacy';

export type AppRoute =
  | { page: 'front' }
  | { page: ConsultationPage; slug: string | null }
  /** a consultation's community budget: the ballot, or its results */
  | { page: 'budget'; slug: string; results: boolean }
  /** a consultation's public results: what was heard and what happens next */
  | { page: 'results'; slug: string }
  | { page: 'staff' }
  | { page: 'invite'; token: string }
  | { page: 'not-found' };

function decoded(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/**
 * The page a pathname shows (a trailing slash does not matter).
 * @example
 * routeOf('/c/park-2026/planner/') // => { page: 'planner', slug: 'park-2026' }
 * routeOf('/table') // => { page: 'table', slug: null }
 * routeOf('/c/park-2026/privacy') // => { page: 'privacy', slug: 'park-2026' }
 * routeOf('/c/park-2026/results') // => { page: 'results', slug: 'park-2026' }
 * routeOf('/somewhere') // => { page: 'not-found' }
 */
export function routeOf(pathname: string): AppRoute {
  const parts = pathname.split('/').filter((p) => p !== '');
  if (parts.length === 0) return { page: 'front' };
  const [first, second, third, ...rest] = parts;
  if (parts.length === 1 && (first === 'planner' || first === 'table' || first === 'privacy')) return { page: first, slug: null };
  if (parts.length === 1 && first === 'staff') return { page: 'staff' };
  if (parts.length === 2 && first === 'invite') {
    const token = decoded(second!);
    return token ? { page: 'invite', token } : { page: 'not-found' };
  }
  if (first === 'c' && second !== undefined && rest.length === 0) {
    const slug = decoded(second);
    if (!slug) return { page: 'not-found' };
    if (third === undefined) return { page: 'resident', slug };
    if (third === 'planner' || third === 'table' || third === 'privacy') return { page: third, slug };
    if (third === 'results') return { page: 'results', slug };
  }
  if (first === 'c' && second !== undefined && third === 'budget' && (rest.length === 0 || (rest.length === 1 && rest[0] === 'results'))) {
    const slug = decoded(second);
    return slug ? { page: 'budget', slug, results: rest.length === 1 } : { page: 'not-found' };
  }
  return { page: 'not-found' };
}

/**
 * The path of one consultation's page.
 * @example
 * consultationPath('park-2026', 'table') // => '/c/park-2026/table'
 * consultationPath(null, 'planner') // => '/planner' (device-only mode: the bundled demo)
 */
export function consultationPath(slug: string | null, page: ConsultationPage = 'resident'): string {
  if (slug === null) return page === 'resident' ? '/' : `/${page}`;
  const base = `/c/${encodeURIComponent(slug)}`;
  return page === 'resident' ? base : `${base}/${page}`;
}
