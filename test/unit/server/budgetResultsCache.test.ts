import { describe, expect, it } from 'vitest';
import { countBoth } from '../../../src/core/budget/budgetResults.ts';
import type { BudgetElection } from '../../../src/core/budget/election.ts';
import { countInWorker } from '../../../src/server/budget/countInWorker.ts';
import { createResultsCache } from '../../../src/server/budget/resultsCache.ts';

const election: BudgetElection = { budget: 10, meta: {}, projects: [{ id: 'a', cost: 6, name: 'A' }, { id: 'b', cost: 4, name: 'B' }, { id: 'c', cost: 5, name: 'C' }], ballots: [[0], [0, 2], [1, 2]] };
const info = { rule: 'equal-shares' as const, currency: 'GBP' };

describe('counting budget results off the request thread', () => {
  it('gives in a worker thread what core gives here', async () => {
    expect(await countInWorker(election, info)).toEqual(countBoth(election, info));
  });

  it('counts a burst of requests for the same vote once, and a changed vote again', async () => {
    let counts = 0;
    const cached = createResultsCache(async (e, i) => {
      counts++;
      return countBoth(e, i);
    });
    const answers = await Promise.all([cached('c1', election, info), cached('c1', election, info), cached('c1', election, info)]);
    expect(counts).toBe(1);
    // c and a have 2 votes each, c is cheaper and goes first; a (6) no longer fits in the 5 left, b (4) does
    expect(answers[0]!.greedy.selected).toEqual(['c', 'b']);
    await cached('c1', { ...election, ballots: [...election.ballots, [1]] }, info);
    expect(counts).toBe(2);
    await cached('c2', election, info);
    expect(counts).toBe(3);
  });
});
