// the planners' view of the touch-table's workshop allocations, beside the vote: one shape for the server that builds
// it and the browser that reads it. An allocation is what a table group settled on; it is never counted as ballots.
import { z } from 'zod';
import type { Validated } from '../types.ts';
import { zodProblems } from '../validatePin.ts';

/** what a table game's count decided under each rule, as the table showed it */
export interface AllocationOutcome {
  /** the sides that put tokens down */
  ballots: number;
  greedy: { selected: string[]; spent: number };
  equalShares: { selected: string[]; spent: number };
}

/** one allocation as storage keeps it */
export interface AllocationRecord {
  id: number;
  sessionId: string | null;
  /** the session's name as the table sent it; null when it sent none (and before 0010) */
  sessionName: string | null;
  /** project id → money the table put on it */
  allocation: Record<string, number>;
  createdAt: string;
  /** null for allocations recorded before outcomes were kept */
  outcome: AllocationOutcome | null;
}

export interface AllocationsView {
  currency: string;
  amount: number;
  /** the vote the allocations sit beside: its ballots, and each project's approvals, in the planners' order */
  vote: { ballots: number; projects: { id: string; title: string; cost: number; approvals: number }[] };
  /** oldest first */
  allocations: {
    id: number;
    sessionId: string | null;
    sessionName: string | null;
    createdAt: string;
    /** every project the table put money on: the ballot's in its order, then any since removed (title null) */
    projects: { id: string; title: string | null; amount: number }[];
    total: number;
    outcome: AllocationOutcome | null;
  }[];
}

/**
 * The planners' view: each allocation's money per project in the ballot's order, its total, and the vote's approvals
 * per project beside it (counted from the ballots, never from the allocations).
 * @example
 * allocationsView({ amount: 100, currency: 'GBP' }, [{ id: 'a', title: 'Benches', cost: 40 }], [['a']], [{ id: 1, sessionId: 's1', sessionName: 'Library', allocation: { a: 80 }, createdAt: '2030-01-01T00:00:00.000Z', outcome: null }])
 * // => { currency: 'GBP', amount: 100, vote: { ballots: 1, projects: [{ id: 'a', title: 'Benches', cost: 40, approvals: 1 }] },
 * //      allocations: [{ id: 1, sessionId: 's1', sessionName: 'Library', createdAt: '2030-01-01T00:00:00.000Z', projects: [{ id: 'a', title: 'Benches', amount: 80 }], total: 80, outcome: null }] }
 */
export function allocationsView(
  settings: { amount: number; currency: string },
  projects: readonly { id: string; title: string; cost: number }[],
  ballots: readonly (readonly string[])[],
  allocations: readonly AllocationRecord[],
): AllocationsView {
  const approvals = new Map<string, number>();
  for (const ballot of ballots) for (const id of new Set(ballot)) approvals.set(id, (approvals.get(id) ?? 0) + 1);
  const titles = new Map(projects.map((p) => [p.id, p.title]));
  return {
    currency: settings.currency,
    amount: settings.amount,
    vote: { ballots: ballots.length, projects: projects.map((p) => ({ id: p.id, title: p.title, cost: p.cost, approvals: approvals.get(p.id) ?? 0 })) },
    allocations: allocations.map((a) => {
      const known = projects.filter((p) => a.allocation[p.id] !== undefined).map((p) => ({ id: p.id, title: p.title, amount: a.allocation[p.id]! }));
      const gone = Object.keys(a.allocation).filter((id) => !titles.has(id)).sort().map((id) => ({ id, title: null, amount: a.allocation[id]! }));
      const rows = [...known, ...gone];
      return { id: a.id, sessionId: a.sessionId, sessionName: a.sessionName, createdAt: a.createdAt, projects: rows, total: rows.reduce((s, r) => s + r.amount, 0), outcome: a.outcome };
    }),
  };
}

const money = z.number().int().nonnegative();
const ruleOutcome = z.object({ selected: z.array(z.string()), spent: money });
const outcome = z.object({ ballots: z.number().int().nonnegative(), greedy: ruleOutcome, equalShares: ruleOutcome });
const schema = z.object({
  currency: z.string(),
  amount: money,
  vote: z.object({ ballots: z.number().int().nonnegative(), projects: z.array(z.object({ id: z.string(), title: z.string(), cost: money, approvals: z.number().int().nonnegative() })) }),
  allocations: z.array(z.object({
    id: z.number().int(),
    sessionId: z.string().nullable(),
    sessionName: z.string().nullable(),
    createdAt: z.string(),
    projects: z.array(z.object({ id: z.string(), title: z.string().nullable(), amount: money })),
    total: money,
    outcome: outcome.nullable(),
  })),
});

/**
 * Reads `GET …/budget/allocations` as the browser gets it (and a stored outcome as storage reads it back).
 * @example
 * readAllocationsView({ currency: 'GBP', amount: 100, vote: { ballots: 0, projects: [] }, allocations: [] }).ok // => true
 * readAllocationsView({ allocations: 'none' }).ok // => false
 */
export function readAllocationsView(body: unknown): Validated<AllocationsView> {
  const result = schema.safeParse(body);
  return result.success ? { ok: true, value: result.data, warnings: [] } : { ok: false, errors: zodProblems(result.error, 'allocations'), warnings: [] };
}

/**
 * A stored outcome read back: null when absent or not an outcome (an allocation from before outcomes were kept).
 * @example
 * readAllocationOutcome('{"ballots":1,"greedy":{"selected":["a"],"spent":4},"equalShares":{"selected":["a"],"spent":4}}')?.ballots // => 1
 * readAllocationOutcome(null) // => null
 */
export function readAllocationOutcome(text: string | null): AllocationOutcome | null {
  if (text === null) return null;
  try {
    const result = outcome.safeParse(JSON.parse(text));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}
