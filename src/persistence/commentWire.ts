// a comment as the server sends it (in answers and live events), read into the app's shape: apart from the dialogue's
// client (dialogueClient.ts) because the live events of the resident's first load read comments too.
import '../core/zodJitless.ts';
import { z } from 'zod/mini';
import type { PinComment } from '../core/dialogue/comments.ts';

export const commentSchema = z.object({
  id: z.string().check(z.minLength(1)),
  pinId: z.string().check(z.minLength(1)),
  parentId: z.nullable(z.string()),
  text: z.string(),
  createdAt: z.string(),
  editedAt: z.nullable(z.string()),
  mine: z.optional(z.boolean()),
  hidden: z.optional(z.boolean()),
  hiddenReason: z.optional(z.string()),
});

/**
 * The strict form of a comment read from the wire (optional fields left out rather than undefined).
 * @example
 * toComment({ id: 'c1', pinId: 'p1', parentId: null, text: 'Agreed', createdAt: '…', editedAt: null }).text // => 'Agreed'
 */
export function toComment(raw: unknown): PinComment {
  const c = commentSchema.parse(raw);
  const comment: PinComment = { id: c.id, pinId: c.pinId, parentId: c.parentId, text: c.text, createdAt: c.createdAt, editedAt: c.editedAt };
  if (c.mine) comment.mine = true;
  if (c.hidden !== undefined) comment.hidden = c.hidden;
  if (c.hiddenReason !== undefined) comment.hiddenReason = c.hiddenReason;
  return comment;
}

