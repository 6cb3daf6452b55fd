// the short name of a consultation in its URLs (/c/<slug>).

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/;
/** paths the app itself uses, so a consultation cannot shadow them */
const RESERVED = new Set(['api', 'c', 'staff', 'invite', 'planner', 'table', 'assets', 'new']);

/**
 * Why a slug is refused, or null when it is fine: 2–60 characters of a–z, 0–9 and '-', not starting or ending with '-'.
 * @example
 * slugProblem('park-redesign-2026') // => null
 * slugProblem('Park') // => 'slug must be 2-60 characters of a-z, 0-9 and "-", not starting or ending with "-"'
 */
export function slugProblem(slug: string): string | null {
  if (slug.length < 2 || !SLUG_PATTERN.test(slug)) return 'slug must be 2-60 characters of a-z, 0-9 and "-", not starting or ending with "-"';
  if (RESERVED.has(slug)) return `slug "${slug}" is reserved for the app's own pages`;
  return null;
}

/**
 * A slug suggested from a title: lower case, accents dropped, other characters turned into single hyphens.
 * @example
 * slugFromTitle('Parc Ŷr Afon — 2026 plan') // => 'parc-yr-afon-2026-plan'
 */
export function slugFromTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}
