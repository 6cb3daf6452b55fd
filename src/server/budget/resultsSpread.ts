// the spread of a counted budget vote over the consultation's areas, both rules, as the asking caller may see it.
import { budgetSpread } from '../../core/budget/budgetSpread.ts';
import type { BudgetResults } from '../../core/budget/budgetResults.ts';
import type { BudgetProjectRecord } from '../../core/budget/budgetWire.ts';
import { protectSpread, rawSpread } from '../../core/budget/protectSpread.ts';
import type { ResultsSpread } from '../../core/budget/protectSpread.ts';
import { storedSettings } from '../../core/consultations/settings.ts';
import type { Scope } from '../serverContext.ts';

/**
 * Money per area and per resident and the share of voters with a funded project, for both rules. A device's voter
 * area is where most of its pins are (storage `listVoterAreas`); voter codes and imported ballots have none.
 * @example
 * const spread = await resultsSpread(request.scope, results, projects, ballots); spread.greedy.areas[0].funded
 */
export async function resultsSpread(scope: Scope, results: BudgetResults, projects: readonly BudgetProjectRecord[], ballots: readonly (readonly string[])[]): Promise<ResultsSpread> {
  const settings = storedSettings(scope.consultation.settings);
  // WARNING: read after the ballots, so a ballot cast in between adds an area at the end (ballots are listed oldest
  // first and only ever added to or changed in place there): the first ballots.length line up
  const input = { projects, areas: await scope.catalog.areas(), ballots, voterAreas: await scope.store.budget().listVoterAreas() };
  const options = { populationProperty: settings.populationProperty };
  const staff = scope.role !== null;
  const publish = (selected: readonly string[]) => {
    const spread = budgetSpread(selected, input, options);
    return staff ? rawSpread(spread) : protectSpread(spread, settings.minCount);
  };
  return {
    greedy: publish(results.greedy.selected),
    equalShares: publish(results.equalShares.selected),
    minCount: staff ? null : settings.minCount,
    populationProperty: settings.populationProperty ?? null,
  };
}
