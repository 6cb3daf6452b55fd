// passphrase sign-in for planners and facilitators (and sign-out); reusable by the planner view and the touch table.
import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthError } from '../store/authStore.ts';
import { useAuth } from '../store/useAuth.ts';

interface SignInFormProps {
  /** called once the server accepts the passphrase */
  onSignedIn?: () => void;
  /** show the "Sign out" button when already signed in (default true) */
  showSignOut?: boolean;
  /** 'table': the touch table's panel look, with its 56 px touch targets */
  variant?: 'page' | 'table';
}

/** class names per look; the structure, names and behaviour are the same */
const LOOKS = {
  page: { form: 'sign-in', field: 'field', label: undefined, input: undefined, error: 'field-error', submit: 'button button--primary', button: 'button' },
  table: { form: 'panel-section', field: 'panel-field', label: 'panel-label', input: 'panel-input', error: 'panel-error', submit: 'table-button table-button--primary', button: 'table-button' },
} as const;

function useErrorText(error: AuthError | null): string | null {
  const { t } = useTranslation();
  if (!error) return null;
  if (error.code === 'wrong-passphrase') return t('sync.auth.wrong');
  if (error.code === 'too-many-attempts') return t('sync.auth.tooMany', { seconds: error.retryAfterSeconds ?? 60 });
  if (error.code === 'network') return t('sync.auth.offline');
  return t('sync.auth.failed', { reason: error.message });
}

export function SignInForm({ onSignedIn, showSignOut = true, variant = 'page' }: SignInFormProps) {
  const { t } = useTranslation();
  const look = LOOKS[variant];
  const id = useId();
  const role = useAuth((s) => s.role);
  const checked = useAuth((s) => s.checked);
  const busy = useAuth((s) => s.busy);
  const error = useAuth((s) => s.error);
  const sessionChecked = useAuth((s) => s.sessionChecked);
  const signInRequested = useAuth((s) => s.signInRequested);
  const signOutRequested = useAuth((s) => s.signOutRequested);
  const [passphrase, setPassphrase] = useState('');
  const [missing, setMissing] = useState(false);
  const errorText = useErrorText(error);

  useEffect(
    function askWhoIsSignedIn() {
      if (!checked) void sessionChecked();
    },
    [checked, sessionChecked],
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!passphrase) {
      setMissing(true);
      return;
    }
    setMissing(false);
    if (await signInRequested(passphrase)) {
      setPassphrase('');
      onSignedIn?.();
    }
  }

  if (role === 'planner') {
    return (
      <div className={`${look.form} sign-in--done`}>
        <p role="status">{t('sync.auth.signedIn')}</p>
        {showSignOut ? (
          <button type="button" className={look.button} disabled={busy} onClick={() => void signOutRequested()}>
            {t('sync.auth.signOut')}
          </button>
        ) : null}
      </div>
    );
  }

  // asking the server who this is takes a moment; a form that turns into "Signed in" under the cursor would mislead
  if (!checked) return null;
  const message = missing ? t('sync.auth.required') : errorText;
  return (
    <form className={look.form} aria-labelledby={`${id}-heading`} onSubmit={(e) => void submit(e)} noValidate>
      <h3 id={`${id}-heading`} className="sign-in__heading">
        {t('sync.auth.heading')}
      </h3>
      <div className={look.field}>
        <label htmlFor={`${id}-passphrase`} className={look.label}>{t('sync.auth.passphrase')}</label>
        <input
          id={`${id}-passphrase`}
          className={look.input}
          type="password"
          autoComplete="current-password"
          value={passphrase}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-error` : undefined}
          onChange={(e) => setPassphrase(e.target.value)}
        />
      </div>
      {message ? (
        <p id={`${id}-error`} className={look.error} role="alert">
          {message}
        </p>
      ) : null}
      <button type="submit" className={look.submit} disabled={busy}>
        {busy ? t('sync.auth.signingIn') : t('sync.auth.signIn')}
      </button>
    </form>
  );
}
