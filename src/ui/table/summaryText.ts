// the words of a session summary, translated once and shared by the on-screen summary and its png.
import type { TFunction } from 'i18next';
import type { SessionSummary, SummaryRow, TopItem } from '../../core/sessionSummary.ts';
import type { TableSession } from '../../core/tableSession.ts';

export interface SummaryRowText {
  id: string;
  label: string;
  colour?: string;
  counts: string;
  total: number;
}

/** One kind's block on screen: what was raised most (theme in neighbourhood) and the notes in people's words. */
export interface SummaryKindText {
  heading: string;
  items: string[];
  quotes: { id: string; note: string; where: string }[];
  none: string | null;
}

export interface SummaryText {
  keep: SummaryKindText;
  change: SummaryKindText;
  /** one line each for the short ends: the totals, the first thing to keep, the first to change */
  endLines: string[];
  heading: string;
  subheading: string;
  totals: string;
  byThemeHeading: string;
  byTheme: SummaryRowText[];
  byAreaHeading: string;
  byArea: SummaryRowText[];
  moreAreas: string | null;
  topPrioritiesHeading: string;
  topPriorities: string[];
  topAssetsHeading: string;
  topAssets: string[];
  empty: string | null;
}

export const MAX_AREA_ROWS = 6;

export function summaryText(
  t: TFunction,
  summary: SessionSummary,
  session: TableSession,
  names: { theme(id: string): string; colour(id: string): string | undefined; area(id: string): string },
): SummaryText {
  const row = (r: SummaryRow, label: string, colour?: string): SummaryRowText => ({
    id: r.id,
    label,
    colour,
    total: r.total,
    counts: t('table.summary.rowCounts', { asset: r.asset, priority: r.priority }),
  });
  const top = (item: TopItem) => {
    const line = t('table.summary.topItem', { theme: names.theme(item.theme), area: names.area(item.area), count: item.count });
    return item.notes.length > 0 ? `${line} — “${item.notes.join('”, “')}”` : line;
  };
  const areas = summary.byArea.slice(0, MAX_AREA_ROWS);
  const plain = (item: TopItem) => t('table.summary.topItem', { theme: names.theme(item.theme), area: names.area(item.area), count: item.count });
  const block = (kind: 'asset' | 'priority', heading: string, items: TopItem[]): SummaryKindText => ({
    heading,
    items: items.map(plain),
    quotes: summary.quotes[kind].map((q) => ({ id: q.pinId, note: q.note, where: t('table.heard.quoteWhere', { theme: names.theme(q.theme), area: names.area(q.area) }) })),
    none: items.length === 0 ? t('table.heard.none') : null,
  });
  const totals = t('table.summary.totals', { count: summary.counts.total, asset: summary.counts.asset, priority: summary.counts.priority });
  const firstKeep = summary.topAssets[0];
  const firstChange = summary.topPriorities[0];
  return {
    keep: block('asset', t('table.heard.keep'), summary.topAssets),
    change: block('priority', t('table.heard.change'), summary.topPriorities),
    endLines: [
      `${t('table.summary.heading')}: ${totals}`,
      ...(firstKeep ? [t('table.heard.endKeep', { item: plain(firstKeep) })] : []),
      ...(firstChange ? [t('table.heard.endChange', { item: plain(firstChange) })] : []),
    ],
    heading: t('table.summary.heading'),
    subheading: [session.name, session.place, session.date, session.facilitator].filter(Boolean).join(' · '),
    totals,
    byThemeHeading: t('table.summary.byTheme'),
    byTheme: summary.byTheme.map((r) => row(r, names.theme(r.id), names.colour(r.id))),
    byAreaHeading: t('table.summary.byArea'),
    byArea: areas.map((r) => row(r, names.area(r.id))),
    moreAreas: summary.byArea.length > areas.length ? t('table.summary.moreAreas', { count: summary.byArea.length - areas.length }) : null,
    topPrioritiesHeading: t('table.summary.topPriorities'),
    topPriorities: summary.topPriorities.map(top),
    topAssetsHeading: t('table.summary.topAssets'),
    topAssets: summary.topAssets.map(top),
    empty: summary.counts.total === 0 ? t('table.summary.empty') : null,
  };
}
