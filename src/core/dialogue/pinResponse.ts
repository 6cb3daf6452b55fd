// a planner's public answer to a pin: a status from a fixed set and a short text, one codec for the client and the server.
import { z } from 'zod';
import { storableText } from '../storableText.ts';
import type { Validated } from '../types.ts';
import { zodProblems } from '../validatePin.ts';

import { RESPONSE_STATUSES } from './responseStatus.ts';
import type { PinResponse, ResponseStatus } from './responseStatus.ts';

export { RESPONSE_STATUSES } from './responseStatus.ts';
export type { PinResponse, ResponseStatus } from './responseStatus.ts';
export const RESPONSE_TEXT_MAX = 1000;
/** the most pins one bulk answer may hold */
export const BULK_RESPONSE_MAX = 500;

const statusSchema = z.enum(RESPONSE_STATUSES, { error: `status must be one of ${RESPONSE_STATUSES.join(', ')}` });
const textSchema = z
  .string({ error: 'text must be text' })
  .trim()
  .max(RESPONSE_TEXT_MAX, `text must be at most ${RESPONSE_TEXT_MAX} characters`)
  .superRefine(storableText('text'));

export const responseBodySchema = z.object({ status: statusSchema, text: textSchema }, { error: 'send { "status": "…", "text": "…" }' }).strict();
export const bulkResponseBodySchema = z
  .object({
    ids: z.array(z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/, 'each id must be a pin id'), { error: 'ids must be a list of pin ids' })
      .min(1, 'ids must name at least one pin')
      .max(BULK_RESPONSE_MAX, `at most ${BULK_RESPONSE_MAX} pins at once`),
    status: statusSchema,
    text: textSchema,
  }, { error: 'send { "ids": […], "status": "…", "text": "…" }' })
  .strict();

/**
 * Reads a planner's answer from outside (a form or a request body).
 * @example
 * readResponseBody({ status: 'planned', text: ' New crossing in May ' }) // => { ok: true, value: { status: 'planned', text: 'New crossing in May' }, warnings: [] }
 * readResponseBody({ status: 'maybe', text: '' }).ok // => false
 */
export function readResponseBody(input: unknown): Validated<{ status: ResponseStatus; text: string }> {
  const parsed = responseBodySchema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data, warnings: [] } : { ok: false, errors: zodProblems(parsed.error), warnings: [] };
}

/**
 * Reads an answer to many pins at once.
 * @example
 * readBulkResponseBody({ ids: ['a', 'b'], status: 'received', text: '' }).ok // => true
 */
export function readBulkResponseBody(input: unknown): Validated<{ ids: string[]; status: ResponseStatus; text: string }> {
  const parsed = bulkResponseBodySchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodProblems(parsed.error), warnings: [] };
  return { ok: true, value: { ...parsed.data, ids: [...new Set(parsed.data.ids)] }, warnings: [] };
}

/**
 * Whether a value read from the wire is a pin's answer (live events and pin lists carry it).
 * @example
 * isPinResponse({ status: 'done', text: 'Fixed', at: '2026-12-01T00:00:00.000Z' }) // => true
 * isPinResponse({ status: 'soon' }) // => false
 */
export function isPinResponse(value: unknown): value is PinResponse {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (RESPONSE_STATUSES as readonly unknown[]).includes(v.status) && typeof v.text === 'string' && typeof v.at === 'string';
}
