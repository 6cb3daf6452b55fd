// the planners' read of the touch-table's workshop allocations beside the vote (the staff session rides on the cookie).
import { readAllocationsView } from '../../core/budget/allocationsWire.ts';
import type { AllocationsView } from '../../core/budget/allocationsWire.ts';
import type { HttpRepository } from '../httpRepository.ts';

/**
 * Every workshop allocation of the consultation, with the vote's approvals per project; throws the server's refusal
 * (ApiRequestError) or, for an answer of the wrong shape, an Error naming the first problem.
 * @example
 * const view = await fetchAllocations(api); view.allocations.length // => 2
 */
export async function fetchAllocations(api: HttpRepository): Promise<AllocationsView> {
  const answer = await api.send('GET', `${api.consultationBase}/budget/allocations`);
  const read = readAllocationsView(answer.json);
  if (!read.ok) throw new Error(`GET …/budget/allocations answered an unexpected shape: ${read.errors[0]?.path} ${read.errors[0]?.message}`);
  return read.value;
}
