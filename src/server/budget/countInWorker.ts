// counts a budget vote in a worker thread, so Equal Shares with add1 over a city's ballots never holds up other requests.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BudgetResults } from '../../core/budget/budgetResults.ts';
import type { BudgetRule } from '../../core/budget/budgetWire.ts';
import type { BudgetElection } from '../../core/budget/election.ts';

// WARNING: as in security/parseAreasInWorker.ts, Node 20 does not pass tsx's loader on to worker threads: a one-line
// JavaScript module registers tsx, then imports the TypeScript body
const TSX_API = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
const BODY = new URL('./countWorker.ts', import.meta.url).href;
const BOOTSTRAP = new URL(`data:text/javascript,${encodeURIComponent(`const { register } = await import(${JSON.stringify(TSX_API)}); register(); await import(${JSON.stringify(BODY)});`)}`);

/**
 * Both rules' results for an election, from a fresh worker thread (counts are asked for rarely; each worker is
 * stopped when it answers or after `timeoutMs`).
 * @example
 * const results = await countInWorker(election, { rule: 'equal-shares', currency: 'GBP' }); results.equalShares.selected
 */
export function countInWorker(election: BudgetElection, info: { rule: BudgetRule; currency: string }, timeoutMs = 60_000): Promise<BudgetResults> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOTSTRAP);
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(() => finish(() => reject(new Error(`counting the budget took longer than ${timeoutMs} ms`))), timeoutMs);
    worker.once('message', (results: BudgetResults) => finish(() => resolve(results)));
    worker.once('error', (error) => finish(() => reject(error)));
    worker.once('exit', (code) => finish(() => reject(new Error(`the budget worker stopped (exit code ${code}) before answering`))));
    worker.postMessage({ election, ...info });
  });
}
