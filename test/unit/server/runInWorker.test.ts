// the one worker runner: answers come back (buffers handed over), and every way a job fails becomes one clear error.
import { describe, expect, it } from 'vitest';
import { runInWorker, WorkerFailed, WorkerTimeout } from '../../../src/server/workers/runInWorker.ts';
import type { TestJob } from '../../support/workerBodies/testJobs.ts';

const BODY = new URL('../../support/workerBodies/testJobs.ts', import.meta.url);
const run = (job: TestJob, options: { timeoutMs?: number; transfer?: ArrayBuffer[]; resourceLimits?: { maxOldGenerationSizeMb: number } } = {}) =>
  runInWorker<TestJob, { sum: number; doubled: Float64Array }>(BODY, job, { what: 'the test job', timeoutMs: 10_000, ...options });

describe('runInWorker', { timeout: 30_000 }, () => {
  it('answers with what the job returned, with its buffers handed over both ways', async () => {
    const values = new Float64Array([1, 2, 3.5]);
    const answer = await run({ kind: 'sum', values }, { transfer: [values.buffer] });
    expect(answer.sum).toBe(6.5);
    expect([...answer.doubled]).toEqual([2, 4, 7]);
    // the input buffer went to the worker: this side no longer holds it
    expect(values.length).toBe(0);
  });

  it('turns an error the job throws into a WorkerFailed that names the job and the error', async () => {
    const failure = run({ kind: 'throw', message: 'no such ballot' });
    await expect(failure).rejects.toBeInstanceOf(WorkerFailed);
    await expect(failure).rejects.toThrow('the test job failed in its worker thread: no such ballot');
  });

  it('stops a job that takes too long, and says so with the limit', async () => {
    const started = performance.now();
    const failure = run({ kind: 'hang' }, { timeoutMs: 300 });
    await expect(failure).rejects.toBeInstanceOf(WorkerTimeout);
    await expect(failure).rejects.toThrow('the test job took longer than 300 ms');
    // the worker is terminated at the limit, not left spinning until it ends by itself (it never would)
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('reports a worker that exits without answering, and one that runs out of its memory limit', async () => {
    await expect(run({ kind: 'exit' })).rejects.toThrow('the test job failed in its worker thread: the worker stopped (exit code 3) before answering');
    const grown = run({ kind: 'grow' }, { resourceLimits: { maxOldGenerationSizeMb: 32 } });
    await expect(grown).rejects.toBeInstanceOf(WorkerFailed);
    await expect(grown).rejects.toThrow(/the test job failed in its worker thread: .*memory/i);
  });
});
