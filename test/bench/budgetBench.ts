// npm run bench:budget: Equal Shares with add1, fast against the plain reference in the same run, on seeded city-sized elections.
import { isDeepStrictEqual } from 'node:util';
import { equalShares, equalSharesCounter } from '../../src/core/budget/equalShares.ts';
import { equalSharesReference, equalSharesRunReference } from '../../src/core/budget/equalSharesReference.ts';
import { cityElection } from '../support/budgetElections.ts';

const quick = process.argv.includes('--quick');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

function time<T>(runs: number, f: () => T): { ms: number; result: T } {
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = f();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), result };
}

function fail(message: string): never {
  console.error(`\nBENCH FAILED: ${message}`);
  process.exit(1);
}

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

// Wieliczka 2023's size: the whole add1 count, both implementations, identical outcomes or a loud failure
{
  const e = cityElection(2023, 6586, 64);
  const fast = time(quick ? 3 : 7, () => equalShares(e));
  const ref = time(quick ? 1 : 3, () => equalSharesReference(e));
  if (!isDeepStrictEqual(fast.result, ref.result)) fail('fast and reference outcomes differ at 6,586 x 64');
  const ratio = ref.ms / fast.ms;
  console.log(`6,586 voters x 64 projects, ${fast.result.add1Steps} add1 steps, ${fast.result.selected.length} funded:`);
  console.log(`  fast      ${fmt(fast.ms)} (median)`);
  console.log(`  reference ${fmt(ref.ms)} (median)`);
  console.log(`  ratio     ${ratio.toFixed(1)}x (goal >= 20x)${ratio >= 20 ? '' : '  BELOW GOAL'}`);
}

// 100,000 x 150: the whole add1 count for the fast one; the reference on three of its runs (the whole count would
// take many minutes), at the plain share, the kept share and the first that did not fit
{
  const e = cityElection(100, 100_000, 150);
  const fast = time(quick ? 1 : 3, () => equalShares(e));
  const share = e.budget / e.ballots.length;
  const runAt = equalSharesCounter(e);
  const shares = [share, fast.result.perVoter, fast.result.perVoter + 1];
  const fastRuns = shares.map((s) => time(3, () => runAt(s).funded.slice()));
  const refRuns = shares.map((s) => time(1, () => equalSharesRunReference(e, s).funded));
  shares.forEach((_, i) => {
    if (!isDeepStrictEqual(fastRuns[i]!.result, refRuns[i]!.result)) fail(`fast and reference runs differ at 100,000 x 150, share ${shares[i]}`);
  });
  const runRatio = median(refRuns.map((r) => r.ms)) / median(fastRuns.map((r) => r.ms));
  const steps = fast.result.add1Steps;
  console.log(`100,000 voters x 150 projects, ${steps} add1 steps, ${fast.result.selected.length} funded:`);
  console.log(`  fast      ${fmt(fast.ms)} (median, whole add1 count; goal < 5 s)${fast.ms < 5000 ? '' : '  ABOVE GOAL'}`);
  console.log(`  one run   fast ${fmt(median(fastRuns.map((r) => r.ms)))}, reference ${fmt(median(refRuns.map((r) => r.ms)))} (medians over 3 shares): ${runRatio.toFixed(1)}x`);
  console.log(`  reference whole count estimated at ${fmt(median(refRuns.map((r) => r.ms)) * (steps + 2))} (${steps + 2} runs)`);
}
