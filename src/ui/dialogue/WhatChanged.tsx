// "what changed since your last visit" on the resident map and list: the answers and new comments on the pins this
// device follows (its own, supported, commented on) since it last opened the consultation, dismissible. The answers
// come from the pins the device already has; the comment counts from one small query. Its own chunk.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changesSince, followedPinIds } from '../../core/dialogue/changesSince.ts';
import { visitChangesDismissed, visitOpened } from '../../persistence/lastVisit.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { useConsultation } from '../../store/useConsultation.ts';
import { formatDate } from '../formatDate.ts';
import './dialogue.css';
import './loopEnglish.ts';

const FOCUSABLE = 'button:not([disabled]), a[href], input, select, textarea, [tabindex="0"]';

export default function WhatChanged() {
  const { t, i18n } = useTranslation();
  const consultation = useConsultation();
  const ready = useAppStore((s) => s.status === 'ready');
  const pins = useAppStore((s) => s.pins);
  const deviceToken = useAppStore((s) => s.deviceToken);
  const supportedIds = useAppStore((s) => s.supportedIds);
  const commentedIds = useAppStore((s) => s.commentedIds);
  const commentCountsSince = useAppStore((s) => s.commentCountsSince);
  const pinShownOnMap = useAppStore((s) => s.pinShownOnMap);
  // read (and moved on) once per page load
  const [visit] = useState(() => (consultation ? visitOpened(consultation.slug, new Date()) : null));
  const [dismissed, setDismissed] = useState(visit?.dismissed ?? true);
  const [counts, setCounts] = useState<Record<string, number>>({});
  const section = useRef<HTMLElement>(null);
  const since = visit?.previous ?? null;
  const following = useMemo(() => ({ deviceToken, supportedIds, commentedIds }), [deviceToken, supportedIds, commentedIds]);
  const followedKey = ready && since && !dismissed ? followedPinIds(pins, following).join(',') : '';

  useEffect(function countNewComments() {
    if (!since || !followedKey) return;
    let live = true;
    void commentCountsSince(since, followedKey.split(',')).then((found) => live && found && setCounts(found));
    return function ignoreLateCounts() {
      live = false;
    };
  }, [since, followedKey, commentCountsSince]);

  const summary = useMemo(() => (since ? changesSince(pins, following, since, counts) : null), [pins, following, since, counts]);
  if (!consultation || !summary || !since || dismissed || !ready || (!summary.answers.length && !summary.comments.length)) return null;

  const dismiss = () => {
    // the list goes: focus the next thing in the panel rather than dropping it on the page
    let next = section.current?.nextElementSibling ?? null;
    let target: HTMLElement | null = null;
    while (next && !target) {
      target = next.matches(FOCUSABLE) ? (next as HTMLElement) : next.querySelector<HTMLElement>(FOCUSABLE);
      next = next.nextElementSibling;
    }
    visitChangesDismissed(consultation.slug);
    setDismissed(true);
    target?.focus();
  };
  const title = (id: string, text: string) => (
    <button type="button" className="comment-link what-changed__pin" onClick={() => pinShownOnMap(id)}>{text}</button>
  );
  return (
    <section ref={section} className="what-changed" aria-labelledby="what-changed-heading" data-testid="what-changed">
      <h2 id="what-changed-heading">{t('loop.changes.heading')}</h2>
      <p className="comment__meta">{t('loop.changes.since', { date: formatDate(since, i18n.language) })}</p>
      <ul>
        {summary.answers.map((a) => (
          <li key={`a-${a.id}`}>{t('loop.changes.answered')} {title(a.id, a.title)}: {t(`loop.status.${a.status}`)}</li>
        ))}
        {summary.comments.map((c) => (
          <li key={`c-${c.id}`}>{t('loop.changes.comments', { count: c.count })} {title(c.id, c.title)}</li>
        ))}
      </ul>
      <p>{t('loop.changes.answeredCount', { count: summary.followed, answered: summary.answered })}</p>
      <button type="button" className="button button--secondary" onClick={dismiss}>{t('loop.changes.dismiss')}</button>
    </section>
  );
}
