// worker body for runInWorker's tests: one job per message kind, each a way a worker answers or fails.
import { serveInWorker } from '../../../src/server/workers/serveInWorker.ts';

export type TestJob = { kind: 'sum'; values: Float64Array } | { kind: 'throw'; message: string } | { kind: 'hang' } | { kind: 'exit' } | { kind: 'grow' };

serveInWorker((job: TestJob) => {
  if (job.kind === 'sum') {
    const doubled = job.values.map((v) => v * 2);
    // handed back, not copied
    return { value: { sum: job.values.reduce((s, v) => s + v, 0), doubled }, transfer: [doubled.buffer] };
  }
  if (job.kind === 'throw') throw new Error(job.message);
  if (job.kind === 'exit') process.exit(3);
  if (job.kind === 'grow') {
    const hoard: number[][] = [];
    for (;;) hoard.push(Array.from({ length: 1e5 }, (_, i) => i));
  }
  for (;;) {
    // never answers: only the time limit stops it
  }
});
