// this device's own comment: edit and delete while the server still allows it (15 minutes), with the time left said
// in words; both by keyboard, focus kept where a screen reader user expects it. Loaded with the comments' chunk.
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent, MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMENT_EDIT_WINDOW_MS, COMMENT_MAX } from '../../core/dialogue/comments.ts';
import type { PinComment } from '../../core/dialogue/comments.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import './loopEnglish.ts';

/** whole minutes still left to change a comment made at `createdAt` (0: no longer) */
export function minutesLeft(createdAt: string, now: number, windowMs = COMMENT_EDIT_WINDOW_MS): number {
  const left = Date.parse(createdAt) + windowMs - now;
  return left > 0 ? Math.ceil(left / 60_000) : 0;
}

/** the time now, re-read every few seconds so the minutes left count down and the buttons go when the window shuts */
function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(function tick() {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return function stopTicking() {
      clearInterval(timer);
    };
  }, [everyMs]);
  return now;
}

type Mode = 'idle' | 'editing' | 'deleting';

/**
 * A click that swaps the button it was on for something else, kept to this component.
 * WARNING: in the map's popup the button is gone before leaflet sees the click, so leaflet takes it for a click on the
 * map and closes the popup; stopping it here (react listens on the popup's content) keeps the popup open.
 */
const swapping = (then: () => void) => (event: MouseEvent) => {
  event.stopPropagation();
  then();
};

export function OwnCommentActions({ comment }: { comment: PinComment }) {
  const { t } = useTranslation();
  const id = useId();
  const commentEdited = useAppStore((s) => s.commentEdited);
  const commentDeleted = useAppStore((s) => s.commentDeleted);
  const left = minutesLeft(comment.createdAt, useNow(10_000));
  const [mode, setMode] = useState<Mode>('idle');
  const [text, setText] = useState(comment.text);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(function focusForMode() {
    if (mode === 'editing') field.current?.focus();
    else if (mode === 'deleting') confirmButton.current?.focus();
    else if (returnFocus.current) editButton.current?.focus();
    returnFocus.current = false;
  }, [mode]);

  if (left === 0) return null;
  const back = () => {
    returnFocus.current = true;
    setError(null);
    setMode('idle');
  };
  async function save(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    const result = await commentEdited(comment.pinId, comment.id, text.trim());
    setBusy(false);
    if (result.ok) back();
    else setError(t('loop.comments.failed', { message: result.message }));
  }
  async function remove() {
    setBusy(true);
    const result = await commentDeleted(comment.pinId, comment.id);
    setBusy(false);
    // on success this comment leaves the list (and this component with it)
    if (!result.ok) setError(t('loop.comments.failed', { message: result.message }));
  }
  // Escape leaves the form, not the popup (which closes on Escape from anywhere inside it)
  const escapeBack = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    back();
  };
  const errorLine = error ? <p id={`${id}-error`} className="field-error" role="alert">{error}</p> : null;
  return (
    <div className="comment-own">
      <p id={`${id}-left`} className="comment__meta">{t('loop.comments.editLeft', { count: left })}</p>
      {mode === 'idle' ? (
        <div className="comment__actions">
          <button ref={editButton} type="button" className="comment-link" aria-describedby={`${id}-left`}
            onClick={swapping(() => { setText(comment.text); setMode('editing'); })}>{t('loop.comments.edit')}</button>
          <button type="button" className="comment-link" aria-describedby={`${id}-left`} onClick={swapping(() => setMode('deleting'))}>{t('loop.comments.delete')}</button>
        </div>
      ) : null}
      {mode === 'editing' ? (
        <form className="comment-form" onSubmit={(e) => void save(e)} onKeyDown={escapeBack} noValidate>
          <label htmlFor={`${id}-text`}>{t('loop.comments.editLabel')}</label>
          <textarea ref={field} id={`${id}-text`} rows={2} maxLength={COMMENT_MAX} value={text} onChange={(e) => setText(e.target.value)}
            aria-describedby={error ? `${id}-error` : undefined} />
          {errorLine}
          <div className="comment-form__buttons">
            <button type="submit" className="button" disabled={busy || !text.trim()}>{t('loop.comments.save')}</button>
            <button type="button" className="button button--secondary" onClick={swapping(back)}>{t('loop.comments.cancel')}</button>
          </div>
        </form>
      ) : null}
      {mode === 'deleting' ? (
        <div role="group" aria-labelledby={`${id}-ask`} className="comment-form">
          <p id={`${id}-ask`}>{t('loop.comments.deleteAsk')}</p>
          {errorLine}
          <div className="comment-form__buttons">
            <button ref={confirmButton} type="button" className="button" disabled={busy} onClick={() => void remove()}>{t('loop.comments.deleteConfirm')}</button>
            <button type="button" className="button button--secondary" onClick={swapping(back)}>{t('loop.comments.keep')}</button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
