// published (small-count protected) figures as text for tables and charts: a hidden figure always says why in words.
import type { TFunction } from 'i18next';
import type { PublishedCount, SuppressedCount } from '../../core/smallCounts.ts';

type Shown = PublishedCount | number | null | SuppressedCount;

/** The short form for cells and bars: the number, "<k hidden", "hidden" or "≥n" (translated; explained by describePublished). */
export function formatPublished(t: TFunction, c: Shown, digits = 0): string {
  if (c === null) return '–';
  if (typeof c === 'number') return digits ? c.toFixed(digits) : c.toLocaleString('en');
  if (c.lessThan !== undefined) return t('privacy.short.fewerThan', { k: c.lessThan });
  return c.atLeast !== undefined ? t('privacy.short.atLeast', { n: c.atLeast.toLocaleString('en') }) : t('privacy.short.withheld');
}

/** The long form for titles, screen readers and notes: "fewer than 5 — hidden to protect privacy". */
export function describePublished(t: TFunction, c: Shown, digits = 0): string {
  if (c === null) return t('planner.value.none');
  if (typeof c === 'number') return formatPublished(t, c, digits);
  if (c.lessThan !== undefined) return t('privacy.hidden.fewerThan', { k: c.lessThan });
  return c.atLeast !== undefined ? t('privacy.hidden.atLeast', { n: c.atLeast.toLocaleString('en') }) : t('privacy.hidden.withheld');
}

/** One sentence per kind of hidden figure among `shown`, to print beside them (nothing when none is hidden). */
export function hiddenFigureNotes(t: TFunction, shown: readonly Shown[]): string[] {
  const notes = new Map<string, string>();
  for (const c of shown) {
    if (c === null || typeof c === 'number') continue;
    const short = formatPublished(t, c);
    const key = c.lessThan !== undefined ? `lt${c.lessThan}` : c.atLeast !== undefined ? 'atLeast' : 'withheld';
    const long = c.atLeast !== undefined ? t('privacy.note.atLeast') : describePublished(t, c);
    if (!notes.has(key)) notes.set(key, c.atLeast !== undefined ? long : t('privacy.note.line', { short, long }));
  }
  return [...notes.values()];
}

/** A number from a published figure for bar lengths: withheld figures draw no bar, "at least n" draws n. */
export function barValue(c: PublishedCount): number {
  if (typeof c === 'number') return c;
  return c.atLeast ?? 0;
}
