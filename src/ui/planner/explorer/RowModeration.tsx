// hide or restore one response, with a reason from a fixed list (or "other", in the planner's words) for the audit log.
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseRow } from '../../../core/responses/responseIndex.ts';
import { useResponseExplorer } from '../../../store/useResponseExplorer.ts';

/** the preset reasons, by action; each is written to the audit log in English, so every planner reads one log */
export const HIDE_REASONS = ['personal', 'abusive', 'spam', 'duplicate', 'offTopic'] as const;
export const RESTORE_REASONS = ['mistake', 'edited', 'appeal'] as const;
const OTHER = 'other';

export function RowModeration({ row }: { row: ResponseRow }) {
  const { t } = useTranslation();
  const id = useId();
  const pinModerated = useResponseExplorer((s) => s.pinModerated);
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState('');
  const [other, setOther] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const action = row.hidden ? 'restore' : 'hide';
  const presets = action === 'hide' ? HIDE_REASONS : RESTORE_REASONS;

  if (!open) {
    return (
      <button type="button" className="button" aria-label={t(`explorer.moderation.${action}Named`, { title: row.title })} onClick={() => setOpen(true)}>
        {t(`explorer.moderation.${action}`)}
      </button>
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const reason = choice === OTHER ? other.trim() : choice ? t(`explorer.reasons.${action}.${choice}`, { lng: 'en' }) : '';
    if (!reason) {
      setError(t(choice === OTHER ? 'explorer.moderation.otherRequired' : 'explorer.moderation.reasonRequired'));
      return;
    }
    setBusy(true);
    try {
      await pinModerated(row.id, action, reason);
      setOpen(false);
    } catch (e) {
      setError(t('explorer.moderation.failed', { reason: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="explorer-moderation" onSubmit={(e) => void submit(e)} noValidate aria-label={t(`explorer.moderation.${action}Named`, { title: row.title })}>
      <label htmlFor={`${id}-reason`}>{t(`explorer.moderation.${action}Reason`)}</label>
      <select
        id={`${id}-reason`}
        value={choice}
        aria-invalid={error && choice !== OTHER ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          setChoice(e.target.value);
          setError(null);
        }}
      >
        <option value="">{t('explorer.moderation.choose')}</option>
        {presets.map((p) => (
          <option key={p} value={p}>
            {t(`explorer.reasons.${action}.${p}`)}
          </option>
        ))}
        <option value={OTHER}>{t('explorer.reasons.other')}</option>
      </select>
      {choice === OTHER ? (
        <>
          <label htmlFor={`${id}-other`}>{t('explorer.moderation.otherLabel')}</label>
          <input id={`${id}-other`} type="text" maxLength={500} value={other} aria-invalid={error ? true : undefined} onChange={(e) => setOther(e.target.value)} />
        </>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="pin-actions">
        <button type="submit" className={`button${action === 'hide' ? ' button--danger' : ''}`} disabled={busy}>
          {t(`explorer.moderation.confirm.${action}`)}
        </button>
        <button type="button" className="button" onClick={() => setOpen(false)}>
          {t('explorer.moderation.cancel')}
        </button>
      </div>
    </form>
  );
}
