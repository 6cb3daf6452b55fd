// what an exported file says about itself: which consultation, which pins, which counts, whose boundaries.

export const EXPORT_SOURCE = 'Coplan: places residents pinned on the consultation map; pins hidden by moderation are left out';
/** the source line of the response explorer's files */
export const RESPONSES_EXPORT_SOURCE = `${EXPORT_SOURCE}; the response explorer's filters applied`;

export interface ExportProvenance {
  consultation: { slug: string; title: string };
  /** what the file holds, e.g. 'areas' or 'pins' */
  layer: string;
  /** the filters applied (null: not filtered by it) */
  filters: {
    kind: string | null;
    themes: readonly string[] | null;
    sessions: readonly string[] | null;
    /** the response explorer's own filters, stated only when the file came from it */
    area?: string | null;
    text?: string | null;
  };
  /** created at or after `from` and before `to`, ISO 8601; null: open-ended */
  dateRange: { from: string | null; to: string | null };
  /** how many pins the figures cover, or null where stating it would reveal a hidden count */
  pins: number | null;
  counts: 'raw' | 'protected';
  /** the small-count k: counts from 1 to minCount−1 are hidden in protected files (0 or 1: none are) */
  minCount: number;
  exportedAt: string;
  source: string;
  /** the boundary data's copyright line (the consultation setting), or null where none is set */
  boundaryCopyright: string | null;
}

function list(values: readonly string[] | null, none: string): string {
  return values === null ? none : values.map((v) => (v === '' ? '(online)' : v)).join(', ');
}

function explorerFilters(f: ExportProvenance['filters']): string {
  const parts: string[] = [];
  if (f.area !== undefined) parts.push(`area ${f.area ?? 'all'}`);
  if (f.text !== undefined) parts.push(`text ${f.text ? JSON.stringify(f.text) : 'none'}`);
  return parts.map((part) => `; ${part}`).join('');
}

/**
 * A caption in plain text (one fact a line) to paste under a figure or table in a report; nothing in it is markup.
 * @example
 * exportCaption(provenance).split('\n')[0] // => 'Consultation: Riverside plan (riverside)'
 */
export function exportCaption(p: ExportProvenance): string {
  const { from, to } = p.dateRange;
  const dates = from === null && to === null ? 'all dates' : `${from ?? 'the start'} to before ${to ?? 'the export'}`;
  const counts =
    p.counts === 'raw' || p.minCount <= 1
      ? 'raw counts (not protected: not for publication)'
      : `protected: counts from 1 to ${p.minCount - 1} and counts that would reveal them are hidden (empty, with <column>_hidden true)`;
  return [
    `Consultation: ${p.consultation.title} (${p.consultation.slug})`,
    `Layer: ${p.layer}`,
    `Filters: kind ${p.filters.kind ?? 'all'}; themes ${list(p.filters.themes, 'all')}; sessions ${list(p.filters.sessions, 'all')}${explorerFilters(p.filters)}`,
    `Dates: ${dates}`,
    `Pins covered: ${p.pins === null ? 'not stated (it would reveal a hidden count)' : p.pins}`,
    `Counts: ${counts}`,
    `Source: ${p.source}`,
    `Boundaries: ${p.boundaryCopyright ?? 'no copyright line set for this consultation'}`,
    `Exported: ${p.exportedAt}`,
  ].join('\n') + '\n';
}

/**
 * A download's file name that says what it is: consultation, content and day (`counts` only when raw, so a raw file
 * is never mistaken for a publishable one). Slugs are already file-name safe.
 * @example
 * exportFileName('riverside', 'areas', '2026-12-01T10:00:00.000Z', 'csv', 'raw') // => 'coplan-riverside-areas-raw-2026-12-01.csv'
 */
export function exportFileName(slug: string, what: string, exportedAt: string, ext: string, counts: 'raw' | 'protected' = 'protected'): string {
  return `coplan-${slug}-${what}${counts === 'raw' ? '-raw' : ''}-${exportedAt.slice(0, 10)}.${ext}`;
}
