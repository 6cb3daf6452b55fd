// the Method of Equal Shares with add1 completion, fast: typed arrays, lazy re-evaluation, buffers reused across add1 steps.
import { approverIndex, type BudgetElection } from './election.ts';
import { approvalCounts, compareText } from './greedy.ts';
import { describeOutcome, freeProjects, SHORT_BY, type EqualSharesOutcome, type Run } from './equalSharesRules.ts';

// a project's maximal payment can only grow as voters spend; an old value is a lower bound. this margin keeps that
// true through float rounding, so a project whose old value is beyond the best by more than it cannot win or tie.
const STALE_MARGIN = 1e-9;
// a voter can pay rho when she holds at least rho * CAN_PAY (the same float the reference computes inline)
const CAN_PAY = 1 - SHORT_BY;
// value buckets for a project's voters who spent some (see maxPayment)
const BUCKETS = 512;

// a value just below the full share can round up to the bucket count: keep it in the last bucket (the order stays the same)
const bucketOf = (x: number, scale: number, buckets: number) => Math.min(buckets - 1, (x * scale) | 0);

/** Sorts a[from, to) ascending: insertion sort for the short runs buckets usually are. */
function sortRange(a: Float64Array, from: number, to: number): void {
  if (to - from > 48) {
    a.subarray(from, to).sort();
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const x = a[i]!;
    let j = i - 1;
    while (j >= from && a[j]! > x) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = x;
  }
}

/**
 * Prepares an election for many runs of the method (add1 runs it once per step): the approvers of each project and
 * the projects of each voter as flat arrays, and every buffer a run needs, allocated once.
 * WARNING: the returned run's `left` is the counter's own buffer, overwritten by the next run.
 * The arithmetic is the reference's, operation for operation, so both give identical floats: a project's approvers
 * are taken poorest first, in the same value order (voters who have spent everything, then those who spent some,
 * sorted, then those who spent nothing), and each sum is accumulated in that order.
 * @example
 * const runAt = equalSharesCounter(election);
 * runAt(election.budget / election.ballots.length).funded // => indices of the funded projects, in order
 */
export function equalSharesCounter(election: BudgetElection): (perVoter: number) => Run {
  const { projects, ballots } = election;
  const n = ballots.length;
  const m = projects.length;
  const { start, voters } = approverIndex(election);
  const ballotStart = new Int32Array(n + 1);
  ballots.forEach((b, v) => (ballotStart[v + 1] = ballotStart[v]! + b.length));
  const ballotProjects = new Int32Array(ballotStart[n]!);
  ballots.forEach((b, v) => ballotProjects.set(b, ballotStart[v]!));
  const cost = Float64Array.from(projects, (p) => p.cost);
  const approvals = approvalCounts(election);
  const free = freeProjects(projects, approvals);
  const candidates = projects.map((_, p) => p).filter((p) => cost[p]! > 0 && approvals[p]! > 0);
  let widest = 0;
  for (let p = 0; p < m; p++) widest = Math.max(widest, approvals[p]!);
  const left = new Float64Array(n);
  const lowerBound = new Float64Array(m);
  const dirty = new Uint8Array(m);
  const scratch = new Float64Array(widest);
  const sorted = new Float64Array(widest);
  const bucketStart = new Int32Array(BUCKETS + 1);
  const bucketFill = new Int32Array(BUCKETS + 1);
  const open: number[] = [];
  const byBound = (a: number, b: number) => lowerBound[a]! - lowerBound[b]!;

  // the maximal payment of project q now (see equalSharesReference's maxPayment: the same operations on the same
  // values in the same order, so the same floats)
  function maxPayment(q: number, full: number): number {
    const c = cost[q]!;
    let zeros = 0;
    let untouched = 0;
    let count = 0;
    let least = full;
    for (let j = start[q]!, end = start[q + 1]!; j < end; j++) {
      const x = left[voters[j]!]!;
      if (x === 0) zeros++;
      else if (x === full) untouched++;
      else {
        scratch[count++] = x;
        if (x < least) least = x;
      }
    }
    // voters with nothing left pay nothing and only shrink the number who share: paid stays exactly 0
    let rest = approvals[q]! - zeros;
    if (rest === 0) return Infinity;
    let rho = c / rest;
    if (least >= rho * CAN_PAY) return rho;
    // the voters who spent some, poorest first: bucketed by value (buckets keep the order), each bucket sorted only
    // when its turn comes, so the richer ones past the voter who can pay are never sorted
    // about 8 voters a bucket, at most BUCKETS
    const buckets = Math.min(BUCKETS, 1 + (count >> 3));
    const scale = buckets / full;
    bucketStart.fill(0, 0, buckets + 1);
    for (let j = 0; j < count; j++) bucketStart[bucketOf(scratch[j]!, scale, buckets) + 1]!++;
    for (let b = 0; b < buckets; b++) bucketStart[b + 1]! += bucketStart[b]!;
    bucketFill.set(bucketStart.subarray(0, buckets + 1));
    for (let j = 0; j < count; j++) {
      const x = scratch[j]!;
      sorted[bucketFill[bucketOf(x, scale, buckets)]!++] = x;
    }
    let paid = 0;
    for (let b = 0; b < buckets; b++) {
      const from = bucketStart[b]!;
      const to = bucketStart[b + 1]!;
      if (from === to) continue;
      sortRange(sorted, from, to);
      for (let j = from; j < to; j++, rest--) {
        rho = (c - paid) / rest;
        if (sorted[j]! >= rho * CAN_PAY) return rho;
        paid += sorted[j]!;
      }
    }
    for (let j = 0; j < untouched; j++, rest--) {
      rho = (c - paid) / rest;
      if (full >= rho * CAN_PAY) return rho;
      paid += full;
    }
    return Infinity;
  }

  function fund(q: number, rho: number, run: Run): void {
    let payers = 0;
    let paid = 0;
    for (let j = start[q]!, end = start[q + 1]!; j < end; j++) {
      const v = voters[j]!;
      const x = left[v]!;
      if (x === 0) continue;
      const pay = x > rho ? rho : x;
      left[v] = x > rho ? x - rho : 0;
      payers++;
      paid += pay;
      // only projects this voter approves can have changed
      for (let k = ballotStart[v]!, stop = ballotStart[v + 1]!; k < stop; k++) dirty[ballotProjects[k]!] = 1;
    }
    run.funded.push(q);
    run.rho[q] = rho;
    run.payers[q] = payers;
    run.paid[q] = paid;
  }

  return function runAt(perVoter: number): Run {
    left.fill(perVoter);
    const run: Run = { funded: [...free], rho: new Float64Array(m), payers: new Int32Array(m), paid: new Float64Array(m), left };
    open.length = 0;
    for (const p of candidates) {
      open.push(p);
      lowerBound[p] = cost[p]! / approvals[p]!;
      dirty[p] = 1;
    }
    while (open.length > 0) {
      open.sort(byBound);
      let best = -1;
      let bestRho = Infinity;
      let kept = 0;
      for (let i = 0; i < open.length; i++) {
        const q = open[i]!;
        if (best >= 0 && lowerBound[q]! > bestRho * (1 + STALE_MARGIN)) {
          open[kept++] = q;
          continue;
        }
        if (dirty[q]) {
          dirty[q] = 0;
          const rho = maxPayment(q, perVoter);
          if (rho === Infinity) continue; // out of reach for good: budgets only shrink
          lowerBound[q] = rho;
        }
        open[kept++] = q;
        const rho = lowerBound[q]!;
        if (best < 0 || rho < bestRho || (rho === bestRho && before(q, best))) {
          best = q;
          bestRho = rho;
        }
      }
      open.length = kept;
      if (best < 0) break;
      open.splice(open.indexOf(best), 1);
      fund(best, bestRho, run);
    }
    return run;
  };

  function before(a: number, b: number): boolean {
    return cost[a]! - cost[b]! < 0 || (cost[a] === cost[b] && (approvals[a]! > approvals[b]! || (approvals[a] === approvals[b] && compareText(projects[a]!.id, projects[b]!.id) < 0)));
  }
}

/**
 * Method of Equal Shares with add1 completion (the rule Wieliczka used in 2023), fast. Same definition and same
 * outcome as {@link equalSharesReference}: each voter holds budget ÷ voters; the project whose approvers can pay for
 * it with the smallest maximal payment is funded (ties: lower cost, more approvals, smaller id as text), approvers
 * paying equally or all they have left; then one currency unit more per voter at a time, recounted from scratch,
 * while the outcome still fits the real budget, stopping early once every project somebody approved is funded.
 * @example
 * equalShares({ budget: 10, meta: {}, projects: [{ id: 'a', cost: 6, name: 'A' }, { id: 'b', cost: 4, name: 'B' }],
 *   ballots: [[0], [0], [1]] }).selected
 * // => ['a', 'b'] (see equalSharesReference's example for the arithmetic)
 */
export function equalShares(election: BudgetElection): EqualSharesOutcome {
  const { projects, ballots, budget } = election;
  const runAt = equalSharesCounter(election);
  const approvals = approvalCounts(election);
  const wanted = approvals.reduce((sum, a) => sum + (a > 0 ? 1 : 0), 0);
  const share = ballots.length === 0 ? 0 : budget / ballots.length;
  // the share at step k is share + k, one addition (never accumulated), in both implementations: the same float
  let steps = 0;
  let funded = runAt(share).funded.length;
  while (funded < wanted) {
    const next = runAt(share + (steps + 1)).funded;
    let cost = 0;
    for (const p of next) cost += projects[p]!.cost;
    if (cost > budget) break;
    funded = next.length;
    steps++;
  }
  // the buffers now hold the last run, which may be the one that did not fit: count the kept one again, for its detail
  const kept = runAt(share + steps);
  const { start, voters } = approverIndex(election);
  return describeOutcome(election, approvals, (p) => voters.subarray(start[p]!, start[p + 1]!), kept, share + steps, steps);
}
