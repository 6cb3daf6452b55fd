// /invite/<token>: a new staff member sets their password (the first-admin setup link also asks e-mail and name).
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../../persistence/httpRepository.ts';
import type { InvitationInfo, StaffApi } from '../../persistence/staffApi.ts';
import { useAuthStoreApi } from '../../store/useAuth.ts';
import { describedBy, FormAlert, StaffField, useRefusalText } from './staffForm.tsx';
import './staffEnglish.ts';

interface Props {
  api: Pick<StaffApi, 'getInvitation' | 'acceptInvitation'>;
  token: string;
}

export function InvitePage({ api, token }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const auth = useAuthStoreApi();
  const refusal = useRefusalText();
  const [info, setInfo] = useState<InvitationInfo | 'missing' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; name?: string; password?: string }>({});
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const doneRef = useRef<HTMLParagraphElement>(null);

  useEffect(
    function readInvitation() {
      api.getInvitation(token).then(
        (answer) => setInfo(answer),
        (error: unknown) => (error instanceof ApiRequestError && error.status === 404 ? setInfo('missing') : setFailure(refusal(error))),
      );
    },
    [api, token, refusal],
  );
  // a layout effect: focus moves in the same commit that shows it, never a moment after (a screen reader, or a test, found it unfocused)
  useLayoutEffect(
    function focusWelcome() {
      if (done) doneRef.current?.focus();
    },
    [done],
  );

  if (done) {
    return (
      <div className="form-done">
        <p ref={doneRef} tabIndex={-1}>
          {done}
        </p>
        <a className="button button--primary" href="/staff">
          {t('staff.invite.toConsole')}
        </a>
      </div>
    );
  }
  if (info === 'missing') return <p role="alert">{t('staff.invite.notFound')}</p>;
  if (!info) return <FormAlert text={failure} />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!info || info === 'missing') return;
    const found = {
      ...(info.setup && !/^\S+@\S+$/.test(email.trim()) ? { email: t('staff.users.needEmail') } : {}),
      ...(info.setup && !name.trim() ? { name: t('staff.users.needName') } : {}),
      ...(password ? {} : { password: t('staff.invite.needPassword') }),
    };
    setErrors(found);
    setFailure(null);
    const first = (['email', 'name', 'password'] as const).find((k) => found[k]);
    if (first) {
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const session = await api.acceptInvitation(token, { password, ...(info.setup ? { email: email.trim(), name: name.trim() } : {}) });
      await auth.getState().signedIn(session);
      setDone(t('staff.invite.done', { name: session.user.name }));
    } catch (error) {
      if (error instanceof ApiRequestError && error.code === 'weak-password') {
        setErrors({ password: t('staff.invite.weak') });
        document.getElementById(`${id}-password`)?.focus();
      } else setFailure(refusal(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="staff-form staff-section" aria-labelledby={`${id}-heading`} noValidate onSubmit={(e) => void submit(e)}>
      <h2 id={`${id}-heading`}>{info.setup ? t('staff.invite.setupHeading') : t('staff.invite.heading')}</h2>
      <p>{info.setup ? t('staff.invite.setupIntro') : t('staff.invite.intro', { email: info.email ?? '' })}</p>
      {info.setup ? (
        <>
          <StaffField id={`${id}-email`} label={t('staff.users.email')} error={errors.email}>
            <input id={`${id}-email`} {...describedBy(`${id}-email`, false, errors.email)} type="email" autoComplete="username" spellCheck={false} value={email} onChange={(e) => setEmail(e.target.value)} />
          </StaffField>
          <StaffField id={`${id}-name`} label={t('staff.users.name')} error={errors.name}>
            <input id={`${id}-name`} {...describedBy(`${id}-name`, false, errors.name)} type="text" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
          </StaffField>
        </>
      ) : (
        // password managers file the new password under this account's e-mail
        <input type="email" name="username" autoComplete="username" value={info.email ?? ''} readOnly hidden />
      )}
      <StaffField id={`${id}-password`} label={t('staff.invite.password')} hint={t('staff.invite.passwordHint')} error={errors.password}>
        <input id={`${id}-password`} {...describedBy(`${id}-password`, true, errors.password)} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </StaffField>
      <FormAlert text={failure} />
      <div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('staff.invite.submit')}
        </button>
      </div>
    </form>
  );
}
