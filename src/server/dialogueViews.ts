// what a client sees of the dialogue: a comment without its author hash, `mine` for the asking device's own, and
// moderation state for planners only.
import type { PinComment } from '../core/dialogue/comments.ts';
import type { DeviceIdentity } from './auth.ts';
import { isAuthor } from './serverContext.ts';
import type { StoredComment } from './storage/dialogue.ts';

export function publicComment(comment: StoredComment, viewer: { device: DeviceIdentity | null; planner: boolean }): PinComment {
  const view: PinComment = { id: comment.id, pinId: comment.pinId, parentId: comment.parentId, text: comment.text, createdAt: comment.createdAt, editedAt: comment.editedAt };
  if (isAuthor(comment.author, viewer.device)) view.mine = true;
  if (viewer.planner) {
    view.hidden = comment.hidden;
    if (comment.hiddenReason !== undefined) view.hiddenReason = comment.hiddenReason;
  }
  return view;
}
