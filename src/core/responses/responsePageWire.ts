// the response explorer's page as JSON: the server sends a ResponsePage as it is; the browser reads it back through this.
import '../zodJitless.ts';
import { z } from 'zod';
import { PIN_KINDS } from '../types.ts';
import type { PinKind } from '../types.ts';
import type { ResponsePage } from './responseIndex.ts';

const rowSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(PIN_KINDS as [PinKind, ...PinKind[]]),
  theme: z.string(),
  themeLabel: z.string(),
  title: z.string(),
  note: z.string().nullable(),
  sentiment: z.string().nullable(),
  area: z.string(),
  areaName: z.string().nullable(),
  createdAt: z.string(),
  supports: z.number().int().nonnegative(),
  status: z.string().nullable(),
  hidden: z.boolean(),
  hiddenReason: z.string().nullable(),
  position: z.tuple([z.number(), z.number()]),
});
const pageSchema = z.object({ total: z.number().int().nonnegative(), offset: z.number().int().nonnegative(), rows: z.array(rowSchema) });

/**
 * Reads a page of the server's answer to GET …/responses, or says what is wrong with it.
 * @example
 * responsePageFromJson({ total: 0, offset: 0, rows: [] }) // => { ok: true, page: { total: 0, offset: 0, rows: [] } }
 */
export function responsePageFromJson(json: unknown): { ok: true; page: ResponsePage } | { ok: false; message: string } {
  const parsed = pageSchema.safeParse(json);
  if (parsed.success) return { ok: true, page: parsed.data };
  const first = parsed.error.issues[0];
  return { ok: false, message: `The responses answer is not valid at ${first?.path.join('.') || '(top)'}: ${first?.message ?? 'unknown'}` };
}
