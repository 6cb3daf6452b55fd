// asks a planner why a pin is hidden or restored (the reason goes to the audit log), then runs the action.
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServerActionResult } from '../../store/appState.ts';
import './staffToolsEnglish.ts';

interface ReasonFormProps {
  label: string;
  submitLabel: string;
  onSubmit: (reason: string) => Promise<ServerActionResult>;
  onCancel: () => void;
}

export function ReasonForm({ label, submitLabel, onSubmit, onCancel }: ReasonFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setError(t('sync.moderation.reasonRequired'));
      return;
    }
    setBusy(true);
    const result = await onSubmit(reason.trim());
    setBusy(false);
    if (!result.ok) setError(t('sync.moderation.failed', { reason: result.message }));
  }

  return (
    <form className="moderation-form" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor={`${id}-reason`}>{label}</label>
      <input
        id={`${id}-reason`}
        type="text"
        maxLength={500}
        autoFocus
        value={reason}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setReason(e.target.value)}
      />
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="pin-actions">
        <button type="submit" className="button button--danger" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('sync.moderation.cancel')}
        </button>
      </div>
    </form>
  );
}
