// what makes a ballot valid for a budget (known projects, each once, within the amount and the min/max), and whether voting is open.
import type { BudgetProjectRecord, BudgetSettings } from './budgetWire.ts';

export type BallotProblem =
  | { rule: 'unknown-project'; id: string }
  | { rule: 'duplicate-project'; id: string }
  | { rule: 'over-budget'; spent: number; amount: number }
  | { rule: 'too-few-projects'; count: number; min: number }
  | { rule: 'too-many-projects'; count: number; max: number };

/**
 * The first rule a ballot breaks, or null when it is fine; the cost is summed exactly (whole units).
 * @example
 * checkBallot({ amount: 10, minProjects: null, maxProjects: null }, [{ id: 'a', cost: 6 }, { id: 'b', cost: 5 }], ['a', 'b'])
 * // => { rule: 'over-budget', spent: 11, amount: 10 }
 */
export function checkBallot(
  settings: Pick<BudgetSettings, 'amount' | 'minProjects' | 'maxProjects'>,
  projects: readonly Pick<BudgetProjectRecord, 'id' | 'cost'>[],
  chosen: readonly string[],
): BallotProblem | null {
  const costs = new Map(projects.map((p) => [p.id, p.cost]));
  const seen = new Set<string>();
  let spent = 0;
  for (const id of chosen) {
    const cost = costs.get(id);
    if (cost === undefined) return { rule: 'unknown-project', id };
    if (seen.has(id)) return { rule: 'duplicate-project', id };
    seen.add(id);
    spent += cost;
  }
  if (spent > settings.amount) return { rule: 'over-budget', spent, amount: settings.amount };
  // an empty ballot is a withdrawal of one's vote, allowed whatever the minimum
  if (chosen.length > 0 && settings.minProjects !== null && chosen.length < settings.minProjects) return { rule: 'too-few-projects', count: chosen.length, min: settings.minProjects };
  if (settings.maxProjects !== null && chosen.length > settings.maxProjects) return { rule: 'too-many-projects', count: chosen.length, max: settings.maxProjects };
  return null;
}

export type VotingState = 'not-yet-open' | 'open' | 'closed';

/**
 * Where voting stands at `now` (ms) by the budget's dates and the consultation's status in force.
 * @example
 * votingState({ opensAt: '2026-01-01T00:00:00Z', closesAt: null }, 'open', Date.parse('2025-12-31T00:00:00Z')) // => 'not-yet-open'
 */
export function votingState(settings: Pick<BudgetSettings, 'opensAt' | 'closesAt'>, consultationStatus: string, now: number): VotingState {
  if (settings.closesAt !== null && now >= Date.parse(settings.closesAt)) return 'closed';
  if (consultationStatus === 'closed' || consultationStatus === 'archived') return 'closed';
  if (consultationStatus !== 'open') return 'not-yet-open';
  if (settings.opensAt !== null && now < Date.parse(settings.opensAt)) return 'not-yet-open';
  return 'open';
}
