// the shape every budget rule counts: projects with whole-number costs, approval ballots, one amount to spend.

/** One project on the ballot. `id` is compared as text wherever a tie is broken by id. */
export interface BudgetProject {
  id: string;
  /** whole currency units, 0 or more */
  cost: number;
  name: string;
  /** the `votes` column of a pabulib file, when it has one (the count below is always recomputed from the ballots) */
  votes?: number;
  /** the `selected` column of a pabulib file: 1 when the city funded it */
  selected?: boolean;
}

/** An approval election: ballots list indices into `projects`, each at most once. */
export interface BudgetElection {
  /** the amount to spend, a positive number */
  budget: number;
  projects: BudgetProject[];
  ballots: number[][];
  /** the META section as read, key to value, for auditing */
  meta: Record<string, string>;
}

/** A problem in a pabulib file: the 1-based line it is on and a short stable rule name. */
export interface PbProblem {
  line: number;
  rule: string;
  message: string;
}

export type PbValidated<T> =
  | { ok: true; value: T; warnings: PbProblem[] }
  | { ok: false; errors: PbProblem[]; warnings: PbProblem[] };

/** Voters approving each project, as one flat list: project p's voters are `voters[start[p]] … voters[start[p + 1] - 1]`. */
export interface ApproverIndex {
  start: Int32Array;
  voters: Int32Array;
}

/**
 * Who approves each project, in voter order, as compact arrays.
 * @example
 * approverIndex({ budget: 10, meta: {}, projects: [a, b], ballots: [[0], [0, 1]] })
 * // => { start: Int32Array [0, 2, 3], voters: Int32Array [0, 1, 1] }
 */
export function approverIndex(election: BudgetElection): ApproverIndex {
  const m = election.projects.length;
  const start = new Int32Array(m + 1);
  for (const ballot of election.ballots) for (const p of ballot) start[p + 1]!++;
  for (let p = 0; p < m; p++) start[p + 1]! += start[p]!;
  const fill = start.slice(0, m);
  const voters = new Int32Array(start[m]!);
  election.ballots.forEach((ballot, v) => {
    for (const p of ballot) voters[fill[p]!++] = v;
  });
  return { start, voters };
}

/**
 * Total cost of a list of projects (by index); whole numbers, so the sum is exact below 2^53.
 * @example
 * totalCost([{ id: 'a', cost: 3, name: 'A' }, { id: 'b', cost: 4, name: 'B' }], [0, 1]) // => 7
 */
export function totalCost(projects: readonly BudgetProject[], chosen: readonly number[]): number {
  let sum = 0;
  for (const p of chosen) sum += projects[p]!.cost;
  return sum;
}
