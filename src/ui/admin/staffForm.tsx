// pieces the staff console's forms share: a labelled field with hint and error, and refusals turned into words.
import { useCallback } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiRequestError, NetworkError } from '../../persistence/httpRepository.ts';
import './staffEnglish.ts';

export function StaffField({ id, label, hint, error, children }: { id: string; label: string; hint?: string | undefined; error?: string | null | undefined; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** aria props of the input inside a StaffField */
export function describedBy(id: string, hint: boolean, error: string | null | undefined) {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return { 'aria-describedby': ids || undefined, 'aria-invalid': error ? true : undefined } as const;
}

const KNOWN: Record<string, string> = {
  'slug-taken': 'staff.create.slugTaken',
  'email-taken': 'staff.users.emailTaken',
  'weak-password': 'staff.invite.weak',
  'invitation-not-found': 'staff.invite.notFound',
};

/** what a refused or failed request means, for the person at the console */
export function refusalText(t: TFunction, error: unknown): string {
  if (error instanceof NetworkError) return t('staff.offline');
  if (error instanceof ApiRequestError && KNOWN[error.code]) return t(KNOWN[error.code]!);
  return t('staff.failed', { reason: error instanceof Error ? error.message : String(error) });
}

export function FormAlert({ text }: { text: string | null }) {
  return text ? (
    <p className="form-alert" role="alert">
      {text}
    </p>
  ) : null;
}

export function useRefusalText(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback((error: unknown) => refusalText(t, error), [t]);
}
