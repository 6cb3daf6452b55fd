// who is being heard: contributions per 1,000 residents of each area, from a population property planners choose.

/** An area's population from its property: a positive finite number, or digits (with thousands commas) as text. */
export function populationOf(properties: Record<string, unknown> | null | undefined, property: string): number | null {
  const raw = properties?.[property];
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*\d[\d,]*(\.\d+)?\s*$/.test(raw) ? Number(raw.replace(/[,\s]/g, '')) : NaN;
  return Number.isFinite(value) && value > 0 ? value : null;
}

export interface AreaRate {
  /** contributions per 1,000 residents, one decimal; null where the population is missing or zero, or the count is withheld */
  perThousand: number | null;
  /** far below the consultation's rate (under half of it): where outreach should go */
  quiet: boolean;
}

export interface ContributionRates {
  areas: AreaRate[];
  /** the consultation's own rate over the areas that have a population; null when none has one */
  perThousand: number | null;
}

/** An area counts as quiet under this share of the consultation's rate. */
export const QUIET_SHARE = 0.5;

const perThousand = (count: number, population: number) => Math.round((count / population) * 10_000) / 10;

/**
 * Rates per 1,000 residents from raw per-area totals. `withheld[i]` marks an area whose count small-count protection
 * hides: its rate is withheld too (with the population it would give the count back), but it can still be quiet,
 * which says only that the count is low, never what it is.
 * @example
 * contributionRates([10, 1], [{ pop: 1000 }, { pop: 2000 }], 'pop').areas // => [{ perThousand: 10, quiet: false }, { perThousand: 0.5, quiet: true }]
 * contributionRates([3], [{ pop: 0 }], 'pop').areas[0].perThousand // => null
 */
export function contributionRates(totals: readonly number[], properties: readonly (Record<string, unknown> | null | undefined)[], property: string, withheld: readonly boolean[] = []): ContributionRates {
  const populations = properties.map((p) => populationOf(p, property));
  let counted = 0;
  let people = 0;
  populations.forEach((population, i) => {
    if (population === null) return;
    counted += totals[i] ?? 0;
    people += population;
  });
  const overall = people > 0 ? perThousand(counted, people) : null;
  const areas = populations.map((population, i): AreaRate => {
    if (population === null) return { perThousand: null, quiet: false };
    const rate = perThousand(totals[i] ?? 0, population);
    return { perThousand: withheld[i] ? null : rate, quiet: overall !== null && overall > 0 && rate < QUIET_SHARE * overall };
  });
  return { areas, perThousand: overall };
}
