// seeded approval elections for the budget tests and benchmark: small random ones, and city-sized ones shaped like Wieliczka's.
import type { BudgetElection } from '../../src/core/budget/election.ts';
import { mulberry32 } from '../../src/core/mulberry32.ts';

/**
 * A small random election: 1-8 projects costing 0-50 in steps of 10 (so ties and free projects happen), 1-12 voters
 * approving each project with probability 0.4, budget 10-109.
 */
export function smallElection(seed: number): BudgetElection {
  const random = mulberry32(seed);
  const m = 1 + Math.floor(random() * 8);
  const n = 1 + Math.floor(random() * 12);
  const projects = Array.from({ length: m }, (_, i) => ({ id: `p${i}`, cost: Math.floor(random() * 6) * 10, name: `Project ${i}` }));
  const ballots = Array.from({ length: n }, () => projects.map((_, i) => i).filter(() => random() < 0.4));
  return { budget: 10 + Math.floor(random() * 100), projects, ballots, meta: {} };
}

/**
 * A city-sized election: `voters` voters, `projects` projects, each voter's share like Wieliczka 2023's
 * (1,000,000 zł over 6,586 voters, about 152 each), projects costing in all about 3.5 times the budget (whole hundreds),
 * popularity skewed (a few projects draw most votes), ballots of 1 to 10 projects.
 */
export function cityElection(seed: number, voters: number, projects: number): BudgetElection {
  const random = mulberry32(seed);
  const budget = Math.round((voters * 1_000_000) / 6586);
  const weights = Array.from({ length: projects }, () => Math.pow(random(), 2.5) + 0.02);
  const total = weights.reduce((a, b) => a + b, 0);
  const list = Array.from({ length: projects }, (_, i) => ({ id: String(i + 1), cost: Math.max(100, Math.round(((0.2 + random() * 1.6) * 3.5 * budget) / projects / 100) * 100), name: `Project ${i + 1}` }));
  // cumulative weights, to draw projects by popularity
  const cumulative: number[] = [];
  weights.reduce((sum, w, i) => (cumulative[i] = sum + w / total), 0);
  const ballots: number[][] = [];
  for (let v = 0; v < voters; v++) {
    const size = 1 + Math.floor(random() * random() * 10);
    const ballot = new Set<number>();
    for (let tries = 0; ballot.size < size && tries < 4 * size; tries++) {
      const r = random();
      let lo = 0;
      let hi = projects - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! < r) lo = mid + 1;
        else hi = mid;
      }
      ballot.add(lo);
    }
    ballots.push([...ballot].sort((a, b) => a - b));
  }
  return { budget, projects: list, ballots, meta: {} };
}
