// residents' comments on pins, their reports, and planners' hiding; always within one consultation.
import { sql } from 'kysely';
import type { Selectable } from 'kysely';
import type { CommentsTable, Executor } from '../db/database.ts';
import type { StorageDialect } from '../db/storageDialect.ts';
import type { ModerationItem, StoredComment } from '../dialogue.ts';
import { PIN_COLUMNS, rowToPin } from '../pinRows.ts';

const COMMENT_COLUMNS = ['id', 'pin_id', 'parent_id', 'author', 'text', 'created_at', 'edited_at', 'hidden', 'hidden_reason'] as const;
type CommentRow = Pick<Selectable<CommentsTable>, (typeof COMMENT_COLUMNS)[number]>;

export function rowToComment(row: CommentRow): StoredComment {
  const comment: StoredComment = {
    id: row.id, pinId: row.pin_id, parentId: row.parent_id, author: row.author, text: row.text,
    createdAt: row.created_at, editedAt: row.edited_at, hidden: Boolean(row.hidden),
  };
  if (row.hidden_reason !== null) comment.hiddenReason = row.hidden_reason;
  return comment;
}

export async function selectComment(x: Executor, consultationId: string, id: string): Promise<StoredComment | null> {
  const row = await x.selectFrom('comments').select(COMMENT_COLUMNS).where('id', '=', id).where('consultation_id', '=', consultationId).executeTakeFirst();
  return row ? rowToComment(row) : null;
}

/** a pin's comments, oldest first; without `includeHidden` also no reply of a hidden comment */
export async function listComments(x: Executor, consultationId: string, pinId: string, includeHidden: boolean): Promise<StoredComment[]> {
  const rows = await x.selectFrom('comments').select(COMMENT_COLUMNS)
    .where('consultation_id', '=', consultationId).where('pin_id', '=', pinId)
    .orderBy('created_at').orderBy('id').execute();
  const comments = rows.map(rowToComment);
  if (includeHidden) return comments;
  const hidden = new Set(comments.filter((c) => c.hidden).map((c) => c.id));
  return comments.filter((c) => !c.hidden && (c.parentId === null || !hidden.has(c.parentId)));
}

/** the ids of a comment and its replies */
export async function threadIds(x: Executor, id: string): Promise<string[]> {
  const replies = await x.selectFrom('comments').select('id').where('parent_id', '=', id).execute();
  return [id, ...replies.map((r) => r.id)];
}

/** blanks the text of these comments' logged events: only the type, the comment's id and its pin stay */
export async function blankCommentEvents(x: Executor, consultationId: string, pinId: string, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    await x.updateTable('events')
      .set((eb) => ({ payload: sql<string>`'{"type":"' || ${eb.ref('type')} || '","id":' || ${JSON.stringify(id)} || ',"pinId":' || ${JSON.stringify(pinId)} || '}'` }))
      .where('comment_id', '=', id).where('consultation_id', '=', consultationId).execute();
  }
}

/** visible comments per pin (a hidden comment's replies not counted) */
export async function commentCounts(x: Executor, dialect: StorageDialect, consultationId: string): Promise<Map<string, number>> {
  const rows = await x.selectFrom('comments as c')
    .leftJoin('comments as p', 'p.id', 'c.parent_id')
    .select(['c.pin_id', (eb) => eb.fn.countAll().as('n')])
    .where('c.consultation_id', '=', consultationId).where('c.hidden', '=', dialect.bool(false))
    .where((eb) => eb.or([eb('c.parent_id', 'is', null), eb('p.hidden', '=', dialect.bool(false))]))
    .groupBy('c.pin_id').execute();
  return new Map(rows.map((r) => [r.pin_id, Number(r.n)]));
}

/** reported comments and pins whose reports are not settled, the longest-waiting first */
export async function moderationQueue(x: Executor, consultationId: string, limit: number): Promise<ModerationItem[]> {
  const commentRows = await x.selectFrom('comment_reports as r')
    .innerJoin('comments as c', 'c.id', 'r.comment_id')
    .select([...COMMENT_COLUMNS.map((c) => `c.${c}` as const), (eb) => eb.fn.countAll().as('reports'), (eb) => eb.fn.min('r.at').as('first')])
    .where('c.consultation_id', '=', consultationId)
    .groupBy(COMMENT_COLUMNS.map((c) => `c.${c}` as const))
    .orderBy('first').limit(limit).execute();
  const pinRows = await x.selectFrom('pin_reports as r')
    .innerJoin('pins as p', 'p.id', 'r.pin_id')
    .select([...PIN_COLUMNS.map((c) => `p.${c}` as const), (eb) => eb.fn.countAll().as('reports'), (eb) => eb.fn.min('r.at').as('first')])
    .where('p.consultation_id', '=', consultationId)
    .groupBy(PIN_COLUMNS.map((c) => `p.${c}` as const))
    .orderBy('first').limit(limit).execute();
  const pinsOfComments = new Map<string, ReturnType<typeof rowToPin>>();
  const pinIds = [...new Set(commentRows.map((r) => r.pin_id))];
  for (let i = 0; i < pinIds.length; i += 500) {
    const rows = await x.selectFrom('pins').select(PIN_COLUMNS).where('id', 'in', pinIds.slice(i, i + 500)).execute();
    for (const row of rows) pinsOfComments.set(row.id, rowToPin(row));
  }
  const items: ModerationItem[] = [
    ...commentRows.map((r) => ({ type: 'comment' as const, comment: rowToComment(r), pin: pinsOfComments.get(r.pin_id)!, reports: Number(r.reports), firstReportedAt: String(r.first) })),
    ...pinRows.map((r) => ({ type: 'pin' as const, comment: null, pin: rowToPin(r), reports: Number(r.reports), firstReportedAt: String(r.first) })),
  ];
  return items.sort((a, b) => (a.firstReportedAt < b.firstReportedAt ? -1 : a.firstReportedAt > b.firstReportedAt ? 1 : 0)).slice(0, limit);
}
