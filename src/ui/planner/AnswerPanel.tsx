// the planner's answers: the consultation's pins as a list to select from (filtered by answer, most supported first,
// a page at a time from the server's index), one answer for the selection at once, and the moderation queue.
// Signed-in planners only; residents see the answers live.
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RESPONSE_STATUSES, RESPONSE_TEXT_MAX } from '../../core/dialogue/pinResponse.ts';
import type { ResponseStatus } from '../../core/dialogue/pinResponse.ts';
import type { ResponsePage } from '../../core/responses/responseIndex.ts';
import { DEFAULT_RESPONSE_QUERY } from '../../core/responses/responseQuery.ts';
import { createDialogueClient } from '../../persistence/dialogueClient.ts';
import { getDeviceToken } from '../../persistence/deviceToken.ts';
import { consultationBase, createHttpRepository } from '../../persistence/httpRepository.ts';
import { createHttpResponseSource } from '../../persistence/responseExplorer/httpResponseSource.ts';
import { useAuth, useStaffRole } from '../../store/useAuth.ts';
import { useConsultation } from '../../store/useConsultation.ts';
import { AnswerFilterSelect } from '../dialogue/AnswerFilterSelect.tsx';
import type { AnswerFilter } from '../dialogue/AnswerFilterSelect.tsx';
import { MapSelection } from './MapSelection.tsx';
import { ModerationQueue } from './ModerationQueue.tsx';
import { PinPager } from './PinPager.tsx';
import { QuoteToggle } from './QuoteToggle.tsx';
import '../dialogue/dialogue.css';
import '../dialogue/loopEnglish.ts';

/** rows a page: enough to answer a street's pins at once, small enough to send at a million pins */
const ANSWER_PAGE = 100;

export function AnswerPanel({ changes }: { changes: number }) {
  const role = useStaffRole();
  const slug = useConsultation()?.slug ?? null;
  const checked = useAuth((s) => s.checked);
  const sessionChecked = useAuth((s) => s.sessionChecked);
  // the planner view has no sign-in form of its own: ask the server who this is
  useEffect(function askWhoIsSignedIn() {
    if (!checked) void sessionChecked();
  }, [checked, sessionChecked]);
  if (!slug || (role !== 'planner' && role !== 'admin')) return null;
  return <AnswerPanelFor slug={slug} changes={changes} />;
}

function AnswerPanelFor({ slug, changes }: { slug: string; changes: number }) {
  const { t } = useTranslation();
  const id = useId();
  const api = useMemo(() => createHttpRepository({ deviceToken: getDeviceToken(), consultationBase: consultationBase(slug) }), [slug]);
  const dialogue = useMemo(() => createDialogueClient(api), [api]);
  const source = useMemo(() => createHttpResponseSource(api), [api]);
  const [page, setPage] = useState<ResponsePage | null>(null);
  const [offset, setOffset] = useState(0);
  // counts each page read, so the map selection's counts are asked again with it
  const [reads, setReads] = useState(0);
  const [quoted, setQuoted] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<AnswerFilter>('unanswered');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState<ResponseStatus>('received');
  const [text, setText] = useState('');
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // answering is two steps: the form asks, then a confirm names how many pins it will answer
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const sendButton = useRef<HTMLButtonElement>(null);
  const backToSend = useRef(false);
  const resultLine = useRef<HTMLParagraphElement>(null);
  useEffect(function focusTheConfirmOrBack() {
    // the send button is disabled while the confirm shows: focus it once it is enabled again
    if (confirming) confirmButton.current?.focus();
    else if (backToSend.current) sendButton.current?.focus();
    backToSend.current = false;
  }, [confirming]);

  const answer = filter === 'all' ? null : filter;
  const load = useCallback(async () => {
    try {
      const query = { ...DEFAULT_RESPONSE_QUERY, answer, sort: 'supports' as const, dir: 'desc' as const, offset, limit: ANSWER_PAGE };
      const [listed, featured] = await Promise.all([source.page(query), dialogue.featuredQuoteIds().catch(() => [])]);
      setPage(listed);
      setReads((n) => n + 1);
      setQuoted(new Set(featured));
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [source, dialogue, answer, offset]);
  const quoteChanged = async (pinId: string, featured: boolean): Promise<string | null> => {
    try {
      await dialogue.featureQuote(pinId, featured);
      setQuoted((was) => {
        const next = new Set(was);
        if (featured) next.add(pinId);
        else next.delete(pinId);
        return next;
      });
      return null;
    } catch (e) {
      return t('loop.planner.failed', { message: e instanceof Error ? e.message : String(e) });
    }
  };
  // `changes` moves when the live stream says pins changed (another planner answered too)
  useEffect(function loadPins() {
    void load();
  }, [load, changes]);

  const shown = page?.rows ?? [];
  const filterChanged = (next: AnswerFilter) => {
    setFilter(next);
    setOffset(0);
  };
  const toggle = (pinId: string) => setSelected((s) => {
    const next = new Set(s);
    if (next.has(pinId)) next.delete(pinId);
    else next.add(pinId);
    return next;
  });
  const allShown = shown.length > 0 && shown.every((p) => selected.has(p.id));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (selected.size > 0) setConfirming(true);
  }
  function back() {
    backToSend.current = true;
    setConfirming(false);
  }
  async function confirmed() {
    setConfirming(false);
    setBusy(true);
    try {
      const answered = await dialogue.answerPins([...selected], status, text.trim());
      setResult(t('loop.planner.sent', { count: answered.length }));
      setSelected(new Set());
      setText('');
      await load();
    } catch (e) {
      setResult(t('loop.planner.failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
      // the confirm (and its focused button) went: the outcome takes focus, so it is read out and found
      resultLine.current?.focus();
    }
  }

  return (
    <section className="answer-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('loop.planner.heading')}</h2>
      <p>{t('loop.planner.intro')} <a href={`${api.consultationBase}/feed.atom`}>{t('loop.planner.feed')}</a></p>
      {error ? <p role="alert">{t('loop.planner.loadFailed', { message: error })}</p> : null}
      {page === null && !error ? <p>{t('loop.planner.loading')}</p> : null}
      <AnswerFilterSelect value={filter} onChange={filterChanged} />
      <MapSelection source={source} answer={answer} changes={reads} onSelect={(ids) => { setSelected(new Set(ids)); setResult(null); }} />
      {page ? <PinPager offset={page.offset} shown={page.rows.length} total={page.total} pageSize={ANSWER_PAGE} onOffset={setOffset} /> : null}
      <form className="answer-form" onSubmit={submit} noValidate>
        <div className="answer-form__fields">
          <label htmlFor={`${id}-status`}>{t('loop.planner.status')}</label>
          <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as ResponseStatus)}>
            {RESPONSE_STATUSES.map((s) => <option key={s} value={s}>{t(`loop.status.${s}`)}</option>)}
          </select>
          <label htmlFor={`${id}-text`}>{t('loop.planner.text')}</label>
          <textarea id={`${id}-text`} rows={3} maxLength={RESPONSE_TEXT_MAX} value={text} onChange={(e) => setText(e.target.value)} />
          <p role="status">{t('loop.planner.selected', { count: selected.size })}</p>
          <button ref={sendButton} type="submit" className="button" disabled={busy || selected.size === 0 || confirming}>{t('loop.planner.send')}</button>
          {confirming ? (
            <div role="group" aria-labelledby={`${id}-confirm`} className="answer-confirm">
              <p id={`${id}-confirm`}>{t('loop.planner.confirm', { count: selected.size, status: t(`loop.status.${status}`) })}</p>
              <div className="comment-form__buttons">
                <button ref={confirmButton} type="button" className="button" onClick={() => void confirmed()}>{t('loop.planner.confirmYes', { count: selected.size })}</button>
                <button type="button" className="button button--secondary" onClick={back}>{t('loop.planner.confirmBack')}</button>
              </div>
            </div>
          ) : null}
          <p ref={resultLine} role="status" tabIndex={-1} className="answer-form__result">{result}</p>
        </div>
        <div className="answer-table-wrap">
          <table className="answer-table">
            <thead>
              <tr>
                <th scope="col">
                  <input type="checkbox" aria-label={t('loop.planner.selectAll')} checked={allShown}
                    onChange={() => setSelected(allShown ? new Set() : new Set([...selected, ...shown.map((p) => p.id)]))} />
                </th>
                <th scope="col">{t('loop.planner.title')}</th>
                <th scope="col">{t('loop.planner.supports')}</th>
                <th scope="col">{t('loop.planner.current')}</th>
                <th scope="col">{t('loop.planner.quote')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((pin) => (
                <tr key={pin.id}>
                  <td>
                    <input type="checkbox" aria-label={t('loop.planner.select', { title: pin.title })} checked={selected.has(pin.id)} onChange={() => toggle(pin.id)} />
                  </td>
                  <th scope="row">{pin.title}</th>
                  <td>{pin.supports}</td>
                  <td>{pin.status ? t(`loop.status.${pin.status}`) : t('loop.answer.none')}</td>
                  <td><QuoteToggle title={pin.title} featured={quoted.has(pin.id)} onChange={(on) => quoteChanged(pin.id, on)} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </form>
      <ModerationQueue dialogue={dialogue} changes={changes} />
    </section>
  );
}
