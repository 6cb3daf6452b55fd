// the wire shape of a counted table game as the table sends it: the session and each side's projects.
import { z } from 'zod';
import type { TableSide } from '../pointerTracker.ts';
import { storableText } from '../storableText.ts';
import type { Validated } from '../types.ts';
import { zodProblems } from '../validatePin.ts';
import { PROJECT_ID } from './budgetWire.ts';

export interface GameAllocationBody {
  /** the table session the game was played in, or null outside one */
  sessionId: string | null;
  /** the session's name as the facilitator typed it, so planners read it instead of the id (optional) */
  sessionName?: string | null;
  sides: Partial<Record<TableSide, string[]>>;
}

const ids = z.array(z.string({ error: 'a project id is text' }).regex(PROJECT_ID, 'not a project id'), { error: 'a side is a list of project ids' }).max(1000);
const schema = z.object({
  sessionId: z.string({ error: 'sessionId must be text or null' }).regex(/^[A-Za-z0-9_-]{1,64}$/, 'sessionId is 1-64 letters, digits, "-" or "_"').nullable(),
  sessionName: z.string({ error: 'sessionName must be text or null' }).trim().min(1, 'sessionName must not be empty').max(80, 'sessionName must be at most 80 characters').superRefine(storableText('sessionName')).nullable().optional(),
  sides: z.object({ bottom: ids.optional(), top: ids.optional(), left: ids.optional(), right: ids.optional() }, { error: 'sides must be an object of bottom, top, left, right' }).strict(),
}, { error: 'the body must be { "sessionId", "sides" }' }).strict();

/**
 * Reads the body of `POST …/budget/allocations` (its shape only; the budget's rules are checked against the projects).
 * @example
 * readGameAllocation({ sessionId: 's1', sides: { top: ['p1'] } }).ok // => true
 * readGameAllocation({ sessionId: 's1', sessionName: 'Library, Saturday', sides: {} }).ok // => true
 * readGameAllocation({ sessionId: 's1', sides: { middle: [] } }).ok // => false
 */
export function readGameAllocation(body: unknown): Validated<GameAllocationBody> {
  const result = schema.safeParse(body);
  return result.success ? { ok: true, value: result.data as GameAllocationBody, warnings: [] } : { ok: false, errors: zodProblems(result.error, 'allocation'), warnings: [] };
}
