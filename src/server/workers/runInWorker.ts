// starts one worker thread for one job and waits for its answer: the loader bootstrap, the time limit, memory limits and
// the mapping of every way a worker can fail to one clear error, shared by every job the server runs off the main thread.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ResourceLimits, Transferable } from 'node:worker_threads';
import type { WorkerReply } from './serveInWorker.ts';

export interface RunOptions {
  /** what the job is, for error messages ("validating the boundaries") */
  what: string;
  /** give up, and stop the worker, after this many ms */
  timeoutMs: number;
  /** V8 heap limits of the worker; default 1 GiB of old space, so a runaway job fails alone instead of the server */
  resourceLimits?: ResourceLimits;
  /** buffers of the message handed over instead of copied */
  transfer?: readonly Transferable[];
}

/** the job did not answer in time; the worker was stopped */
export class WorkerTimeout extends Error {
  constructor(readonly what: string, readonly timeoutMs: number) {
    super(`${what} took longer than ${timeoutMs} ms`);
    this.name = 'WorkerTimeout';
  }
}

/** the job threw, ran out of memory or stopped without answering: `reason` says which */
export class WorkerFailed extends Error {
  constructor(readonly what: string, readonly reason: string) {
    super(`${what} failed in its worker thread: ${reason}`);
    this.name = 'WorkerFailed';
  }
}

const DEFAULT_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 1024 };

// WARNING: worker bodies are TypeScript, and Node 20 does not pass tsx's loader on to worker threads (nor does vitest start
// its processes with it), so a one-line JavaScript module starts each worker: it registers tsx, then imports the body.
// require.resolve finds the package's CommonJS entry; its ES module sits beside it
const TSX_API = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
const bootstrap = (body: URL) =>
  new URL(`data:text/javascript,${encodeURIComponent(`const { register } = await import(${JSON.stringify(TSX_API)}); register(); await import(${JSON.stringify(body.href)});`)}`);

/**
 * Runs the worker body at `body` (a module calling serveInWorker) on `message` in a fresh worker thread, and resolves
 * with its answer while this thread goes on serving requests. One worker per call (these jobs are rare); it is stopped
 * when it answers, fails or times out.
 * @example
 * const results = await runInWorker<Input, Output>(new URL('./countWorker.ts', import.meta.url), input, { what: 'counting the budget', timeoutMs: 60_000 });
 */
export function runInWorker<I, O>(body: URL, message: I, options: RunOptions): Promise<O> {
  const { what, timeoutMs } = options;
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootstrap(body), { resourceLimits: options.resourceLimits ?? DEFAULT_LIMITS });
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(() => finish(() => reject(new WorkerTimeout(what, timeoutMs))), timeoutMs);
    worker.once('message', (reply: WorkerReply<O>) =>
      finish(() => (reply.ok ? resolve(reply.value) : reject(new WorkerFailed(what, reply.error)))));
    worker.once('error', (error) => finish(() => reject(new WorkerFailed(what, error.message))));
    worker.once('exit', (code) => finish(() => reject(new WorkerFailed(what, `the worker stopped (exit code ${code}) before answering`))));
    worker.postMessage(message, options.transfer);
  });
}
