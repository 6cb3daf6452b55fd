// validation of pins coming from outside: forms, imports, API bodies, stored records.
import './zodJitless.ts';
import { z } from 'zod/mini';
import { storableText } from './storableText.ts';
import { NOTE_MAX, PIN_KINDS, SENTIMENTS, TITLE_MAX } from './types.ts';
import type { PinDraft, PinKind, Problem, Sentiment, Validated } from './types.ts';

const finite = z.number().check(z.refine(Number.isFinite, 'must be a finite number'));

/** Schema of the editable fields of a pin; shared by the form, import and the API. Text follows storableText's rule. */
export const pinFieldsSchema = z.object({
  kind: z.enum(PIN_KINDS as [PinKind, ...PinKind[]], { error: 'kind must be "asset" or "priority"' }),
  theme: z.string({ error: 'theme must be a theme id' }).check(z.trim(), z.minLength(1, 'theme is required'), z.maxLength(64), z.superRefine(storableText('theme'))),
  title: z
    .string({ error: 'title must be text' })
    .check(z.trim(), z.minLength(1, 'title is required'), z.maxLength(TITLE_MAX, `title must be at most ${TITLE_MAX} characters`), z.superRefine(storableText('title'))),
  note: z.optional(
    z.string({ error: 'note must be text' }).check(z.trim(), z.maxLength(NOTE_MAX, `note must be at most ${NOTE_MAX} characters`), z.superRefine(storableText('note'))),
  ),
  sentiment: z.optional(z.enum(SENTIMENTS as [Sentiment, ...Sentiment[]], { error: 'sentiment must be positive, neutral or negative' })),
});

export const lngLatSchema = z
  .tuple([finite, finite], finite)
  .check(
    z.refine(([lng, lat]) => lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90, {
      message: 'position must be [longitude, latitude] in WGS84 degrees',
    }),
  );

/** A workshop session id as pins carry it: letters, digits, '-' and '_' (the server and the table agree on this). */
export const sessionIdSchema = z
  .string({ error: 'sessionId must be text' })
  .check(
    z.trim(),
    z.minLength(1, 'sessionId must not be empty'),
    z.maxLength(64, 'sessionId must be at most 64 characters'),
    z.regex(/^[A-Za-z0-9_-]+$/, 'sessionId must be letters, digits, "-" or "_"'),
  );

/**
 * Reads the optional `sessionId` of a new pin's input (touch-table pins carry one).
 * @example
 * readSessionId({ sessionId: 'hall-2026-11-28' }) // => { ok: true, value: 'hall-2026-11-28', warnings: [] }
 * readSessionId({}) // => { ok: true, value: undefined, warnings: [] }
 */
export function readSessionId(input: unknown): Validated<string | undefined> {
  const raw = typeof input === 'object' && input !== null ? (input as { sessionId?: unknown }).sessionId : undefined;
  if (raw === undefined || raw === null) return { ok: true, value: undefined, warnings: [] };
  const parsed = sessionIdSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: zodProblems(parsed.error, 'sessionId'), warnings: [] };
  return { ok: true, value: parsed.data, warnings: [] };
}

/** Turns zod issues into our Problem shape, prefixing paths so they point into the whole input. */
export function zodProblems(error: z.core.$ZodError, prefix = '', feature?: number): Problem[] {
  return error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))]
      .join('')
      .replace(/^\./, '');
    const field = issue.path.length ? String(issue.path[issue.path.length - 1]) : 'value';
    const problem: Problem = { path: path || '(root)', rule: `invalid-${field}`, message: issue.message };
    if (feature !== undefined) problem.feature = feature;
    return problem;
  });
}

/**
 * Checks what a resident typed, and normalises it (trimmed text, empty note dropped).
 * @example
 * validatePinDraft({ kind: 'asset', theme: 'green', title: ' Park ', position: [-2.2, 53.4] })
 * // => { ok: true, value: { kind: 'asset', theme: 'green', title: 'Park', position: [-2.2, 53.4] }, warnings: [] }
 */
export function validatePinDraft(input: unknown, themeIds?: ReadonlySet<string>): Validated<PinDraft> {
  const parsed = z.extend(pinFieldsSchema, { position: lngLatSchema }).safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodProblems(parsed.error), warnings: [] };
  const { position, note, ...rest } = parsed.data;
  if (themeIds && !themeIds.has(rest.theme)) {
    return { ok: false, errors: [{ path: 'theme', rule: 'unknown-theme', message: `theme "${rest.theme}" is not one of this map's themes` }], warnings: [] };
  }
  const draft: PinDraft = { ...rest, position: [position[0]!, position[1]!] };
  if (note) draft.note = note;
  return { ok: true, value: draft, warnings: [] };
}
