// published (small-count protected) figures as short text for tables and charts.
import type { TFunction } from 'i18next';
import type { PublishedCount, SuppressedCount } from '../../core/smallCounts.ts';

/** "<k" for fewer than k, "·" for withheld, else the number (formatted). */
export function formatPublished(c: PublishedCount | number | null | SuppressedCount, digits = 0): string {
  if (c === null) return '–';
  if (typeof c === 'number') return digits ? c.toFixed(digits) : c.toLocaleString('en');
  return c.lessThan !== undefined ? `<${c.lessThan}` : '·';
}

/** The long form for screen readers and titles. */
export function describePublished(t: TFunction, c: PublishedCount | number | null | SuppressedCount, digits = 0): string {
  if (c === null) return t('planner.value.none');
  if (typeof c === 'number') return formatPublished(c, digits);
  return c.lessThan !== undefined ? t('planner.value.fewerThan', { k: c.lessThan }) : t('planner.value.withheld');
}

/** A number from a published figure for bar lengths: withheld figures draw no bar. */
export function barValue(c: PublishedCount): number {
  return typeof c === 'number' ? c : 0;
}
