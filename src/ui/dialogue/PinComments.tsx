// a pin's comments in its details: the threads (one level of replies), adding, replying, reporting, editing and deleting
// one's own, and hiding for planners; kept live by the event stream. Every comment is rendered as text.
import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMENT_MAX } from '../../core/dialogue/comments.ts';
import type { PinComment } from '../../core/dialogue/comments.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { useStaffRole } from '../../store/useAuth.ts';
import { formatDate } from '../formatDate.ts';
import { OwnCommentActions } from './OwnCommentActions.tsx';
import { ReasonForm } from '../planner-tools/ReasonForm.tsx';
import './dialogue.css';
import './loopEnglish.ts';

const NO_COMMENTS: readonly PinComment[] = [];

function CommentForm({ pinId, parentId, onDone }: { pinId: string; parentId: string | null; onDone?: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const commentPosted = useAppStore((s) => s.commentPosted);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    const result = await commentPosted(pinId, text.trim(), parentId);
    setBusy(false);
    if (result.ok) {
      setText('');
      setError(null);
      onDone?.();
    } else setError(t('loop.comments.failed', { message: result.message }));
  }
  return (
    <form className="comment-form" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor={`${id}-text`}>{t(parentId ? 'loop.comments.replyLabel' : 'loop.comments.textLabel')}</label>
      <textarea id={`${id}-text`} rows={2} maxLength={COMMENT_MAX} value={text} onChange={(e) => setText(e.target.value)}
        aria-describedby={error ? `${id}-error` : undefined} />
      {error ? <p id={`${id}-error`} className="field-error" role="alert">{error}</p> : null}
      <div className="comment-form__buttons">
        <button type="submit" className="button" disabled={busy || !text.trim()}>{t(parentId ? 'loop.comments.sendReply' : 'loop.comments.send')}</button>
        {onDone ? <button type="button" className="button button--secondary" onClick={onDone}>{t('loop.comments.cancel')}</button> : null}
      </div>
    </form>
  );
}

function CommentItem({ comment, replying, onReply }: { comment: PinComment; replying: boolean; onReply: (id: string | null) => void }) {
  const { t, i18n } = useTranslation();
  const commentReported = useAppStore((s) => s.commentReported);
  const commentHidden = useAppStore((s) => s.commentHidden);
  const role = useStaffRole();
  const planner = role === 'planner' || role === 'admin';
  const [note, setNote] = useState<string | null>(null);
  const [hiding, setHiding] = useState(false);
  const report = async () => {
    const result = await commentReported(comment.pinId, comment.id);
    setNote(result.ok ? t('loop.comments.reported') : t('loop.comments.failed', { message: result.message }));
  };
  return (
    <li className={comment.parentId ? 'comment comment--reply' : 'comment'} data-comment-id={comment.id}>
      <p className="comment__text">{comment.text}</p>
      <p className="comment__meta">
        <time dateTime={comment.createdAt}>{formatDate(comment.createdAt, i18n.language)}</time>
        {comment.editedAt ? ` · ${t('loop.comments.edited')}` : null}
        {comment.mine ? ` · ${t('loop.comments.yours')}` : null}
      </p>
      <div className="comment__actions">
        {comment.parentId === null ? (
          <button type="button" className="comment-link" aria-expanded={replying} onClick={() => onReply(replying ? null : comment.id)}>{t('loop.comments.reply')}</button>
        ) : null}
        {comment.mine ? null : (
          <button type="button" className="comment-link" onClick={() => void report()}>{t('loop.comments.report')}</button>
        )}
        {/* stopped: the button goes before leaflet sees the click, which it would take for a click on the map (see OwnCommentActions) */}
        {planner && !hiding ? <button type="button" className="comment-link" onClick={(e) => { e.stopPropagation(); setHiding(true); }}>{t('loop.comments.hide')}</button> : null}
      </div>
      {comment.mine ? <OwnCommentActions comment={comment} /> : null}
      {hiding ? (
        <ReasonForm label={t('loop.comments.hideReason')} submitLabel={t('loop.comments.confirmHide')} onCancel={() => setHiding(false)}
          onSubmit={async (reason) => {
            const result = await commentHidden(comment.pinId, comment.id, reason);
            return result.ok ? result : { ...result, errors: [] };
          }} />
      ) : null}
      {note ? <p className="comment__note" role="status">{note}</p> : null}
      {replying ? <CommentForm pinId={comment.pinId} parentId={comment.id} onDone={() => onReply(null)} /> : null}
    </li>
  );
}

export function PinComments({ pinId }: { pinId: string }) {
  const { t } = useTranslation();
  const available = useAppStore((s) => s.dialogueAvailable);
  const loaded = useAppStore((s) => s.commentsByPin.get(pinId));
  const comments = loaded ?? NO_COMMENTS;
  const commentsRequested = useAppStore((s) => s.commentsRequested);
  const [error, setError] = useState<string | null>(null);
  const [replyTo, setReplyTo] = useState<string | null>(null);

  useEffect(function loadComments() {
    if (!available) return;
    void commentsRequested(pinId).then((result) => setError(result.ok ? null : result.message));
  }, [available, pinId, commentsRequested]);

  if (!available) return null;
  return (
    <section className="pin-comments" aria-labelledby={`pin-comments-${pinId}`}>
      <h3 id={`pin-comments-${pinId}`}>
        {t('loop.comments.heading')} <span className="pin-comments__count">({t('loop.comments.count', { count: comments.length })})</span>
      </h3>
      {error ? <p role="alert">{t('loop.comments.loadFailed', { message: error })}</p> : null}
      {!loaded && !error ? <p>{t('loop.comments.loading')}</p> : null}
      {loaded && comments.length === 0 ? <p>{t('loop.comments.none')}</p> : null}
      {comments.length ? (
        <ul className="comment-list">
          {comments.map((c) => <CommentItem key={c.id} comment={c} replying={replyTo === c.id} onReply={setReplyTo} />)}
        </ul>
      ) : null}
      <CommentForm pinId={pinId} parentId={null} />
    </section>
  );
}
