// the Method of Equal Shares with add1 on instances worked out by hand (the arithmetic is in the comments), both implementations.
import { describe, expect, it } from 'vitest';
import { equalShares } from '../../../src/core/budget/equalShares.ts';
import { equalSharesReference } from '../../../src/core/budget/equalSharesReference.ts';
import { preferProject } from '../../../src/core/budget/equalSharesRules.ts';
import { greedy } from '../../../src/core/budget/greedy.ts';
import type { BudgetElection } from '../../../src/core/budget/election.ts';

const election = (budget: number, costs: Record<string, number>, ballots: string[][]): BudgetElection => {
  const ids = Object.keys(costs);
  return { budget, meta: {}, projects: ids.map((id) => ({ id, cost: costs[id]!, name: id })), ballots: ballots.map((b) => b.map((id) => ids.indexOf(id))) };
};

for (const [name, count] of [['equalShares', equalShares], ['equalSharesReference', equalSharesReference]] as const) {
  describe(name, () => {
    it('51 red and 49 blue voters get 5 red and 5 blue projects, where greedy gives the majority all 10 (Peters & Skowron\'s example)', () => {
      // 100 voters, 10 red projects approved by voters 1-51, 10 blue by 52-100, each costing 100, budget 1000.
      // share 10: red costs its voters 100/51 = 1.96 each, blue 100/49 = 2.04, so reds go first: after 5 reds a red
      // voter holds 10 - 5 × 1.96 = 0.196, and the 51 of them hold 10 < 100; blues: after 4 a blue voter holds
      // 10 - 4 × 2.04 = 1.84 and the 49 hold 90 < 100. 5 red + 4 blue = 900, not every project, so add1:
      // share 11: 5 reds (11 - 9.80 = 1.196 left, 61 in all < 100), 5 blues (after 4: 11 - 8.16 = 2.84 ≥ 2.04) = 1000, fits.
      // share 12: a 6th red fits (12 - 9.80 = 2.196 ≥ 1.96), 1100 > 1000: stop. Kept: share 11, one add1 step.
      const costs: Record<string, number> = {};
      for (let i = 1; i <= 10; i++) costs[`red-${String(i).padStart(2, '0')}`] = costs[`blue-${String(i).padStart(2, '0')}`] = 100;
      const reds = Object.keys(costs).filter((id) => id.startsWith('red'));
      const blues = Object.keys(costs).filter((id) => id.startsWith('blue'));
      const e = election(1000, costs, [...Array.from({ length: 51 }, () => reds), ...Array.from({ length: 49 }, () => blues)]);
      const outcome = count(e);
      expect(outcome.selected).toEqual([...reds.slice(0, 5), ...blues.slice(0, 5)]);
      expect(outcome).toMatchObject({ spent: 1000, perVoter: 11, add1Steps: 1, voters: 100 });
      const red = outcome.projects.find((p) => p.id === 'red-01')!;
      expect(red).toMatchObject({ funded: true, order: 1, payers: 51 });
      expect(red.maxPayment).toBeCloseTo(100 / 51, 12);
      expect(red.paid).toBeCloseTo(100, 9);
      expect(outcome.projects.find((p) => p.id === 'red-06')).toMatchObject({ funded: false, approvals: 51 });
      // what red-06 lacked: 100 minus the 51 × (11 - 5 × 100/51) = 61 its voters still hold
      expect(outcome.projects.find((p) => p.id === 'red-06')!.lacked).toBeCloseTo(39, 9);
      expect(greedy(e).selected).toEqual(reds);
    });

    it('does not stop at the first exhaustive outcome', () => {
      // budget 13, 3 voters: v1 {b, d}, v2 {a, c}, v3 {b, c}; a 6, b 7, c 4, d 4.
      // share 13/3 = 4.33: c costs v2, v3 2 each (the smallest); then b would need v3's 2.33 and 4.67 from v1 > 4.33,
      // so d (4, v1 alone); a needs 6 from v2's 2.33. {c, d} = 8: exhaustive (5 left, a and b cost more), where
      // pabutools' add1 stops. Not every approved project is funded, so on: share 5.33: c (2 each, v2 v3 keep 3.33),
      // then b: v3 pays her 3.33 and v1 3.67 (max payment 3.67 < d's 4); d and a are out of reach: {c, b} = 11 fits.
      // shares 6.33 and 7.33 give {c, b} again; share 8.33: c, b (3.5 each), d (v1 has 4.83), a (v2 has 6.33) = 21 > 13.
      // Kept: share 7.33, after 3 steps, {c, b}.
      const outcome = count(election(13, { a: 6, b: 7, c: 4, d: 4 }, [['b', 'd'], ['a', 'c'], ['b', 'c']]));
      expect(outcome.selected).toEqual(['c', 'b']);
      expect(outcome.add1Steps).toBe(3);
      expect(outcome.perVoter).toBeCloseTo(13 / 3 + 3, 12);
      expect(outcome.spent).toBe(11);
    });

    it('stops as soon as every approved project is funded, and never funds one nobody approved', () => {
      // share 10/2 = 5: a (4, both voters: 2 each) and b (3, v2: 3) fit, 7 of 10; c has no approver: no add1 step
      const outcome = count(election(10, { a: 4, b: 3, c: 1 }, [['a'], ['a', 'b']]));
      expect(outcome).toMatchObject({ selected: ['a', 'b'], spent: 7, add1Steps: 0, perVoter: 5 });
      expect(outcome.projects[2]).toMatchObject({ id: 'c', funded: false, approvals: 0, lacked: 0 });
    });

    it('breaks ties in the maximal payment by lower cost, then by id as text', () => {
      // share 12/4 = 3; v1 {"10", "9"}, v2 and v3 {p, q}, v4 {p}. Round 1: p 6/3, q 4/2, "9" 2/1, "10" 2/1: all 2 each.
      // lower cost first ("9", "10": 2), then id as text: "10" before "9"; v1 keeps 1. Round 2: "9" is out of reach
      // (v1's 1 < 2); p and q both 2 each: q, the cheaper; v2, v3 keep 1. Round 3: p: v2 and v3 pay their 1, v4 would
      // need 4 > 3: out of reach. {"10", q} = 6. add1, share 4: "10", "9" (v1's 2 left: 2 each, before q by cost), q, p
      // all funded = 14 > 12: stop. Kept: share 3; "9" lacked 2 - 1 = 1.
      const outcome = count(election(12, { p: 6, q: 4, '9': 2, '10': 2 }, [['10', '9'], ['p', 'q'], ['p', 'q'], ['p']]));
      expect(outcome.selected).toEqual(['10', 'q']);
      expect(outcome.add1Steps).toBe(0);
      expect(outcome.projects.find((p) => p.id === '9')).toMatchObject({ funded: false, lacked: 1 });
    });

    it('funds every project when all of them fit the budget', () => {
      const outcome = count(election(100, { a: 30, b: 20, c: 50 }, [['a'], ['b', 'c'], ['c']]));
      expect([...outcome.selected].sort()).toEqual(['a', 'b', 'c']);
      expect(outcome.spent).toBe(100);
    });

    it('funds a free project first and an election without voters funds nothing', () => {
      expect(count(election(10, { a: 5, z: 0 }, [['a', 'z'], ['a']])).selected).toEqual(['z', 'a']);
      expect(count(election(10, { a: 5 }, [])).selected).toEqual([]);
    });
  });
}

describe('preferProject', () => {
  it('orders by maximal payment, then lower cost, then more approvals, then id as text', () => {
    const base = { rho: 2, cost: 4, approvals: 3, id: 'b' };
    expect(preferProject({ ...base, rho: 1.5 }, base)).toBeLessThan(0);
    expect(preferProject({ ...base, cost: 3 }, base)).toBeLessThan(0);
    expect(preferProject({ ...base, approvals: 4 }, base)).toBeLessThan(0);
    expect(preferProject({ ...base, id: 'a' }, base)).toBeLessThan(0);
    expect(preferProject({ ...base, id: '10' }, { ...base, id: '9' })).toBeLessThan(0);
    expect(preferProject(base, { ...base })).toBe(0);
  });
});
