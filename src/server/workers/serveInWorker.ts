// the worker side of runInWorker: answers the one message a worker gets, or says why it could not.
import { parentPort } from 'node:worker_threads';
import type { Transferable } from 'node:worker_threads';

/** what a worker posts back: its value, or the message of what it threw */
export type WorkerReply<O> = { ok: true; value: O } | { ok: false; error: string };

/** a job's answer and the buffers in it to hand over rather than copy */
export interface Answer<O> {
  value: O;
  transfer?: readonly Transferable[];
}

/**
 * Answers the worker's one message with `job` (in a worker body started by runInWorker). A thrown error goes back as
 * its message, so the caller gets a WorkerFailed naming it rather than a bare exit.
 * @example
 * serveInWorker((message: { election: BudgetElection }) => ({ value: countBoth(message.election) }));
 */
export function serveInWorker<I, O>(job: (message: I) => Answer<O> | Promise<Answer<O>>): void {
  parentPort?.once('message', async (message: I) => {
    let reply: WorkerReply<O>;
    let transfer: readonly Transferable[] | undefined;
    try {
      const answer = await job(message);
      reply = { ok: true, value: answer.value };
      transfer = answer.transfer;
    } catch (error) {
      reply = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    parentPort?.postMessage(reply, transfer);
  });
}
