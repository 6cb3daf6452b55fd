// what both Equal Shares implementations share: the outcome's shape, the tie-break and the arithmetic they must agree on.
import type { BudgetElection } from './election.ts';
import { compareText } from './greedy.ts';

/**
 * WARNING: money is float64 in both implementations, and they agree bit for bit because they do the same operations
 * in the same order (see equalShares.ts). Where a tie is decided it is exact: in the common case nobody is short, the
 * maximal payment is cost ÷ approvers, one correctly rounded division, so two projects with equal cost/approvers
 * ratios get equal floats and distinct ratios get distinct floats while cost × approvers < 2^52.
 * The one tolerance: a voter counts as able to pay the maximal payment when her budget falls short of it by less than
 * this fraction (float dust from earlier payments would otherwise make an exactly affordable project unaffordable);
 * she then pays what she has.
 */
export const SHORT_BY = 1e-12;

/** What one funded project cost its approvers, or what an unfunded one lacked, in the final (kept) run. */
export interface EqualSharesProject {
  id: string;
  cost: number;
  approvals: number;
  funded: boolean;
  /** 1-based order of funding, for funded projects */
  order?: number;
  /** the most any approver paid (those with less paid all they had) */
  maxPayment?: number;
  /** how many approvers paid something, and the sum they paid */
  payers?: number;
  paid?: number;
  /** unfunded: cost minus what its approvers still held at the end (0 when nobody approved it: see approvals) */
  lacked?: number;
}

export interface EqualSharesOutcome {
  rule: 'equal-shares';
  budget: number;
  voters: number;
  /** project ids in the order they were funded */
  selected: string[];
  spent: number;
  /** each voter's share in the kept run: budget ÷ voters, plus one currency unit per add1 step */
  perVoter: number;
  /** add1 steps taken (0 when the plain method's outcome was kept) */
  add1Steps: number;
  projects: EqualSharesProject[];
}

/**
 * Orders two candidate projects for the next purchase: smaller maximal payment first, then lower cost, more
 * approvals, smaller id as text. Negative when `a` goes first.
 * @example
 * preferProject({ rho: 2, cost: 4, approvals: 2, id: 'b' }, { rho: 2, cost: 4, approvals: 2, id: 'a' }) // => 1: a goes first
 */
export function preferProject(a: Candidate, b: Candidate): number {
  return a.rho - b.rho || a.cost - b.cost || b.approvals - a.approvals || compareText(a.id, b.id);
}

export interface Candidate { rho: number; cost: number; approvals: number; id: string }

/**
 * Projects that cost nothing and have an approver: funded before anything else, by more approvals then id, paying 0.
 * @example
 * freeProjects([{ id: 'a', cost: 0, name: 'A' }, { id: 'b', cost: 3, name: 'B' }], Int32Array.of(2, 1)) // => [0]
 */
export function freeProjects(projects: BudgetElection['projects'], approvals: Int32Array): number[] {
  return projects
    .map((_, p) => p)
    .filter((p) => projects[p]!.cost === 0 && approvals[p]! > 0)
    .sort((a, b) => approvals[b]! - approvals[a]! || compareText(projects[a]!.id, projects[b]!.id));
}

/** One run of the method at a fixed share per voter: what was funded, in order, and the detail of each purchase. */
export interface Run {
  funded: number[];
  /** per project: max payment, payers, paid (set for funded projects) */
  rho: Float64Array;
  payers: Int32Array;
  paid: Float64Array;
  /** what each voter had left at the end */
  left: Float64Array;
}

/**
 * Builds the reported outcome from the kept run; `approversOf(p)` lists project p's approvers.
 * @example
 * describeOutcome(election, approvals, (p) => lists[p], run, 151.8, 3) // => { rule: 'equal-shares', selected: […], add1Steps: 3, … }
 */
export function describeOutcome(election: BudgetElection, approvals: Int32Array, approversOf: (p: number) => ArrayLike<number>, run: Run, perVoter: number, add1Steps: number): EqualSharesOutcome {
  const order = new Map(run.funded.map((p, i) => [p, i + 1]));
  let spent = 0;
  for (const p of run.funded) spent += election.projects[p]!.cost;
  const projects = election.projects.map((project, p): EqualSharesProject => {
    const line: EqualSharesProject = { id: project.id, cost: project.cost, approvals: approvals[p]!, funded: order.has(p) };
    if (line.funded) return { ...line, order: order.get(p)!, maxPayment: run.rho[p]!, payers: run.payers[p]!, paid: run.paid[p]! };
    let held = 0;
    const voters = approversOf(p);
    for (let j = 0; j < voters.length; j++) held += run.left[voters[j]!]!;
    return { ...line, lacked: approvals[p] === 0 ? 0 : Math.max(0, project.cost - held) };
  });
  const selected = run.funded.map((p) => election.projects[p]!.id);
  return { rule: 'equal-shares', budget: election.budget, voters: election.ballots.length, selected, spent, perVoter, add1Steps, projects };
}
