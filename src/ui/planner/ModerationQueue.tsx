// the moderation queue: reported comments and pins, oldest report first; a planner hides one (with a reason) or keeps it.
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DialogueClient, ModerationQueueItem } from '../../persistence/dialogueClient.ts';
import { formatDate } from '../formatDate.ts';
import { ReasonForm } from '../planner-tools/ReasonForm.tsx';
import '../dialogue/loopEnglish.ts';

export function ModerationQueue({ dialogue, changes }: { dialogue: DialogueClient; changes: number }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [items, setItems] = useState<ModerationQueueItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<{ key: string; action: 'hide' | 'restore' } | null>(null);
  const load = useCallback(async () => {
    try {
      setItems(await dialogue.moderationQueue());
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [dialogue]);
  useEffect(function loadQueue() {
    void load();
  }, [load, changes]);

  return (
    <section className="moderation-queue" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('loop.moderation.heading')}</h3>
      <button type="button" className="button button--secondary" onClick={() => void load()}>{t('loop.moderation.refresh')}</button>
      {error ? <p role="alert">{error}</p> : null}
      {items?.length === 0 ? <p>{t('loop.moderation.empty')}</p> : null}
      <ul>
        {(items ?? []).map((item) => {
          const key = item.comment ? `c:${item.comment.id}` : `p:${item.pin.pin.id}`;
          const title = item.pin.pin.properties.title;
          const decide = async (action: 'hide' | 'restore', reason: string) => {
            try {
              if (item.comment) await dialogue.moderateComment(item.pin.pin.id, item.comment.id, action, reason);
              else await dialogue.moderatePin(item.pin.pin.id, action, reason);
              setDeciding(null);
              await load();
              return { ok: true as const };
            } catch (e) {
              return { ok: false as const, code: 'failed', message: e instanceof Error ? e.message : String(e), errors: [] };
            }
          };
          return (
            <li key={key} className="moderation-item">
              <p className="moderation-item__what">{item.comment ? t('loop.moderation.comment', { title }) : `${t('loop.moderation.pin')}: ${title}`}</p>
              {item.comment ? <p className="moderation-item__text">{item.comment.text}</p> : null}
              <p className="moderation-item__meta">
                {t('loop.moderation.reports', { count: item.reports })} · <time dateTime={item.firstReportedAt}>{formatDate(item.firstReportedAt, i18n.language)}</time>
              </p>
              {deciding?.key === key ? (
                <ReasonForm label={t('loop.moderation.reason')} submitLabel={t(deciding.action === 'hide' ? 'loop.moderation.hide' : 'loop.moderation.keep')}
                  onCancel={() => setDeciding(null)} onSubmit={(reason) => decide(deciding.action, reason)} />
              ) : (
                <div className="moderation-item__buttons">
                  <button type="button" className="button" onClick={() => setDeciding({ key, action: 'hide' })}>{t('loop.moderation.hide')}</button>
                  <button type="button" className="button button--secondary" onClick={() => setDeciding({ key, action: 'restore' })}>{t('loop.moderation.keep')}</button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
