// residents' comments on a pin: one level of replies, the pins' text rules; one codec for the client and the server.
import '../zodJitless.ts';
import { z } from 'zod/mini';
import { storableText } from '../storableText.ts';
import { NOTE_MAX } from '../types.ts';
import type { Validated } from '../types.ts';
import { zodProblems } from '../validatePin.ts';

export const COMMENT_MAX = NOTE_MAX;
/** how long its author may still edit or delete a comment */
export const COMMENT_EDIT_WINDOW_MS = 15 * 60 * 1000;
export const COMMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** a comment as a client sees it: never the author hash; `mine` for the asking device's own */
export interface PinComment {
  id: string;
  pinId: string;
  /** the comment it replies to (one level only: a reply to a reply hangs under the same parent), or null */
  parentId: string | null;
  text: string;
  createdAt: string;
  editedAt: string | null;
  mine?: boolean;
  /** planners only */
  hidden?: boolean;
  hiddenReason?: string;
  reports?: number;
}

const textSchema = z
  .string({ error: 'text must be text' })
  .check(z.trim(), z.minLength(1, 'text is required'), z.maxLength(COMMENT_MAX, `text must be at most ${COMMENT_MAX} characters`), z.superRefine(storableText('text')));

const newCommentSchema = z.strictObject(
  { text: textSchema, parentId: z.optional(z.nullable(z.string().check(z.regex(COMMENT_ID, 'parentId must be a comment id')))) },
  { error: 'send { "text": "…" }' },
);
const editSchema = z.strictObject({ text: textSchema }, { error: 'send { "text": "…" }' });

/**
 * Reads a new comment (a reply names its parent).
 * @example
 * readNewComment({ text: ' Agreed ' }) // => { ok: true, value: { text: 'Agreed', parentId: null }, warnings: [] }
 * readNewComment({ text: '' }).ok // => false
 */
export function readNewComment(input: unknown): Validated<{ text: string; parentId: string | null }> {
  const parsed = newCommentSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodProblems(parsed.error), warnings: [] };
  return { ok: true, value: { text: parsed.data.text, parentId: parsed.data.parentId ?? null }, warnings: [] };
}

/**
 * Reads an edit of a comment's text.
 * @example
 * readCommentEdit({ text: 'Agreed, and the lights' }).ok // => true
 */
export function readCommentEdit(input: unknown): Validated<{ text: string }> {
  const parsed = editSchema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data, warnings: [] } : { ok: false, errors: zodProblems(parsed.error), warnings: [] };
}

/**
 * Whether its author may still change a comment made at `createdAt` (ISO) at `now` (ms).
 * @example
 * canStillEdit('2026-12-01T12:00:00.000Z', Date.parse('2026-12-01T12:10:00.000Z')) // => true
 * canStillEdit('2026-12-01T12:00:00.000Z', Date.parse('2026-12-01T12:20:00.000Z')) // => false
 */
export function canStillEdit(createdAt: string, now: number, windowMs = COMMENT_EDIT_WINDOW_MS): boolean {
  return now - Date.parse(createdAt) <= windowMs;
}
