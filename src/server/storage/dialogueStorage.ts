// the dialogue rules of one consultation (answers, comments, reports, moderation), written once over Kysely for both
// databases; each change with its event in one transaction, as the pins' rules are.
import type { StorageDialect } from './db/storageDialect.ts';
import type { DialogueStorage } from './dialogue.ts';
import { writeAudit } from './queries/audit.ts';
import { blankCommentEvents, commentCounts, listComments, moderationQueue, rowToComment, selectComment, threadIds } from './queries/comments.ts';
import type { EventLog } from './queries/events.ts';
import { selectPin } from './queries/pins.ts';
import { featuredQuotes, setQuote } from './queries/quotes.ts';
import { answeredPins, missingPins, responseHistory, setAnswer } from './queries/responses.ts';

/**
 * The dialogue inside one consultation; ConsultationStorage includes it.
 * @example
 * const dialogue = dialogueStorage(dialect, log, consultationId); await dialogue.answerPin(pinId, answer);
 */
export function dialogueStorage(dialect: StorageDialect, log: EventLog, consultationId: string): DialogueStorage {
  const { db } = dialect;
  const id = consultationId;
  return {
    answerPin: (pinId, answer) => log.write(id, (trx, record) => setAnswer(trx, dialect, id, pinId, answer, record)),
    answerPins: (ids, answer) =>
      log.write(id, async (trx, record) => {
        const missing = await missingPins(trx, id, ids);
        if (missing.length) return { ok: false as const, missing };
        const pins = [];
        for (const pinId of ids) pins.push((await setAnswer(trx, dialect, id, pinId, answer, record))!);
        return { ok: true as const, pins };
      }),
    responseHistory: (pinId) => responseHistory(db, id, pinId),
    answeredPins: (limit) => answeredPins(dialect, id, limit),

    listComments: (pinId, options = {}) => listComments(db, id, pinId, options.includeHidden ?? false),
    getComment: (commentId) => selectComment(db, id, commentId),
    addComment: (comment) =>
      log.write(id, async (trx, record) => {
        const pin = await selectPin(trx, dialect, id, comment.pinId, true);
        if (!pin || pin.properties.hidden) return { ok: false as const, code: 'pin-not-found' as const };
        let parentId = comment.parentId;
        if (parentId !== null) {
          const parent = await selectComment(trx, id, parentId);
          if (!parent || parent.pinId !== comment.pinId || parent.hidden) return { ok: false as const, code: 'parent-not-found' as const };
          // one level of replies: a reply to a reply joins its parent's thread
          parentId = parent.parentId ?? parent.id;
        }
        const inserted = await trx.insertInto('comments').values({
          id: comment.id, consultation_id: id, pin_id: comment.pinId, parent_id: parentId, author: comment.author, text: comment.text,
          created_at: comment.createdAt, edited_at: null, hidden: dialect.bool(false), hidden_reason: null,
        }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) return { ok: false as const, code: 'id-taken' as const };
        const stored = (await selectComment(trx, id, comment.id))!;
        await record({ type: 'comment-created', comment: stored });
        return { ok: true as const, comment: stored };
      }),
    editComment: (commentId, text, at) =>
      log.write(id, async (trx, record) => {
        const result = await trx.updateTable('comments').set({ text, edited_at: at }).where('id', '=', commentId).where('consultation_id', '=', id).executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) return null;
        const stored = (await selectComment(trx, id, commentId))!;
        if (!stored.hidden) await record({ type: 'comment-updated', comment: stored });
        return stored;
      }),
    deleteComment: (commentId) =>
      log.write(id, async (trx, record) => {
        const current = await selectComment(trx, id, commentId);
        if (!current) return false;
        const thread = await threadIds(trx, commentId);
        await trx.deleteFrom('comments').where('id', '=', commentId).execute();
        // their text leaves the log at once, replies' too (deleting a comment takes its replies with it)
        await blankCommentEvents(trx, id, current.pinId, thread);
        await record({ type: 'comment-deleted', id: commentId, pinId: current.pinId });
        return true;
      }),
    async reportComment(commentId, reporter, at) {
      if (!(await selectComment(db, id, commentId))) return null;
      const inserted = await db.insertInto('comment_reports').values({ comment_id: commentId, reporter, at }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
      return { added: Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1 };
    },
    async reportPin(pinId, reporter, at) {
      if (!(await selectPin(db, dialect, id, pinId))) return null;
      const inserted = await db.insertInto('pin_reports').values({ pin_id: pinId, reporter, at }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
      return { added: Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1 };
    },
    moderateComment: (commentId, m) =>
      log.write(id, async (trx, record) => {
        const result = await trx.updateTable('comments')
          .set({ hidden: dialect.bool(m.hidden), hidden_reason: m.hidden ? m.reason : null })
          .where('id', '=', commentId).where('consultation_id', '=', id).executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) return null;
        // a planner looked at it: its reports are settled either way
        await trx.deleteFrom('comment_reports').where('comment_id', '=', commentId).execute();
        const row = (await trx.selectFrom('comments').selectAll().where('id', '=', commentId).executeTakeFirst())!;
        const stored = rowToComment(row);
        await writeAudit(trx, { consultationId: id, at: m.at, actor: m.actor, action: m.hidden ? 'hide-comment' : 'restore-comment', pinId: stored.pinId, reason: m.reason });
        await record(m.hidden ? { type: 'comment-hidden', id: commentId, pinId: stored.pinId } : { type: 'comment-restored', comment: stored });
        return stored;
      }),
    moderationQueue: (limit) => moderationQueue(db, id, limit),
    commentCounts: () => commentCounts(db, dialect, id),
    featureQuote: (pinId, q) => db.transaction().execute((trx) => setQuote(trx, id, pinId, q)),
    featuredQuotes: () => featuredQuotes(dialect, id),
  };
}
