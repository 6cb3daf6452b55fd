// the fast Equal Shares against the plain reference: identical outcomes on seeded random elections, and the properties.
import { describe, expect, it } from 'vitest';
import { equalShares, equalSharesCounter } from '../../../src/core/budget/equalShares.ts';
import { equalSharesReference, equalSharesRunReference } from '../../../src/core/budget/equalSharesReference.ts';
import { cityElection, smallElection } from '../../support/budgetElections.ts';

describe('equalShares and equalSharesReference agree', () => {
  it('give identical outcomes, payments included, on 400 small seeded elections (ties and free projects among them)', () => {
    let withSteps = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const e = smallElection(seed);
      const fast = equalShares(e);
      expect(fast, `seed ${seed}`).toEqual(equalSharesReference(e));
      if (fast.add1Steps > 0) withSteps++;
    }
    // the completion is exercised, not only the plain method
    expect(withSteps).toBeGreaterThan(100);
  });

  it('give identical runs on a city-shaped election (1,500 voters, 30 projects) at the first, kept and first failing share', () => {
    const e = cityElection(7, 1500, 30);
    const fast = equalShares(e);
    const share = e.budget / e.ballots.length;
    const runAt = equalSharesCounter(e);
    for (const perVoter of [share, fast.perVoter, fast.perVoter + 1]) {
      const a = runAt(perVoter);
      const b = equalSharesRunReference(e, perVoter);
      expect(a.funded, `share ${perVoter}`).toEqual(b.funded);
      expect(a.left).toEqual(b.left);
      expect(a.paid).toEqual(b.paid);
    }
    expect(fast.add1Steps).toBeGreaterThan(10);
  });
});

describe('equalShares properties (300 seeded elections)', () => {
  it('never overspends, and funds every approved project when all of them fit', () => {
    for (let seed = 1000; seed < 1300; seed++) {
      const e = smallElection(seed);
      const outcome = equalShares(e);
      expect(outcome.spent, `seed ${seed}`).toBeLessThanOrEqual(e.budget);
      expect(outcome.spent).toBe(outcome.projects.filter((p) => p.funded).reduce((s, p) => s + p.cost, 0));
      for (const p of outcome.projects.filter((p) => p.funded)) expect(p.paid!).toBeCloseTo(p.cost, 6);
      const approved = outcome.projects.filter((p) => p.approvals > 0);
      if (approved.reduce((s, p) => s + p.cost, 0) <= e.budget) expect(approved.every((p) => p.funded), `seed ${seed}`).toBe(true);
      expect(outcome.projects.some((p) => p.funded && p.approvals === 0)).toBe(false);
    }
  });
});
