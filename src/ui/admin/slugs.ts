// a consultation's address as the server takes it: checked and suggested here before anything is sent.

export const TEMPLATE_FORMAT = 'coplan-consultation-template';
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])$/;

/** why the server would refuse this slug ('pattern'), or null when it takes it */
export function slugProblem(slug: string): 'pattern' | null {
  return SLUG.test(slug) ? null : 'pattern';
}

/** lower case, accents dropped, everything else one hyphen, at most 60 characters */
export function suggestSlug(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}
