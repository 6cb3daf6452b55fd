// planner-chosen quotes: a pin's words featured on the results page, on the pin's own row; only visible pins are shown.
import type { Executor } from '../db/database.ts';
import type { StorageDialect } from '../db/storageDialect.ts';
import type { FeaturedQuote } from '../dialogue.ts';
import { writeAudit } from './audit.ts';

/** features (or un-features) a visible pin's words, audited; what stopped it otherwise */
export async function setQuote(x: Executor, consultationId: string, pinId: string, q: { featured: boolean; actor: string; at: string }): Promise<'ok' | 'pin-not-found' | 'pin-hidden'> {
  const pin = await x.selectFrom('pins').select(['hidden']).where('id', '=', pinId).where('consultation_id', '=', consultationId).executeTakeFirst();
  if (!pin) return 'pin-not-found';
  // a hidden pin's words are not public: it cannot be featured (un-featuring it is always allowed)
  if (q.featured && Boolean(pin.hidden)) return 'pin-hidden';
  await x.updateTable('pins').set({ quote_featured_at: q.featured ? q.at : null }).where('id', '=', pinId).where('consultation_id', '=', consultationId).execute();
  await writeAudit(x, { consultationId, at: q.at, actor: q.actor, action: q.featured ? 'feature-quote' : 'unfeature-quote', pinId });
  return 'ok';
}

/** the featured words of visible pins, in the order they were featured: the note, else the title */
export async function featuredQuotes(dialect: StorageDialect, consultationId: string): Promise<FeaturedQuote[]> {
  const rows = await dialect.db.selectFrom('pins').select(['id', 'title', 'note', 'theme', 'kind', 'quote_featured_at'])
    .where('consultation_id', '=', consultationId).where('hidden', '=', dialect.bool(false)).where('quote_featured_at', 'is not', null)
    .orderBy('quote_featured_at').orderBy('id').execute();
  return rows.map((r) => ({ pinId: r.id, text: r.note?.trim() ? r.note : r.title, theme: r.theme, kind: r.kind as FeaturedQuote['kind'], featuredAt: r.quote_featured_at! }));
}
