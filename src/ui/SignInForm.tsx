// staff sign-in with e-mail and password (and sign-out); reusable by the planner tools, the touch table and the staff console.
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthError } from '../store/authStore.ts';
import { useAuth } from '../store/useAuth.ts';
import './planner-tools/staffToolsEnglish.ts';

interface SignInFormProps {
  /** called once the server accepts the e-mail and password */
  onSignedIn?: () => void;
  /** show the "Sign out" button when already signed in (default true) */
  showSignOut?: boolean;
  /** 'table': the touch table's panel look, with its 56 px touch targets */
  variant?: 'page' | 'table';
  /** the heading's level: 3 inside a panel (default), 2 on a page of its own */
  headingLevel?: 2 | 3;
}

/** class names per look; the structure, names and behaviour are the same */
const LOOKS = {
  page: { form: 'sign-in', field: 'field', label: undefined, input: undefined, error: 'field-error', submit: 'button button--primary', button: 'button' },
  table: { form: 'panel-section', field: 'panel-field', label: 'panel-label', input: 'panel-input', error: 'panel-error', submit: 'table-button table-button--primary', button: 'table-button' },
} as const;

function useErrorText(error: AuthError | null): string | null {
  const { t } = useTranslation();
  if (!error) return null;
  if (error.code === 'wrong-credentials') return t('sync.auth.wrong');
  if (error.code === 'too-many-attempts') return t('sync.auth.tooMany', { seconds: error.retryAfterSeconds ?? 60 });
  if (error.code === 'network') return t('sync.auth.offline');
  return t('sync.auth.failed', { reason: error.message });
}

export function SignInForm({ onSignedIn, showSignOut = true, variant = 'page', headingLevel = 3 }: SignInFormProps) {
  const { t } = useTranslation();
  const look = LOOKS[variant];
  const id = useId();
  const user = useAuth((s) => s.user);
  const checked = useAuth((s) => s.checked);
  const busy = useAuth((s) => s.busy);
  const error = useAuth((s) => s.error);
  const sessionChecked = useAuth((s) => s.sessionChecked);
  const signInRequested = useAuth((s) => s.signInRequested);
  const signOutRequested = useAuth((s) => s.signOutRequested);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const emailInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);
  const errorText = useErrorText(error);

  useEffect(
    function askWhoIsSignedIn() {
      if (!checked) void sessionChecked();
    },
    [checked, sessionChecked],
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!email.trim() || !password) {
      setMissing(true);
      (email.trim() ? passwordInput : emailInput).current?.focus();
      return;
    }
    setMissing(false);
    if (await signInRequested({ email: email.trim(), password })) {
      setPassword('');
      onSignedIn?.();
    } else passwordInput.current?.select();
  }

  if (user) {
    return (
      <div className={`${look.form} sign-in--done`}>
        <p role="status">{t('sync.auth.signedInAs', { name: user.name || user.email })}</p>
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
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const invalid = message ? true : undefined;
  const describedBy = message ? `${id}-error` : undefined;
  return (
    <form className={look.form} aria-labelledby={`${id}-heading`} onSubmit={(e) => void submit(e)} noValidate>
      <Heading id={`${id}-heading`} className="sign-in__heading">
        {t('sync.auth.heading')}
      </Heading>
      <div className={look.field}>
        <label htmlFor={`${id}-email`} className={look.label}>{t('sync.auth.email')}</label>
        <input
          ref={emailInput}
          id={`${id}-email`}
          className={look.input}
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
          value={email}
          aria-invalid={missing && !email.trim() ? true : invalid && !missing ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => setEmail(e.target.value)}
        />
      </div>
      <div className={look.field}>
        <label htmlFor={`${id}-password`} className={look.label}>{t('sync.auth.password')}</label>
        <input
          ref={passwordInput}
          id={`${id}-password`}
          className={look.input}
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          aria-invalid={missing && !password ? true : invalid && !missing ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => setPassword(e.target.value)}
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
