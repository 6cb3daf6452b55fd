// the facilitator passphrase, checked by the server (POST /api/session) before the panel opens.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { signInFacilitator } from '../../persistence/facilitatorApi.ts';
import { useTableStore } from './useTableStore.ts';

export function PassphraseForm() {
  const { t } = useTranslation();
  const id = useId();
  const signedIn = useTableStore((s) => s.facilitatorSignedIn);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="panel-section"
      onSubmit={async (event) => {
        event.preventDefault();
        if (!passphrase) {
          setError(t('table.passphrase.required'));
          return;
        }
        setBusy(true);
        const result = await signInFacilitator(passphrase);
        setBusy(false);
        if (result.ok) signedIn(result.token);
        else setError(t(`table.passphrase.${result.reason}`, { message: result.message }));
      }}
    >
      <label htmlFor={`${id}-pass`} className="panel-label">
        {t('table.passphrase.label')}
      </label>
      <input
        id={`${id}-pass`}
        className="panel-input"
        type="password"
        autoComplete="current-password"
        value={passphrase}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => {
          setPassphrase(event.target.value);
          setError(null);
        }}
      />
      {error ? (
        <p id={`${id}-error`} className="panel-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="table-button table-button--primary" disabled={busy}>
        {t('table.passphrase.unlock')}
      </button>
    </form>
  );
}
