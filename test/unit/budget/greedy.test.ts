// greedy by votes on hand-worked instances, its tie order, and its properties on seeded random elections.
import { describe, expect, it } from 'vitest';
import { greedy } from '../../../src/core/budget/greedy.ts';
import type { BudgetElection } from '../../../src/core/budget/election.ts';
import { smallElection } from '../../support/budgetElections.ts';

const election = (budget: number, costs: Record<string, number>, ballots: string[][]): BudgetElection => {
  const ids = Object.keys(costs);
  return { budget, meta: {}, projects: ids.map((id) => ({ id, cost: costs[id]!, name: id })), ballots: ballots.map((b) => b.map((id) => ids.indexOf(id))) };
};

describe('greedy', () => {
  it('funds by approvals, skipping what no longer fits, with rank and running total', () => {
    // approvals: a 3, b 2, c 1, d 0. a (6) fits: 6; b (5) does not fit in the 4 left; c (4) fits: 10; d has no votes
    const outcome = greedy(election(10, { a: 6, b: 5, c: 4, d: 1 }, [['a', 'b'], ['a', 'b'], ['a', 'c']]));
    expect(outcome).toMatchObject({ rule: 'greedy', budget: 10, voters: 3, selected: ['a', 'c'], spent: 10 });
    expect(outcome.projects).toEqual([
      { id: 'a', cost: 6, approvals: 3, rank: 1, funded: true, runningTotal: 6 },
      { id: 'b', cost: 5, approvals: 2, rank: 2, funded: false, runningTotal: 6, skipped: { reason: 'does-not-fit', left: 4 } },
      { id: 'c', cost: 4, approvals: 1, rank: 3, funded: true, runningTotal: 10 },
      { id: 'd', cost: 1, approvals: 0, rank: 4, funded: false, runningTotal: 10, skipped: { reason: 'no-approvals' } },
    ]);
  });

  it('breaks ties in approvals by lower cost, then by id as text ("10" before "9")', () => {
    // all three have 1 vote; x costs 3, "9" and "10" cost 4 each: x first, then "10" < "9" as text; budget 7 fits x and "10"
    const outcome = greedy(election(7, { '9': 4, '10': 4, x: 3 }, [['9', '10', 'x']]));
    expect(outcome.projects.map((p) => p.id)).toEqual(['x', '10', '9']);
    expect(outcome.selected).toEqual(['x', '10']);
  });

  it('never overspends and is exhaustive: no approved, unfunded project fits in what is left (300 seeded elections)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const e = smallElection(seed);
      const outcome = greedy(e);
      expect(outcome.spent).toBeLessThanOrEqual(e.budget);
      const left = e.budget - outcome.spent;
      const fits = outcome.projects.filter((p) => !p.funded && p.approvals > 0 && p.cost <= left);
      expect(fits, `seed ${seed}`).toEqual([]);
      expect(outcome.spent).toBe(outcome.projects.filter((p) => p.funded).reduce((s, p) => s + p.cost, 0));
    }
  });
});
