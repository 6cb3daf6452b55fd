// what the public results page says, from what the public API already gives: protected area counts, pins, top pins.
import { overallFromPublished } from '../protectedCounts.ts';
import type { PublishedCount, PublishedCounts } from '../smallCounts.ts';
import { RESPONSE_STATUSES } from '../dialogue/responseStatus.ts';
import type { PinResponse, ResponseStatus } from '../dialogue/responseStatus.ts';

/** one pin as the results page needs it */
export interface ResultsPin {
  id: string;
  title: string;
  response?: PinResponse | undefined;
}

export interface AnsweredGroup {
  status: ResponseStatus;
  pins: { id: string; title: string; text: string; at: string }[];
}

/**
 * Every answered pin grouped by its answer's status, in the order an idea moves through them; newest answer first
 * within a status; statuses with no pin are left out.
 * @example
 * groupAnsweredPins([{ id: 'a', title: 'Bench', response: { status: 'done', text: 'Fitted', at: '2026-05-01T00:00:00Z' } }])
 * // => [{ status: 'done', pins: [{ id: 'a', title: 'Bench', text: 'Fitted', at: '2026-05-01T00:00:00Z' }] }]
 */
export function groupAnsweredPins(pins: readonly ResultsPin[]): AnsweredGroup[] {
  const groups = new Map<ResponseStatus, AnsweredGroup['pins']>();
  for (const pin of pins) {
    const r = pin.response;
    if (!r || !RESPONSE_STATUSES.includes(r.status)) continue;
    const list = groups.get(r.status) ?? [];
    list.push({ id: pin.id, title: pin.title, text: r.text, at: r.at });
    groups.set(r.status, list);
  }
  return RESPONSE_STATUSES.filter((s) => groups.has(s)).map((status) => ({
    status,
    pins: groups.get(status)!.sort((a, b) => b.at.localeCompare(a.at) || a.id.localeCompare(b.id)),
  }));
}

export interface ThemeRow {
  theme: string;
  asset: PublishedCount;
  priority: PublishedCount;
}

/**
 * Counts by theme over the whole consultation, from the areas' published (protected) counts alone, so a figure the
 * areas hide stays hidden ("at least n" where some parts are hidden). Pins in no area are not in it.
 * @example
 * themeTotals([{ total: 6, asset: 6, priority: 0, byTheme: { green: { asset: 6, priority: 0 } } }])
 * // => [{ theme: 'green', asset: 6, priority: 0 }]
 */
export function themeTotals(areaCounts: readonly PublishedCounts[]): ThemeRow[] {
  const overall = overallFromPublished(areaCounts);
  return Object.entries(overall.byTheme).map(([theme, c]) => ({ theme, asset: c.asset, priority: c.priority }));
}

/**
 * The whole consultation's totals from the areas' published counts (hidden parts make "at least n").
 * @example
 * overallTotals([{ total: 6, asset: 6, priority: 0, byTheme: {} }]).total // => 6
 */
export function overallTotals(areaCounts: readonly PublishedCounts[]): PublishedCounts {
  return overallFromPublished(areaCounts);
}

export interface SupportedPin {
  title: string;
  theme: string;
  supports: number;
}

/**
 * The most supported pins to show: only those someone supported, most first, at most `n`.
 * @example
 * mostSupported([{ title: 'A', theme: 'g', supports: 0 }, { title: 'B', theme: 'g', supports: 3 }], 5) // => [{ title: 'B', theme: 'g', supports: 3 }]
 */
export function mostSupported(pins: readonly SupportedPin[], n: number): SupportedPin[] {
  return pins.filter((p) => p.supports > 0).sort((a, b) => b.supports - a.supports || a.title.localeCompare(b.title)).slice(0, n);
}
