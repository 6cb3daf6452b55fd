// the spread of the funded money as the public sees it: voter figures of small groups withheld, money always shown.
import { suppressPartition } from '../protectedCounts.ts';
import { isSuppressed, suppressCount } from '../smallCounts.ts';
import type { PublishedCount, SuppressedCount } from '../smallCounts.ts';
import type { AreaSpread, BudgetSpread } from './budgetSpread.ts';

export interface PublishedAreaSpread extends Omit<AreaSpread, 'voters' | 'votersWithFunded' | 'share'> {
  voters: PublishedCount;
  /** withheld when the area's voters, those with a funded project or those without one are 1 to k-1 */
  share: number | null | SuppressedCount;
}

export interface PublishedSpread extends Omit<BudgetSpread, 'areas' | 'votersWithFunded' | 'share' | 'votersWithoutArea'> {
  areas: PublishedAreaSpread[];
  share: number | null | SuppressedCount;
}

/** what `GET …/budget/results` adds as `spread`: both rules' spread as the asking caller may see it */
export interface ResultsSpread {
  greedy: PublishedSpread;
  equalShares: PublishedSpread;
  /** the k small groups of voters are withheld under; null for staff, who see the figures as they are */
  minCount: number | null;
  populationProperty: string | null;
}

/** a share is withheld when either side of it is a small group: a share of 100% of 3 voters says what each chose */
function publishShare(yes: number, all: number, k: number, hidden: boolean): number | null | SuppressedCount {
  if (all === 0) return null;
  if (hidden || isSuppressed(suppressCount(yes, k)) || isSuppressed(suppressCount(all - yes, k))) return { suppressed: true };
  return yes / all;
}

/**
 * Small-count protection for a {@link BudgetSpread}: the voters per area are parts of the published total (with the
 * voters of unknown area as one more, unpublished, part), so they go through `suppressPartition`; a share is shown
 * only where its area's count is and both groups it divides are 0 or at least k. Money and population are not counts
 * of people and stay. Only the share is published, not the count with a funded project, so nothing is recovered by
 * subtraction. k <= 1 withholds nothing.
 * @example
 * protectSpread(spread, 5).areas[0].share // => { suppressed: true } where 3 of the area's 4 voters got a project
 */
export function protectSpread(spread: BudgetSpread, k: number): PublishedSpread {
  const parts = suppressPartition([...spread.areas.map((a) => a.voters), spread.votersWithoutArea], k);
  const areas = spread.areas.map(({ votersWithFunded, share: _share, ...area }, i): PublishedAreaSpread => {
    const voters = parts[i]!;
    return { ...area, voters, share: publishShare(votersWithFunded, area.voters, k, isSuppressed(voters)) };
  });
  return { areas, unplaced: spread.unplaced, voters: spread.voters, share: publishShare(spread.votersWithFunded, spread.voters, k, false) };
}

/**
 * The raw spread in the published shape, for staff (nothing withheld).
 * @example
 * rawSpread(spread).areas[0].voters // => 4
 */
export function rawSpread(spread: BudgetSpread): PublishedSpread {
  const areas = spread.areas.map(({ votersWithFunded: _v, ...area }) => area);
  return { areas, unplaced: spread.unplaced, voters: spread.voters, share: spread.share };
}
